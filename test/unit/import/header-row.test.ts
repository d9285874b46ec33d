import { describe, expect, it } from 'vitest';
import { detectHeaderRow } from '../../../renderer/src/import/header-row';

describe('detectHeaderRow', () => {
  it('skips a title, an extract date and a blank row (a hand-made sheet)', () => {
    expect(
      detectHeaderRow([
        ['Insatser per stadsdel 2024', null, null],
        ['Uttag 2024-10-01', null, null],
        [],
        ['Enhet', 'Period', 'Insats', 'Antal'],
        ['Skärholmen', '2024-01', 'KOMET', 12],
        ['Kista', '2024-01', 'FFT', 3],
        ['Totalt', null, null, 15],
      ]),
    ).toBe(3);
  });

  it('is the first row when there is nothing above the header', () => {
    expect(
      detectHeaderRow([
        ['Kommun', 'Antal'],
        ['Falun', '3'],
        ['Mora', '4'],
      ]),
    ).toBe(0);
  });

  it('accepts years as column names', () => {
    expect(
      detectHeaderRow([
        ['Rapport: insatser', null, null, null],
        ['Kommun', 2021, 2022, 2023],
        ['Falun', 3, 4, 5],
        ['Mora', 6, 7, 8],
      ]),
    ).toBe(1);
  });

  it('accepts one blank header cell (a pivot table corner)', () => {
    expect(
      detectHeaderRow([
        ['Antal per kommun'],
        [null, 'KOMET', 'FFT', 'MST'],
        ['Falun', 3, 4, 5],
        ['Mora', 6, 7, 8],
      ]),
    ).toBe(1);
  });

  it('rejects a two-cell title over a wider table', () => {
    expect(
      detectHeaderRow([
        ['Uttag', '2024-10-01'],
        ['Enhet', 'Period', 'Antal'],
        ['Falun', '2024-01', 3],
        ['Mora', '2024-01', 4],
      ]),
    ).toBe(1);
  });

  it('falls back to the first non-blank row', () => {
    expect(detectHeaderRow([[], ['Bara en rad']])).toBe(1);
    expect(detectHeaderRow([])).toBe(0);
  });
});
