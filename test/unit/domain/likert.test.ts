import { describe, expect, it } from 'vitest';
import { customScale, likertScaleOf, likertStep, proposeScaleOrder, scaleSteps } from '../../../renderer/src/domain/likert';

describe('likertScaleOf', () => {
  it.each([
    // The pilot's own scales keep their ids (the views and the report's figures depend on them).
    [['Mycket nöjd', 'Ganska nöjd', 'Varken eller', 'Vet ej'], 'satisfaction'],
    [['Ja, några få medarbetare', 'Nej, inte alls', 'Vet ej'], 'knowledge'],
    [['Ibland', 'Alltid', 'Oftast'], 'frequency'],
    // The report's RBM-day question (its 49 %): "Inte alls" is on two scales, "Delvis" decides.
    [['Helt och hållet', 'Till stor del', 'Delvis', 'Inte alls'], 'degree'],
    [['Ja, helt', 'Ja, delvis', 'Nej'], 'yes-partly'],
    [['Instämmer helt', 'Instämmer inte alls', 'Instämmer delvis'], 'agreement'],
    [['Aldrig', 'Sällan', 'Ofta'], 'often'],
    [['Mycket bra', 'Ganska dåligt'], 'quality'],
    // Numbered steps as Microsoft Forms writes a Likert question: the ends labelled, the middle bare.
    [['1 – Instämmer inte alls', '2', '3', '5 – Instämmer helt'], 'numbered:5'],
    [['1 - Mycket dåligt', '4', '7 - Mycket bra'], 'numbered:7'],
    // The top step nobody reached is not known from the answers: the usual five.
    [['1 – Instämmer inte alls', '2', '4'], 'numbered:5'],
    // The scale whose own words the answers are: the five-step one, not the pilot's (where "aldrig" is a spelling).
    [['Aldrig', 'Ibland', 'Alltid'], 'often'],
    // The common five satisfaction steps (`Nöjd`, `Missnöjd` without `ganska`).
    [['Mycket nöjd', 'Nöjd', 'Varken eller', 'Missnöjd', 'Mycket missnöjd', 'Vet ej'], 'satisfaction'],
    [['1 = Inte alls', '3', '5 = Helt och hållet'], 'numbered:5'],
    [['1 (Instämmer inte alls)', '2', '5 (Instämmer helt)'], 'numbered:5'],
    [['1 - Mycket missnöjd', '4', '5 - Mycket nöjd'], 'numbered:5'],
    [['1 – Mycket svårt', '2', '3', '5 – Mycket lätt'], 'numbered:5'],
  ])('%j is on %s', (values, scale) => {
    expect(likertScaleOf(values)).toBe(scale);
  });

  it.each([
    [['Ja', 'Nej']],
    [['Nej']],
    [['Nej', 'Vet inte']],
    [['1', '2', '3']],
    [['1. KOMET', '2. FFT', '3. MST']],
    [['KOMET', 'FFT']],
    [['Vet ej']],
    [['Mycket nöjd', 'Delvis']],
  ])('%j is no scale', (values) => {
    expect(likertScaleOf(values)).toBeNull();
  });

  it('places each answer on the scale the column is on', () => {
    expect(likertStep('Inte alls', 'degree')).toEqual({ scale: 'degree', position: 1, label: 'Inte alls' });
    expect(likertStep('Inte alls')).toEqual({ scale: 'knowledge', position: 1, label: 'Inte alls' });
    expect(likertStep('helt och hållet', 'degree')?.position).toBe(4);
    expect(likertStep('5 – Instämmer helt', 'numbered:5')).toEqual({ scale: 'numbered:5', position: 5, label: '5' });
    expect(likertStep('6', 'numbered:5')).toBeNull();
    expect(scaleSteps('numbered:5')).toEqual(['1', '2', '3', '4', '5']);
  });
});

describe('scales the user confirms', () => {
  it('proposes an order, lowest first, for answers graded by their words', () => {
    expect(proposeScaleOrder(['Varje vecka', 'Aldrig', 'Flera gånger', 'Någon gång', 'Vet ej'])).toEqual(['Aldrig', 'Någon gång', 'Flera gånger', 'Varje vecka']);
    expect(proposeScaleOrder(['Stor nytta', 'Ingen nytta', 'Liten nytta'])).toEqual(['Ingen nytta', 'Liten nytta', 'Stor nytta']);
    expect(proposeScaleOrder(['Hög', 'Mycket låg', 'Låg', 'Mycket hög'])).toEqual(['Mycket låg', 'Låg', 'Hög', 'Mycket hög']);
    expect(proposeScaleOrder(['Mycket bra', 'Varken bra eller dåligt', 'Dåligt'])).toEqual(['Dåligt', 'Varken bra eller dåligt', 'Mycket bra']);
    expect(proposeScaleOrder(['Mycket nöjd', 'Inte alls nöjd', 'Lite nöjd', 'Ganska nöjd'])).toEqual(['Inte alls nöjd', 'Lite nöjd', 'Ganska nöjd', 'Mycket nöjd']);
  });

  it('proposes nothing for answers that are not graded, or two that grade the same', () => {
    expect(proposeScaleOrder(['Socialsekreterare', 'Enhetschef'])).toBeNull();
    expect(proposeScaleOrder(['Stor', 'Hög'])).toBeNull();
    expect(proposeScaleOrder(['Ja'])).toBeNull();
  });

  it('keeps a confirmed order in the scale id and places answers by it', () => {
    const scale = customScale(['Aldrig', 'Någon gång', 'Varje vecka']);
    expect(scaleSteps(scale)).toEqual(['Aldrig', 'Någon gång', 'Varje vecka']);
    expect(likertStep('någon gång', scale)).toEqual({ scale, position: 2, label: 'Någon gång' });
    expect(likertStep('Ibland', scale)).toBeNull();
  });
});
