import { describe, expect, it } from 'vitest';
import { combineHeaderRows, detectHeaderRow, detectTwoRowHeader } from '../../../renderer/src/import/header-row';

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

describe('a two-row header', () => {
  // Netigate: the question merged across its options in row 1, the options in row 2, `Kommun` alone in row 1.
  const top = ['Respondent', 'Kommun', 'Vilka insatser använder ni?', null, null, 'Vilka bedömningsinstrument använder ni?', null];
  const below = [null, null, 'KOMET', 'FFT', 'Triple P', 'SAVRY', 'EARL-20B / EARL-21G'];
  const data = [104711, 'Nacka kommun', 1, null, null, 1, null];

  it('is found from either of its rows, and combined into `question: option`', () => {
    const rows = [top, below, data, data];
    expect(detectTwoRowHeader(rows, 0)).toBe(0);
    expect(detectTwoRowHeader(rows, 1)).toBe(0);
    expect(combineHeaderRows(top, below)).toEqual([
      'Respondent',
      'Kommun',
      'Vilka insatser använder ni?: KOMET',
      'Vilka insatser använder ni?: FFT',
      'Vilka insatser använder ni?: Triple P',
      'Vilka bedömningsinstrument använder ni?: SAVRY',
      'Vilka bedömningsinstrument använder ni?: EARL-20B / EARL-21G',
    ]);
  });

  it('is found where the question is repeated over each option (an export without merged cells)', () => {
    const repeated = [['Respondent', 'Kommun', 'Insatser', 'Insatser', 'Insatser'], [null, null, 'KOMET', 'FFT', 'MST'], [1, 'Falun', 1, null, 1]];
    expect(detectTwoRowHeader(repeated, 1)).toBe(0);
    expect(combineHeaderRows(repeated[0]!, repeated[1]!)).toEqual(['Respondent', 'Kommun', 'Insatser: KOMET', 'Insatser: FFT', 'Insatser: MST']);
  });

  it('takes names from the lower row where the top row is empty above them', () => {
    expect(combineHeaderRows([null, 'Insatser', null], ['Kommun', 'KOMET', 'FFT'])).toEqual(['Kommun', 'Insatser: KOMET', 'Insatser: FFT']);
  });

  it('is not a title above a header, nor a header above data', () => {
    expect(detectTwoRowHeader([['Insatser per stadsdel 2024'], ['Kommun', 'KOMET', 'FFT'], ['Falun', 'Ja', 'Nej']], 1)).toBeNull();
    expect(detectTwoRowHeader([['Kommun', 'KOMET', 'FFT'], ['Falun', null, 'X'], ['Mora', 'X', null]], 0)).toBeNull();
    expect(detectTwoRowHeader([['Kommun', 'Antal'], ['Falun', 4]], 0)).toBeNull();
    // Repeated header words above a first data row with a blank: a header, not a question over options.
    expect(detectTwoRowHeader([['Kommun', 'Metod', 'Metod', 'Metod'], ['Ale', 'KOMET', 'MST', null], ['Mora', 'FFT', null, null]], 0)).toBeNull();
  });
});
