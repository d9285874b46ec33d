import { describe, expect, it } from 'vitest';
import { classifyText, DATE, EMPTY, FLOAT, INT, parseNumberText, TEXT, TIMESTAMP } from '../../../renderer/src/import/parse-value';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

function classify(text: string): [number, number | null] {
  const out = new Float64Array(1);
  const kind = classifyText(text, out);
  return [kind, kind === TEXT || kind === EMPTY ? null : out[0]!];
}

describe('classifyText: numbers the Swedish way', () => {
  it.each([
    ['34,5', FLOAT, 34.5],
    ['34.5', FLOAT, 34.5],
    ['1 234', INT, 1234],
    [`1${NBSP}234`, INT, 1234],
    [`1${NNBSP}234${NNBSP}567`, INT, 1234567],
    ['1 234,5', FLOAT, 1234.5],
    ['12 345 678,25', FLOAT, 12345678.25],
    ['34 %', INT, 34],
    ['34%', INT, 34],
    [`12,5${NBSP}%`, FLOAT, 12.5],
    ['-5', INT, -5],
    ['−5', INT, -5],
    ['+7', INT, 7],
    ['-0,05', FLOAT, -0.05],
    ['0', INT, 0],
    ['0,5', FLOAT, 0.5],
    ['  12  ', INT, 12],
    [`${NBSP}12${NBSP}`, INT, 12],
    ['0,1', FLOAT, 0.1],
    ['123456789012345', INT, 123456789012345],
    ['0,123456789012345678', FLOAT, 0.12345678901234568],
  ])('%j is the number %d', (text, kind, value) => {
    expect(classify(text)).toEqual([kind, value]);
  });

  it('parses decimals exactly as JavaScript does', () => {
    for (const text of ['0,1', '0,2', '0,3', '1,1', '2,675', '99,99', '1234,5678', '0,000001', '9007199,254740']) {
      expect(classify(text)[1]).toBe(Number(text.replace(',', '.')));
    }
  });

  it.each([
    ['0180', 'a municipality code keeps its zero'],
    ['00', 'a code'],
    ['12345678901234567', 'an identifier, not a count'],
    ['2023-04', 'a period'],
    ['2023 T1', 'a period'],
    ['+46 8 123 456', 'a phone number'],
    ['1 23', 'not a group of three'],
    ['1234 567', 'first group too long'],
    ['1.234.567', 'dots as thousands'],
    ['1e5', 'exponent'],
    ['inf', 'words'],
    [',5', 'no integer part'],
    ['12,', 'no decimals'],
    ['5 %x', 'text after the sign'],
    ['Falun', 'a name'],
    ['12 st', 'a unit'],
  ])('%j stays text (%s)', (text) => {
    expect(classify(text)[0]).toBe(TEXT);
  });

  it('treats blank values as empty', () => {
    expect(classify('')[0]).toBe(EMPTY);
    expect(classify(`  ${NBSP}`)[0]).toBe(EMPTY);
  });

  it('parseNumberText gives the number or null', () => {
    expect(parseNumberText('1 234,5')).toBe(1234.5);
    expect(parseNumberText('0180')).toBeNull();
    expect(parseNumberText('2024-01-01')).toBeNull();
  });
});

describe('classifyText: ISO dates and timestamps', () => {
  const ms = (iso: string) => Date.parse(iso);
  it.each([
    ['2024-10-01', DATE, ms('2024-10-01T00:00:00Z') / 86_400_000],
    ['2024-02-29', DATE, ms('2024-02-29T00:00:00Z') / 86_400_000],
    ['1969-12-31', DATE, -1],
    ['2024-10-01 08:15', TIMESTAMP, ms('2024-10-01T08:15:00Z')],
    ['2024-10-01T08:15:30', TIMESTAMP, ms('2024-10-01T08:15:30Z')],
    ['2024-10-01T08:15:30.5Z', TIMESTAMP, ms('2024-10-01T08:15:30.500Z')],
    ['2024-10-01 08:15:30.123456', TIMESTAMP, ms('2024-10-01T08:15:30.123Z') + 0.456],
  ])('%j', (text, kind, value) => {
    const [k, v] = classify(text);
    expect(k).toBe(kind);
    expect(v).toBeCloseTo(value, 6);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-00-10', '2024-1-5', '2024-10-01T25:00', '2024-10-01T08:15+02:00', '01-10-2024', '2024/10/01'])(
    '%j is text',
    (text) => {
      expect(classify(text)[0]).toBe(TEXT);
    },
  );
});
