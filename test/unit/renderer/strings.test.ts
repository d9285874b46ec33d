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
  });
});
