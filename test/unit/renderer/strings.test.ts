import { describe, expect, it } from 'vitest';
import { MESSAGES, translate } from '../../../electron/shared/strings';

describe('strings', () => {
  it('has the same keys and the same placeholders in Swedish and English', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.sv).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(MESSAGES.sv) as (keyof typeof MESSAGES.sv)[]) {
      expect(placeholders(MESSAGES.en[key]), key).toEqual(placeholders(MESSAGES.sv[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('sv', 'errorEmpty', { file: 'enkät.csv' })).toBe('enkät.csv: filen är tom.');
    expect(translate('en', 'errorEmpty')).toBe('{file}: the file is empty.');
    // Numbers in the reader's format: a Swedish thousands space (U+00A0), an English comma.
    expect(translate('sv', 'unitsN', { total: 1234 })).toBe('N = 1\u00a0234 enheter');
    expect(translate('en', 'unitsN', { total: 1234 })).toBe('N = 1,234 units');
  });
});
