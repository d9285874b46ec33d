// What kind of file the user handed us, from its extension and, where they can lie, its first bytes.

export type FileKind = 'delimited' | 'xlsx' | 'parquet' | 'json' | 'unsupported';

const DELIMITED = new Set(['csv', 'tsv', 'txt', 'tab']);
const JSON_EXTENSIONS = new Set(['json', 'ndjson', 'jsonl']);

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** True when the bytes start like a ZIP archive, which every real .xlsx is. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function fileKind(fileName: string): FileKind {
  const ext = extensionOf(fileName);
  if (DELIMITED.has(ext)) return 'delimited';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'parquet' || ext === 'parq' || ext === 'pq') return 'parquet';
  if (JSON_EXTENSIONS.has(ext)) return 'json';
  return 'unsupported';
}
