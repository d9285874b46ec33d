import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_SUPPORT_URL, MESSAGES as MAIN_MESSAGES, translate as translateMain } from '../../../electron/strings';
import type { Plural } from '../../../renderer/src/i18n/plural';
import { MESSAGES, translate, type Message, type MessageKey } from '../../../renderer/src/i18n/translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** Every text a message can show, with the count that picks it (a plain string: none). */
const texts = (message: Message): string[] => (typeof message === 'string' ? [message] : Object.values(message.forms));
const keys = Object.keys(MESSAGES.sv) as MessageKey[];
const pluralKeys = keys.filter((key) => typeof MESSAGES.sv[key] !== 'string');

describe('the renderer catalogue', () => {
  it('has the same keys in Swedish and English', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual([...keys].sort());
  });

  it('has the same placeholders in every form of every message, in both languages', () => {
    for (const key of keys) {
      const expected = placeholders(texts(MESSAGES.sv[key])[0]!);
      for (const text of [...texts(MESSAGES.sv[key]), ...texts(MESSAGES.en[key])]) expect(placeholders(text), key).toEqual(expected);
    }
  });

  it('has plurals in both languages where one has them, counted by a placeholder of the message', () => {
    expect(pluralKeys.length).toBeGreaterThan(10);
    for (const key of keys) {
      const [sv, en] = [MESSAGES.sv[key], MESSAGES.en[key]];
      expect(typeof en, key).toBe(typeof sv);
      if (typeof sv === 'string') continue;
      expect((en as Plural).count, key).toBe(sv.count);
      expect(placeholders(sv.forms.other), key).toContain(sv.count);
      expect(sv.forms.one, key).toBeDefined();
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('sv', 'errorEmpty', { file: 'enkät.csv' })).toBe('enkät.csv: filen är tom.');
    expect(translate('en', 'errorEmpty')).toBe('{file}: the file is empty.');
    // Numbers in the reader's format: a Swedish thousands space (U+00A0), an English comma.
    expect(translate('sv', 'unitsN', { total: 1234 })).toBe('N = 1\u00a0234 enheter');
    expect(translate('en', 'unitsN', { total: 1234 })).toBe('N = 1,234 units');
  });

  it('picks the singular for exactly one, in both languages', () => {
    expect(translate('sv', 'unitsN', { total: 1 })).toBe('N = 1 enhet');
    expect(translate('en', 'unitsN', { total: 1 })).toBe('N = 1 unit');
    expect(translate('sv', 'unitsN', { total: 0 })).toBe('N = 0 enheter');
    expect(translate('sv', 'reportNoUnitRows', { n: 1 })).toBe('1 rad utan enhet läses inte in');
    expect(translate('sv', 'sheetWithRows', { sheet: 'Blad1', rows: 2 })).toBe('Blad1 (2 rader)');
    // Without its count a plural shows its `other` form with the placeholder visible, never nothing.
    expect(translate('sv', 'unitsN')).toBe('N = {total} enheter');
  });

  it('shows every plural with its count, in the singular exactly when the count is 1', () => {
    fc.assert(
      fc.property(fc.constantFrom(...pluralKeys), fc.constantFrom('sv' as const, 'en' as const), fc.nat(100_000), (key, lang, n) => {
        const message = MESSAGES[lang][key] as Plural;
        const params = Object.fromEntries(placeholders(message.forms.other).map((name) => [name, name === message.count ? n : 'X']));
        const text = translate(lang, key, params);
        expect(text).toContain(new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB').format(n));
        const one = translate(lang, key, { ...params, [message.count]: 1 });
        expect(text === one).toBe(n === 1);
      }),
    );
  });
});

describe('the main process catalogue', () => {
  it('has the same keys and placeholders in Swedish and English', () => {
    expect(Object.keys(MAIN_MESSAGES.en).sort()).toEqual(Object.keys(MAIN_MESSAGES.sv).sort());
    for (const [key, text] of Object.entries(MAIN_MESSAGES.sv)) {
      expect(placeholders(MAIN_MESSAGES.en[key as keyof typeof MAIN_MESSAGES.en]), key).toEqual(placeholders(text));
    }
  });

  it('fills its placeholders in both languages', () => {
    expect(translateMain('sv', 'errorRecentMissing', { file: 'a.metodkartan' })).toBe('a.metodkartan finns inte längre och har tagits bort ur listan.');
    expect(translateMain('en', 'menuFile')).toBe('File');
    expect(translateMain('sv', 'menuFile')).toBe('Arkiv');
    expect(KNOWLEDGE_SUPPORT_URL).toMatch(/^https:\/\/www\.socialstyrelsen\.se\//);
  });
});
