// The app's font, Source Sans 3 (SIL Open Font License), shipped with the app: exported charts carry it,
// so a chart looks the same on every computer. TTF for measuring, PNG and PDF; WOFF2 (latin subset,
// 16 kB a weight) embedded in SVG files.
import fontkit from '@pdf-lib/fontkit';

export const FONT_FAMILY = 'Source Sans 3';

export interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
  regularWoff2: Uint8Array;
  boldWoff2: Uint8Array;
}

/** Widths of text in the export font, so labels are placed and wrapped as they will be drawn. */
export interface TextMeasure {
  width(text: string, size: number, bold?: boolean): number;
}

export function measureWith(files: FontFiles): TextMeasure {
  const regular = fontkit.create(files.regular);
  const bold = fontkit.create(files.bold);
  return {
    width(text, size, isBold = false) {
      const font = isBold ? bold : regular;
      return (font.layout(text).advanceWidth / font.unitsPerEm) * size;
    },
  };
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** @font-face rules with the fonts as data: URIs: an SVG file cannot load anything beside itself. */
export function fontFaceCss(files: FontFiles): string {
  const face = (bytes: Uint8Array, weight: number) =>
    `@font-face{font-family:'${FONT_FAMILY}';font-weight:${weight};src:url(data:font/woff2;base64,${base64(bytes)}) format('woff2');}`;
  return face(files.regularWoff2, 400) + face(files.boldWoff2, 600);
}
