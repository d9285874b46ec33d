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

/**
 * Text for SVG content or attributes: the characters XML 1.0 forbids (a U+0001 in a unit name made the
 * whole file malformed and resvg refused it) and bidi controls dropped, then escaped.
 * Every SVG writer (export/chart-svg.ts, export/choropleth-svg.ts) passes its texts through here.
 */
export function escapeXml(text: string): string {
  return exportText(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
