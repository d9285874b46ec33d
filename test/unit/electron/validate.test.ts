import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, MAX_IMAGE_BYTES } from '../../../electron/shared/ipc-contract';
import { MAX_URL_LENGTH } from '../../../electron/policy/trusted-url';
import {
  MAX_SUGGESTED_NAME_LENGTH,
  noArguments,
  oneArgument,
  parseFileName,
  parseLang,
  parsePngImage,
  parseSaveRequest,
  parseUrl,
  parseWorkspaceBytes,
  parseWorkspaceName,
  parseWorkspaceSaveRequest,
  PNG_SIGNATURE,
} from '../../../electron/ipc/validate';
import { PNG_1X1, pngHeaderThen } from './fakes';

describe('parseFileName', () => {
  // Names people give files, from exports and from file names the app builds from them.
  it.each([
    'metodkartan.csv',
    'Insatser per kommun 2024.xlsx',
    'åäö-export.png',
    'rapport..2023.xlsx',
    'Enkät v.2..slutlig.csv',
    '.metodkartan-kopia.csv',
    'Metodenkät (svar) – 2024.xlsx',
    'insatser_2023–2024 [utkast].csv',
    "Socialförvaltningen's export #3.csv",
    'FFT & MST, Dalarna.csv',
    'con-export.csv',
    'a'.repeat(MAX_SUGGESTED_NAME_LENGTH),
  ])(
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
    ['dot alone', '.'],
    ['dot-dot as a directory', '../x.csv'],
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

describe('parsePngImage', () => {
  /** A zero-filled Uint8Array of `size` bytes that begins with the PNG signature. */
  function pngOfSize(size: number): Uint8Array {
    const bytes = new Uint8Array(size);
    bytes.set(PNG_SIGNATURE);
    return bytes;
  }

  it('knows the PNG signature', () => {
    expect(PNG_SIGNATURE).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(MAX_IMAGE_BYTES).toBe(64 * 1024 * 1024);
  });

  it.each([
    ['a real PNG', PNG_1X1],
    ['the signature and more bytes', pngHeaderThen(0, 0, 0, 13)],
    ['the signature alone (decoding is for nativeImage)', pngHeaderThen()],
    ['a view into a larger buffer', new Uint8Array([0, 0, ...PNG_1X1]).subarray(2)],
    ['a Node Buffer (a Uint8Array)', Buffer.from(PNG_1X1)],
  ])('accepts %s, returning the same object', (_label, bytes) => {
    expect(parsePngImage(bytes)).toBe(bytes);
  });

  it('accepts exactly the size limit', () => {
    const bytes = pngOfSize(MAX_IMAGE_BYTES);
    expect(parsePngImage(bytes)).toBe(bytes);
  });

  it('refuses one byte over the size limit', () => {
    expect(parsePngImage(pngOfSize(MAX_IMAGE_BYTES + 1))).toBeNull();
  });

  const asciiSignature = '\x89PNG\r\n\x1a\n';
  const arrayLike = Object.fromEntries([...PNG_1X1.entries()].map(([index, byte]) => [String(index), byte]));
  const borrowedPrototype = Object.setPrototypeOf({ ...arrayLike, length: PNG_1X1.length, byteLength: PNG_1X1.length }, Uint8Array.prototype) as unknown;
  const hostileProxy = new Proxy(PNG_1X1, {
    get: () => {
      throw new Error('trap');
    },
    getPrototypeOf: () => {
      throw new Error('trap');
    },
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 0x89],
    ['NaN', Number.NaN],
    ['a boolean', true],
    ['the signature as a string', `${asciiSignature}rest`],
    ['base64 of a PNG', Buffer.from(PNG_1X1).toString('base64')],
    ['a data URL', `data:image/png;base64,${Buffer.from(PNG_1X1).toString('base64')}`],
    ['a plain array of the bytes', [...PNG_1X1]],
    ['an object with a length and indices', { ...arrayLike, length: PNG_1X1.length }],
    ['an object with a byteLength', { byteLength: PNG_1X1.length, 0: 0x89 }],
    ['an object that borrows Uint8Array.prototype', borrowedPrototype],
    ['a Proxy whose traps throw', hostileProxy],
    ['an ArrayBuffer', PNG_1X1.slice().buffer],
    ['a DataView', new DataView(PNG_1X1.slice().buffer)],
    ['a Uint16Array', new Uint16Array(PNG_1X1)],
    ['a Uint8ClampedArray', new Uint8ClampedArray(PNG_1X1)],
    ['an Int8Array', new Int8Array(PNG_1X1)],
    ['a Blob', new Blob([PNG_1X1.slice()], { type: 'image/png' })],
    ['a JPEG', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01])],
    ['a GIF', new TextEncoder().encode('GIF89a\x01\x00\x01\x00')],
    ['an SVG', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['an empty Uint8Array', new Uint8Array(0)],
    ['a truncated signature', pngHeaderThen().subarray(0, 7)],
    ['a signature mangled by line-ending conversion', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0a, 0x1a, 0x0a, 0, 0])],
    ['a signature one byte off', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b, 0])],
    ['a PNG behind a prefix', Uint8Array.from([0, ...PNG_1X1])],
    ['an object wrapping a PNG', { png: PNG_1X1 }],
  ])('refuses %s', (_label, value) => {
    expect(parsePngImage(value)).toBeNull();
  });

  it('refuses extra arguments in the argument list', () => {
    const validate = oneArgument(parsePngImage);
    expect(validate([PNG_1X1])).toEqual([PNG_1X1]);
    expect(validate([PNG_1X1, PNG_1X1])).toBeNull();
    expect(validate([PNG_1X1, undefined])).toBeNull();
    expect(validate([])).toBeNull();
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

describe('parseWorkspaceName', () => {
  it.each([
    ['Kartläggning 2024.metodkartan', 'Kartläggning 2024.metodkartan'],
    ['Kartläggning 2024', 'Kartläggning 2024.metodkartan'],
    ['ARBETSYTA.METODKARTAN', 'ARBETSYTA.METODKARTAN'],
    ['export.csv', 'export.csv.metodkartan'],
    ['a'.repeat(MAX_SUGGESTED_NAME_LENGTH - 12), `${'a'.repeat(MAX_SUGGESTED_NAME_LENGTH - 12)}.metodkartan`],
  ])('accepts %s as %s', (name, expected) => {
    expect(parseWorkspaceName(name)).toBe(expected);
  });

  it.each([
    ['a traversal name', '../x.metodkartan'],
    ['an absolute path', '/tmp/x.metodkartan'],
    ['only the extension (hidden)', '.metodkartan'],
    ['a reserved device name', 'con'],
    ['a reserved device name with the extension', 'NUL.metodkartan'],
    ['a trailing dot', 'x.'],
    ['a name too long once the extension is added', 'a'.repeat(MAX_SUGGESTED_NAME_LENGTH - 11)],
    ['empty', ''],
    ['not a string', 42],
  ])('refuses %s', (_label, name) => {
    expect(parseWorkspaceName(name)).toBeNull();
  });
});

describe('parseWorkspaceBytes', () => {
  it('accepts a non-empty Uint8Array (and a Buffer), returning the same object', () => {
    const bytes = new Uint8Array([0x50, 0x4b]);
    expect(parseWorkspaceBytes(bytes)).toBe(bytes);
    const buffer = Buffer.from([1]);
    expect(parseWorkspaceBytes(buffer)).toBe(buffer);
  });

  it('refuses one byte over the size limit', () => {
    // Zero-filled pages are only reserved, so this costs no real memory.
    expect(parseWorkspaceBytes(new Uint8Array(MAX_FILE_BYTES + 1))).toBeNull();
  });

  it.each([
    ['empty', new Uint8Array(0)],
    ['null', null],
    ['a string', 'PK'],
    ['an array', [0x50, 0x4b]],
    ['an ArrayBuffer', new ArrayBuffer(2)],
    ['a Uint8ClampedArray', new Uint8ClampedArray(2)],
    ['an object that borrows Uint8Array.prototype', Object.setPrototypeOf({ byteLength: 2 }, Uint8Array.prototype) as unknown],
  ])('refuses %s', (_label, value) => {
    expect(parseWorkspaceBytes(value)).toBeNull();
  });
});

describe('parseWorkspaceSaveRequest', () => {
  const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);

  it('accepts bytes, saveAs and a name, adding the extension', () => {
    expect(parseWorkspaceSaveRequest({ bytes, saveAs: false, suggestedName: 'Kartläggning' })).toEqual({
      bytes,
      saveAs: false,
      suggestedName: 'Kartläggning.metodkartan',
    });
  });

  it('returns only the three fields', () => {
    expect(parseWorkspaceSaveRequest({ bytes, saveAs: true, suggestedName: 'a.metodkartan', path: '/etc/passwd' })).toEqual({
      bytes,
      saveAs: true,
      suggestedName: 'a.metodkartan',
    });
  });

  const hostileProxy = new Proxy(
    { bytes, saveAs: false, suggestedName: 'a.metodkartan' },
    {
      getOwnPropertyDescriptor: () => {
        throw new Error('trap');
      },
      get: () => {
        throw new Error('trap');
      },
    },
  );
  it.each([
    ['null', null],
    ['a string', 'a.metodkartan'],
    ['an array', [bytes, false, 'a.metodkartan']],
    ['missing saveAs', { bytes, suggestedName: 'a.metodkartan' }],
    ['saveAs as a string', { bytes, saveAs: 'false', suggestedName: 'a.metodkartan' }],
    ['bytes as a plain array', { bytes: [...bytes], saveAs: false, suggestedName: 'a.metodkartan' }],
    ['empty bytes', { bytes: new Uint8Array(0), saveAs: false, suggestedName: 'a.metodkartan' }],
    ['a traversal name', { bytes, saveAs: false, suggestedName: '../a.metodkartan' }],
    ['fields on the prototype', Object.create({ bytes, saveAs: false, suggestedName: 'a.metodkartan' }) as unknown],
    ['a prototype-polluting object', JSON.parse('{"__proto__":{"saveAs":false,"suggestedName":"a.metodkartan"}}') as unknown],
    ['a Proxy whose traps throw', hostileProxy],
  ])('refuses %s', (_label, value) => {
    expect(parseWorkspaceSaveRequest(value)).toBeNull();
  });
});
