import { describe, expect, it } from 'vitest';
import { formatBytes, formatCell, formatNumber, formatRate } from '../../../renderer/src/format';

// Intl writes a no-break space (U+00A0) between thousands in Swedish: normalise for readability.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('Swedish number format', () => {
  it.each([
    [1234.5, 'sv', '1 234,5'],
    [1234.5, 'en', '1,234.5'],
    [0.125, 'sv', '0,13'],
    [1000000, 'sv', '1 000 000'],
  ] as const)('%s in %s → %s', (value, lang, expected) => {
    expect(plain(formatNumber(value, lang))).toBe(expected);
  });

  it('writes rates per 10,000 with one decimal always, so they line up', () => {
    expect([0, 1, 1.94, 1234.56].map((rate) => plain(formatRate(rate, 'sv')))).toEqual(['0,0', '1,0', '1,9', '1 234,6']);
    expect(formatRate(1.94, 'en')).toBe('1.9');
  });

  it('formats sizes with binary units', () => {
    expect(plain(formatBytes(512 * 1024 * 1024, 'sv'))).toBe('512 MB');
    expect(plain(formatBytes(1536, 'sv'))).toBe('1,5 kB');
  });
});

describe('formatCell', () => {
  it('formats by column type', () => {
    const epoch = Date.UTC(2023, 9, 2, 8, 15);
    expect(formatCell(epoch, 'TIMESTAMP_MS', 'sv')).toBe('2023-10-02 08:15');
    expect(formatCell(epoch, 'DATE', 'en')).toBe('2023-10-02');
    expect(formatCell(42.5, 'DOUBLE', 'sv')).toBe('42,5');
    expect(formatCell(true, 'BOOLEAN', 'sv')).toBe('sant');
    expect(formatCell(null, 'VARCHAR', 'sv')).toBe('');
    expect(formatCell('Falu kommun', 'VARCHAR', 'sv')).toBe('Falu kommun');
  });
});
