// Text from a user's file made safe once, where it crosses a boundary: on the way in (import) and on
// the way out (SVG, CSV, XLSX, file names). Pure, no dependencies: import/ and export/ both use it.
//
// XML 1.0 (§2.2, the Char production) forbids the C0 controls other than TAB, LF and CR, U+FFFE, U+FFFF
// and lone surrogates, escaped or not. One such character in a unit or column name made the whole SVG
// export malformed, and resvg (PNG, PDF, report pack) refused it. They carry no meaning in a survey
// export, so they are dropped rather than replaced.
//
// Bidi controls (embeddings, overrides, isolates, LRM/RLM, ALM) reorder what is shown without being
// seen: U+202E makes "rapport[U+202E]fdp.exe" read as "rapportexe.pdf" (CVE-2021-42574, "Trojan
// Source"). Text in this app is Swedish and English, shown left to right; exports drop them.

// With the u flag a surrogate pair is one code point above U+FFFF, so the range only matches lone halves.
// eslint-disable-next-line no-control-regex -- the control characters are what this matches
const XML_FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/gu;
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The text without the characters XML 1.0 forbids (see above); TAB, LF and CR stay. */
export function stripXmlForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

/** The text without bidi control characters. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Text as every export writes it: neither XML-forbidden characters nor bidi controls. */
export function exportText(text: string): string {
  return stripBidiControls(stripXmlForbidden(text));
}

// UTF-8 bytes that may start something to drop: a C0 control other than TAB (09), LF (0A) and CR (0D),
// and EF, the lead byte of U+F000–U+FFFF (where U+FFFE and U+FFFF are). Valid UTF-8 (the import checks
// it) holds no surrogates, so these are the only cases.
const SUSPECT = new Uint8Array(256);
for (let c = 0; c < 0x20; c++) if (c !== 0x09 && c !== 0x0a && c !== 0x0d) SUSPECT[c] = 1;
SUSPECT[0xef] = 1;

/** True when `bytes[s, e)` (UTF-8) may hold an XML-forbidden character: then call stripXmlForbiddenBytes. */
export function hasSuspectByte(bytes: Uint8Array, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (SUSPECT[bytes[k]!]) return true;
  return false;
}

/**
 * Removes XML-forbidden characters from UTF-8 `bytes[s, e)` in place, moving the rest left; returns
 * the new end. The bytes after it up to `e` are left as they were.
 */
export function stripXmlForbiddenBytes(bytes: Uint8Array, s: number, e: number): number {
  let j = s;
  for (let k = s; k < e; k++) {
    const c = bytes[k]!;
    if (c === 0xef && k + 2 < e && bytes[k + 1] === 0xbf && (bytes[k + 2] === 0xbe || bytes[k + 2] === 0xbf)) {
      k += 2; // U+FFFE or U+FFFF
      continue;
    }
    if (c < 0x20 && SUSPECT[c]) continue;
    bytes[j++] = c;
  }
  return j;
}
