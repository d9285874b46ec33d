// Any failure while loading a file → a message key and its parameters, translated when shown,
// so a language switch translates the errors already on screen too. Never a stack trace.
import { MAX_FILE_BYTES, MAX_SELECTION_BYTES } from '../../../electron/shared/ipc-contract';
import type { Lang } from '../../../electron/shared/ipc-contract';
import type { MessageKey } from '../i18n/translate';
import { formatBytes, formatNumber } from '../format';
import { ImportCancelled, ImportError, type ImportErrorCode } from '../import/import-file';
import { LIMITS, type LimitCode } from '../import/limits';
import { PlatformError } from '../platform';

export interface UserMessage {
  key: MessageKey;
  params: (lang: Lang) => Record<string, string>;
  /** Not a failure but what the user asked for (a file they stopped reading): its own title, no alarm. */
  notice?: MessageKey;
}

const IMPORT_KEYS: Record<ImportErrorCode, MessageKey> = {
  unsupported: 'errorUnsupported',
  empty: 'errorEmpty',
  'no-rows': 'errorNoRows',
  'too-large': 'errorTooLarge',
  binary: 'errorBinary',
  'bad-xlsx': 'errorBadXlsx',
  'sheet-not-found': 'errorSheetNotFound',
  'bad-parquet': 'errorBadParquet',
  'bad-json': 'errorBadJson',
  'json-not-table': 'errorJsonNotTable',
  parse: 'errorParse',
  'too-many-columns': 'errorTooManyColumns',
  'field-too-long': 'errorFieldTooLong',
  'cell-too-long': 'errorCellTooLong',
  'unzipped-too-large': 'errorUnzippedTooLarge',
  'unzip-ratio': 'errorUnzipRatio',
  'too-many-cells': 'errorTooManyCells',
  'too-deep': 'errorTooDeep',
  'json-too-large': 'errorJsonTooLarge',
};

/** Limits that are sizes in bytes (`1 MB`); the others are counts (`16 384`). */
const BYTE_LIMITS: ReadonlySet<LimitCode> = new Set<LimitCode>(['field-too-long', 'unzipped-too-large', 'json-too-large']);

const isLimit = (code: ImportErrorCode): code is LimitCode => code in LIMITS;

/** The limit a refused file passed, as its message names it (`detail` holds it as digits); '' for other errors. */
function limitText(error: ImportError, lang: Lang): string {
  const code = error.code;
  if (!isLimit(code)) return '';
  const given = Number(error.detail);
  const limit = error.detail !== '' && Number.isFinite(given) ? given : LIMITS[code];
  return BYTE_LIMITS.has(code) ? formatBytes(limit, lang) : formatNumber(limit, lang, 0);
}

export function tooLargeMessage(fileName: string, size: number): UserMessage {
  return {
    key: 'errorTooLarge',
    params: (lang) => ({ file: fileName, size: formatBytes(size, lang), max: formatBytes(MAX_FILE_BYTES, lang) }),
  };
}

/**
 * Why the open dialog's files could not be had, from main's code and detail: one file too large (named,
 * its size unknown here), all of them together too large (their size), or unreadable.
 */
export function pickFailureMessage(error: unknown): UserMessage {
  if (error instanceof PlatformError && error.code === 'selection-too-large') {
    const size = Number(error.detail);
    return {
      key: 'errorSelectionTooLarge',
      params: (lang) => ({ size: Number.isFinite(size) ? formatBytes(size, lang) : '', max: formatBytes(MAX_SELECTION_BYTES, lang) }),
    };
  }
  if (error instanceof PlatformError && error.code === 'file-too-large') {
    return { key: 'errorTooLargeUnknownSize', params: (lang) => ({ file: error.detail, max: formatBytes(MAX_FILE_BYTES, lang) }) };
  }
  console.error(error);
  return { key: 'errorRead', params: () => ({ file: error instanceof PlatformError ? error.detail : '' }) };
}

export function errorMessage(error: unknown, fileName: string, size = 0): UserMessage {
  // Stopped by the user: said as what they asked for, not as a file that could not be read.
  if (error instanceof ImportCancelled) return { key: 'importCancelled', params: () => ({ file: fileName }), notice: 'importCancelledTitle' };
  if (error instanceof ImportError) {
    if (error.code === 'too-large') return tooLargeMessage(fileName, size);
    return { key: IMPORT_KEYS[error.code], params: (lang) => ({ file: error.fileName, reason: error.detail, limit: limitText(error, lang) }) };
  }
  if (error instanceof PlatformError && error.code === 'file-too-large') return tooLargeMessage(fileName, size);
  // Unexpected: the user gets a plain sentence, the developer console keeps the detail.
  console.error(error);
  return { key: 'errorRead', params: () => ({ file: fileName }) };
}
