// Validators for what the renderer sends over IPC. The renderer is treated as untrusted input: each
// parser returns a typed value or null, and never throws.
import {
  MAX_FILE_BYTES,
  MAX_IMAGE_BYTES,
  WORKSPACE_EXTENSION,
  type Lang,
  type SaveRequest,
  type WorkspaceSaveRequest,
} from '../shared/ipc-contract';
import { MAX_URL_LENGTH } from '../policy/trusted-url';

/** A suggested file name is a hint for the save dialog; anything longer is not a name a person typed. */
export const MAX_SUGGESTED_NAME_LENGTH = 120;

// Names Windows reserves for devices, with or without an extension (`con.csv` is as bad as `CON`).
const WINDOWS_RESERVED_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// Characters Windows forbids in names, path separators and control characters.
const FORBIDDEN_NAME_CHARACTER = /[<>:"/\\|?*\u0000-\u001f\u007f]/;

/**
 * A bare file name, refused only for what file systems refuse: a separator (so no directory part can
 * ride along), a character Windows forbids or a control character, a device name Windows reserves,
 * `.` or `..` alone, and a trailing dot or space (Windows drops them, so the saved name would differ
 * from the one shown). Ordinary names with dots pass: `rapport..2023.xlsx`, `.metodkartan-kopia.csv`.
 */
export function parseFileName(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_SUGGESTED_NAME_LENGTH) return null;
  if (FORBIDDEN_NAME_CHARACTER.test(value) || value === '.' || value === '..') return null;
  if (/[. ]$/.test(value) || value.trim() === '' || WINDOWS_RESERVED_NAME.test(value)) return null;
  return value;
}

export function parseSaveRequest(value: unknown): SaveRequest | null {
  if (typeof value !== 'object' || value === null) return null;
  const { suggestedName, bytes } = value as Record<string, unknown>;
  const name = parseFileName(suggestedName);
  if (name === null || !(bytes instanceof Uint8Array) || bytes.byteLength > MAX_FILE_BYTES) return null;
  return { suggestedName: name, bytes };
}

/**
 * A workspace file name: parseFileName's rules, ending in `.metodkartan` (any case) or given that
 * ending, which must still fit the length limit.
 */
export function parseWorkspaceName(value: unknown): string | null {
  const name = parseFileName(value);
  if (name === null) return null;
  const hasExtension = name.toLowerCase().endsWith(`.${WORKSPACE_EXTENSION}`);
  // The extension alone names no workspace (and would hide the file on macOS and Linux).
  if (hasExtension && name.length === WORKSPACE_EXTENSION.length + 1) return null;
  return hasExtension ? name : parseFileName(`${name}.${WORKSPACE_EXTENSION}`);
}

/**
 * Workspace bytes (a save or an autosave): a real Uint8Array, not empty (an empty file would replace
 * a workspace with nothing), at most MAX_FILE_BYTES. What the bytes hold is the renderer's business.
 */
export function parseWorkspaceBytes(value: unknown): Uint8Array | null {
  if (!ArrayBuffer.isView(value) || !(value instanceof Uint8Array)) return null;
  return value.byteLength > 0 && value.byteLength <= MAX_FILE_BYTES ? value : null;
}

/** Own properties only, so nothing is read from a prototype; an object whose getters throw is refused. */
export function parseWorkspaceSaveRequest(value: unknown): WorkspaceSaveRequest | null {
  try {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const own = (key: string): unknown => (Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined);
    const bytes = parseWorkspaceBytes(own('bytes'));
    const saveAs = own('saveAs');
    const suggestedName = parseWorkspaceName(own('suggestedName'));
    if (bytes === null || typeof saveAs !== 'boolean' || suggestedName === null) return null;
    return { bytes, saveAs, suggestedName };
  } catch {
    return null;
  }
}

export function parseLang(value: unknown): Lang | null {
  return value === 'sv' || value === 'en' ? value : null;
}

/** Only the shape; whether the URL may be opened is the policy's decision (trusted-url.ts). */
export function parseUrl(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_URL_LENGTH ? value : null;
}

/** The eight bytes every PNG file begins with. */
export const PNG_SIGNATURE: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * PNG bytes for the clipboard: a real Uint8Array (not another typed array, an ArrayBuffer, a plain
 * array, or an object merely shaped like one), non-empty, at most MAX_IMAGE_BYTES, beginning with
 * the PNG signature. Only the header is checked here; whether the image decodes is for nativeImage.
 */
export function parsePngImage(value: unknown): Uint8Array | null {
  // isView rejects objects that only borrow Uint8Array.prototype; instanceof rejects other views.
  if (!ArrayBuffer.isView(value) || !(value instanceof Uint8Array)) return null;
  if (value.byteLength < PNG_SIGNATURE.length || value.byteLength > MAX_IMAGE_BYTES) return null;
  return PNG_SIGNATURE.every((byte, index) => value[index] === byte) ? value : null;
}

/** Argument-list validators for `handle()`: an exact arity, so extra arguments are refused too. */
export function noArguments(args: readonly unknown[]): [] | null {
  return args.length === 0 ? [] : null;
}

export function oneArgument<T>(parse: (value: unknown) => T | null): (args: readonly unknown[]) => [T] | null {
  return (args) => {
    if (args.length !== 1) return null;
    const parsed = parse(args[0]);
    return parsed === null ? null : [parsed];
  };
}
