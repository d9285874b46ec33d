import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../../electron/shared/ipc-contract';
import { MAX_URL_LENGTH } from '../../../electron/policy/trusted-url';
import {
  MAX_SUGGESTED_NAME_LENGTH,
  noArguments,
  oneArgument,
  parseFileName,
  parseLang,
  parseSaveRequest,
  parseUrl,
} from '../../../electron/ipc/validate';

describe('parseFileName', () => {
  it.each(['metodkartan.csv', 'Insatser per kommun 2024.xlsx', 'åäö-export.png', 'a'.repeat(MAX_SUGGESTED_NAME_LENGTH)])(
    'accepts %s',
    (name) => {
      expect(parseFileName(name)).toBe(name);
    },
  );

  it.each([
    ['a POSIX path', '../../etc/passwd'],
    ['an absolute path', '/etc/passwd'],
    ['a Windows path', 'C:\\Users\\x\\evil.exe'],
    ['a drive-relative name', 'C:evil.csv'],
    ['a UNC path', '\\\\server\\share\\x.csv'],
    ['dot-dot alone', '..'],
    ['dot-dot inside', 'a..csv'],
    ['a hidden file', '.bashrc'],
    ['NUL', 'export\u0000.csv'],
    ['a newline', 'export\n.csv'],
    ['a trailing dot', 'export.csv.'],
    ['a trailing space', 'export.csv '],
    ['only spaces', '   '],
    ['CON', 'CON'],
    ['con with an extension', 'con.csv'],
    ['COM1', 'COM1.txt'],
    ['LPT9', 'lpt9'],
    ['NUL device', 'NUL.csv'],
    ['a wildcard', '*.csv'],
    ['a pipe', 'a|b.csv'],
    ['empty', ''],
    ['too long', 'a'.repeat(MAX_SUGGESTED_NAME_LENGTH + 1)],
  ])('refuses %s', (_label, name) => {
    expect(parseFileName(name)).toBeNull();
  });

  it.each([null, undefined, 1, {}, ['a.csv']])('refuses a non-string: %s', (value) => {
    expect(parseFileName(value)).toBeNull();
  });
});

describe('parseSaveRequest', () => {
  const bytes = new Uint8Array([1, 2, 3]);

  it('accepts a name and bytes', () => {
    expect(parseSaveRequest({ suggestedName: 'rapport.csv', bytes })).toEqual({ suggestedName: 'rapport.csv', bytes });
  });

  it('refuses bytes over the size limit without copying them', () => {
    const tooLarge = { byteLength: MAX_FILE_BYTES + 1 };
    Object.setPrototypeOf(tooLarge, Uint8Array.prototype);
    expect(parseSaveRequest({ suggestedName: 'rapport.csv', bytes: tooLarge })).toBeNull();
  });

  it.each([
    ['null', null],
    ['a string', 'rapport.csv'],
    ['an array', ['rapport.csv', bytes]],
    ['bytes as an array of numbers', { suggestedName: 'rapport.csv', bytes: [1, 2, 3] }],
    ['bytes as a string', { suggestedName: 'rapport.csv', bytes: 'AQID' }],
    ['bytes as an ArrayBuffer', { suggestedName: 'rapport.csv', bytes: bytes.buffer }],
    ['bytes as another typed array', { suggestedName: 'rapport.csv', bytes: new Uint16Array(3) }],
    ['missing bytes', { suggestedName: 'rapport.csv' }],
    ['a traversal name', { suggestedName: '../rapport.csv', bytes }],
    ['a name that is not a string', { suggestedName: 42, bytes }],
  ])('refuses %s', (_label, value) => {
    expect(parseSaveRequest(value)).toBeNull();
  });
});

describe('parseLang', () => {
  it.each(['sv', 'en'])('accepts %s', (lang) => {
    expect(parseLang(lang)).toBe(lang);
  });
  it.each(['SV', 'de', '', 'sv ', null, 0, { lang: 'sv' }])('refuses %s', (value) => {
    expect(parseLang(value)).toBeNull();
  });
});

describe('parseUrl', () => {
  it('accepts a string up to the limit', () => {
    const url = `https://x.se/${'a'.repeat(MAX_URL_LENGTH - 13)}`;
    expect(url).toHaveLength(MAX_URL_LENGTH);
    expect(parseUrl(url)).toBe(url);
  });
  it.each(['', `https://x.se/${'a'.repeat(MAX_URL_LENGTH)}`, null, 1, new URL('https://x.se/')])('refuses %s', (value) => {
    expect(parseUrl(value)).toBeNull();
  });
});

describe('argument lists', () => {
  it('noArguments accepts only an empty list', () => {
    expect(noArguments([])).toEqual([]);
    expect(noArguments([undefined])).toBeNull();
  });

  it('oneArgument requires exactly one valid argument', () => {
    const lang = oneArgument(parseLang);
    expect(lang(['sv'])).toEqual(['sv']);
    expect(lang([])).toBeNull();
    expect(lang(['sv', 'en'])).toBeNull();
    expect(lang(['de'])).toBeNull();
  });
});
