// Text folding shared by method and unit matching. Exports spell one name with different case, dash
// types (Word turns `-` into `–`), no-break or doubled spaces, and some systems drop å, ä and ö.

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;

/** Lower case, NFKC (no-break and full-width characters become plain ones), every dash as `-`, single spaces. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(DASHES, '-').replace(/\s+/g, ' ').trim();
}

/** `å ä ö é ü` → `a a o e u`. Loses a distinction Swedish names depend on (Håbo, Habo): callers decide when. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Letters and digits only, one space between runs: `yls/cmi` → `yls cmi`, `enskede-årsta` → `enskede årsta`. */
export function toWords(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
