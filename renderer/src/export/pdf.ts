// Charts and reports as PDF, made with pdf-lib in the app and on the command line alike: no print dialog,
// no system fonts, the same file on every computer. Text is set in the app's font (Source Sans 3),
// embedded as a subset, so å ä ö, dashes, quotes and no-break spaces come out as typed and files stay small.
import fontkit from '@pdf-lib/fontkit';
import {
  PageSizes,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setTextRenderingMode,
  TextRenderingMode,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import type { Lang } from '../../../electron/shared/ipc-contract';

export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** width/height: the chart's size in CSS px at 1× (the PNG itself may be 2× or 3× that). */
export interface PdfImage {
  png: Uint8Array;
  width: number;
  height: number;
}

interface ReportSection {
  heading: string;
  text: string;
  image: PdfImage;
  alt: string;
}

export interface ReportInput {
  title: string;
  /** Said under the title in bold, in the sample mark's brown: a report made from the bundled samples. */
  warning?: string;
  subtitle: string;
  created: string;
  coverLines: string[];
  sections: ReportSection[];
  lang: Lang;
}

const PT_PER_PX = 0.75; // a CSS px is 1/96 in, a PDF point 1/72 in
const MM = 72 / 25.4;
const [A4_WIDTH, A4_HEIGHT] = PageSizes.A4;
const MARGIN = 20 * MM;
const TEXT_WIDTH = A4_WIDTH - 2 * MARGIN;
const TOP = A4_HEIGHT - MARGIN;
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.4, 0.4, 0.4);
const SAMPLE_BROWN = rgb(0x8a / 255, 0x4b / 255, 0); // #8a4b00, as on the charts
const ALT_SIZE = 8;

const LANGUAGE: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };
const WORDS: Record<Lang, { created: string; page: (n: number, of: number) => string }> = {
  sv: { created: 'Skapad', page: (n, of) => `Sida ${n} av ${of}` },
  en: { created: 'Created', page: (n, of) => `Page ${n} of ${of}` },
};

/** One chart as a PDF: a page exactly the chart's size, the PNG filling it. */
export async function chartPdf(image: PdfImage, meta: { title: string; alt: string; lang: Lang }, fonts: PdfFonts): Promise<Uint8Array> {
  checkSize(image);
  const doc = await PDFDocument.create();
  setMetadata(doc, meta.title, meta.alt, meta.lang);
  const font = await embed(doc, fonts.regular);
  const width = image.width * PT_PER_PX;
  const height = image.height * PT_PER_PX;
  const page = doc.addPage([width, height]);
  page.drawImage(await doc.embedPng(image.png), { x: 0, y: 0, width, height });
  hiddenText(page, meta.alt, font, 0, height, width);
  return doc.save();
}

/** An A4 report: a cover page, then a page per section (more if its text runs long), "Sida N av M" on each. */
export async function reportPdf(input: ReportInput, fonts: PdfFonts): Promise<Uint8Array> {
  input.sections.forEach((section) => checkSize(section.image));
  const doc = await PDFDocument.create();
  setMetadata(doc, input.title, input.subtitle, input.lang);
  const regular = await embed(doc, fonts.regular);
  const bold = await embed(doc, fonts.bold);

  // A cursor going down the page; y is the top of the free space.
  let page = doc.addPage(PageSizes.A4);
  let y = TOP;
  const newPage = () => {
    page = doc.addPage(PageSizes.A4);
    y = TOP;
  };
  const write = (text: string, font: PDFFont, size: number, spaceAfter: number, color = INK) => {
    const leading = size * 1.3;
    for (const line of wrap(text, font, size, TEXT_WIDTH)) {
      if (y - leading < MARGIN) newPage(); // text that runs long continues on the next page
      y -= leading;
      if (line) page.drawText(line, { x: MARGIN, y, size, font, color });
    }
    y -= spaceAfter;
  };

  write(input.title, bold, 26, 6);
  if (input.warning) write(input.warning, bold, 12, 8, SAMPLE_BROWN);
  write(input.subtitle, regular, 14, 4);
  write(`${WORDS[input.lang].created} ${input.created}`, regular, 11, 24, GREY);
  for (const line of input.coverLines) write(line, regular, 10, 3);

  for (const section of input.sections) {
    newPage();
    write(section.heading, bold, 16, 6);
    write(section.text, regular, 11, 12);
    const ratio = section.image.height / section.image.width;
    // Text width, or as wide as fits under the text; but if a new page would give it twice that, a new page.
    const fit = (room: number) => Math.min(TEXT_WIDTH, room / ratio);
    if (fit(y - MARGIN) < fit(TOP - MARGIN) / 2) newPage();
    const width = fit(y - MARGIN);
    const height = width * ratio;
    const x = MARGIN + (TEXT_WIDTH - width) / 2;
    page.drawImage(await doc.embedPng(section.image.png), { x, y: y - height, width, height });
    if (section.alt.trim() !== section.text.trim()) hiddenText(page, section.alt, regular, x, y, width); // not read out twice
    y -= height;
  }

  // Numbered last: only now is the number of pages known.
  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const label = WORDS[input.lang].page(i + 1, pages.length);
    const size = 9;
    p.drawText(label, { x: (A4_WIDTH - regular.widthOfTextAtSize(label, size)) / 2, y: MARGIN / 2, size, font: regular, color: GREY });
  });
  return doc.save();
}

/** Words to lines no wider than `width`. Breaks only at spaces and tabs, never at U+00A0 ("34 %" stays whole);
 * a word wider than a line (a file path, a hash) is cut where it must be. Line breaks start new lines.
 * Widths add up word by word (pdf-lib draws glyph advances, no kerning), so a long text wraps in linear time. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const measure = (s: string) => font.widthOfTextAtSize(s, size);
  const space = measure(' ');
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n?|\n/)) {
    let line = '';
    let used = 0;
    // Not \s: it matches U+00A0.
    for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
      const wide = measure(word);
      if (line && used + space + wide <= width) {
        line += ` ${word}`;
        used += space + wide;
        continue;
      }
      if (line) lines.push(line);
      [line, used] = [word, wide];
      if (wide <= width) continue;
      // Cut by code point (no surrogate pair split), at least one per line so it always ends.
      line = '';
      used = 0;
      for (const char of word) {
        const w = measure(char);
        if (line && used + w > width) {
          lines.push(line);
          [line, used] = ['', 0];
        }
        line += char;
        used += w;
      }
    }
    lines.push(line); // an empty paragraph is an empty line
  }
  return lines;
}

function checkSize(image: PdfImage): void {
  if (!(image.width > 0 && image.height > 0 && Number.isFinite(image.width * image.height))) {
    throw new RangeError(`Bad chart size ${image.width}×${image.height}`);
  }
}

function setMetadata(doc: PDFDocument, title: string, subject: string, lang: Lang): void {
  doc.setTitle(title, { showInWindowTitleBar: true }); // viewers show it instead of the file name
  doc.setSubject(subject);
  doc.setCreator('Metodkartan');
  doc.setProducer('Metodkartan (pdf-lib)');
  doc.setLanguage(LANGUAGE[lang]); // screen readers choose their voice by it
}

async function embed(doc: PDFDocument, ttf: Uint8Array): Promise<PDFFont> {
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(evenGlyphs(ttf), { subset: true });
  // U+00A0 uses the space's glyph, and pdf-lib's text layer maps each glyph to the first character it
  // was drawn for: measuring a plain space first keeps every space copying out as a space.
  font.widthOfTextAtSize(' ', 1);
  return font;
}

/**
 * The font with every glyph padded to an even length. @pdf-lib/fontkit 1.1.1 writes a subset under 64 kB
 * with a short `loca` table (offsets halved) yet copies glyphs at their own lengths; Source Sans 3 has
 * odd-length glyphs, so without this every glyph after the first odd one is garbled: text still copies
 * out right, but prints as blanks and fragments. Trailing zero bytes are ignored by glyph parsers.
 * Fonts with a short `loca` already have even lengths and come back as they are, as do non-TrueType ones.
 */
function evenGlyphs(ttf: Uint8Array): Uint8Array {
  const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const count = view.getUint16(4);
  const records = Array.from({ length: count }, (_, i) => ({
    tag: String.fromCharCode(...ttf.subarray(12 + 16 * i, 16 + 16 * i)),
    offset: view.getUint32(20 + 16 * i),
    length: view.getUint32(24 + 16 * i),
  }));
  const [head, maxp, loca, glyf] = ['head', 'maxp', 'loca', 'glyf'].map((tag) => records.find((r) => r.tag === tag));
  if (!head || !maxp || !loca || !glyf || view.getInt16(head.offset + 50) === 0) return ttf;

  const glyphs = view.getUint16(maxp.offset + 4);
  const newLoca = new DataView(new ArrayBuffer(4 * (glyphs + 1)));
  const newGlyf = new Uint8Array(glyf.length + glyphs); // room for a pad byte after each glyph
  let end = 0;
  for (let i = 0; i < glyphs; i++) {
    const from = glyf.offset + view.getUint32(loca.offset + 4 * i);
    const to = glyf.offset + view.getUint32(loca.offset + 4 * i + 4);
    newLoca.setUint32(4 * i, end);
    newGlyf.set(ttf.subarray(from, to), end);
    end += to - from + ((to - from) % 2);
  }
  newLoca.setUint32(4 * glyphs, end);

  // Same tables in the same order, each at a 4-byte boundary. Checksums stay as they were: this font
  // is only read by fontkit, which does not check them, and the subset it writes gets its own.
  const tables = records.map((r) =>
    r === glyf ? newGlyf.subarray(0, end) : r === loca ? new Uint8Array(newLoca.buffer) : ttf.subarray(r.offset, r.offset + r.length),
  );
  const directory = 12 + 16 * count;
  const out = new Uint8Array(tables.reduce((size, data) => size + ((data.length + 3) & ~3), directory));
  const outView = new DataView(out.buffer);
  out.set(ttf.subarray(0, directory));
  let at = directory;
  tables.forEach((data, i) => {
    out.set(data, at);
    outView.setUint32(20 + 16 * i, at);
    outView.setUint32(24 + 16 * i, data.length);
    at += (data.length + 3) & ~3;
  });
  return out;
}

/** Alt text as invisible text over its picture (render mode 3, as OCR layers do): screen readers,
 * search and copy find it; the picture looks the same. */
function hiddenText(page: PDFPage, text: string, font: PDFFont, x: number, top: number, width: number): void {
  page.pushOperators(pushGraphicsState(), setTextRenderingMode(TextRenderingMode.Invisible));
  wrap(text, font, ALT_SIZE, width).forEach((line, i) => {
    if (line) page.drawText(line, { x, y: top - (i + 1) * ALT_SIZE * 1.2, size: ALT_SIZE, font });
  });
  page.pushOperators(popGraphicsState());
}
