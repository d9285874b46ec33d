// The PDFs are read back with pdf.js (as a viewer would) and pdf-lib: page sizes, metadata, the text on
// each page, where the pictures landed, and that the app's font is embedded as a subset.
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { describe, expect, it } from 'vitest';
import { chartPdf, reportPdf, type ReportInput } from '../../../renderer/src/export/pdf';

const fontFile = (path: string) => new Uint8Array(readFileSync(new URL(`../../../node_modules/@expo-google-fonts/source-sans-3/${path}`, import.meta.url)));
const fonts = { regular: fontFile('400Regular/SourceSans3_400Regular.ttf'), bold: fontFile('600SemiBold/SourceSans3_600SemiBold.ttf') };

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = (20 * 72) / 25.4;
const NBSP = '\u00A0';

/** A real PNG, 8-bit RGB, a gradient: signature, IHDR, IDAT (zlib), IEND, each chunk with its CRC. */
function png(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(data.length + 12);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), data.length + 8);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  const stride = 1 + width * 3; // each row starts with its filter type, 0 = none
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) pixels.set([(x * 255) / width, (y * 255) / height, 160], y * stride + 1 + x * 3);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]));
}

interface Placement {
  x: number;
  y: number;
  width: number;
  height: number;
  pixels: [number, number];
}

interface ReadPage {
  width: number;
  height: number;
  items: TextItem[];
  text: string;
  images: Placement[];
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** Every page as pdf.js sees it: size, text (lines joined by \n), and each image's box in points. */
async function read(bytes: Uint8Array): Promise<ReadPage[]> {
  // Data in memory (a copy: pdf.js detaches it), no eval, no system or web fonts: nothing leaves the process.
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: ReadPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const items = (await page.getTextContent()).items.filter((item): item is TextItem => 'str' in item);
    // An image's box is the unit square under the current transformation matrix.
    const ops = await page.getOperatorList();
    const images: Placement[] = [];
    const stack: Matrix[] = [];
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
      else if (fn === OPS.transform) ctm = multiply(args as Matrix, ctm);
      else if (fn === OPS.paintImageXObject) {
        images.push({ x: ctm[4], y: ctm[5], width: ctm[0], height: ctm[3], pixels: [args[1] as number, args[2] as number] });
      }
    });
    const [, , width = 0, height = 0] = page.view;
    pages.push({ width, height, items, text: items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join(''), images });
  }
  await pdf.destroy();
  return pages;
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('chartPdf', () => {
  const image = { png: png(240, 150), width: 120, height: 75 }; // a 2× PNG
  const alt = `Stapeldiagram: andel enheter med MI, 34${NBSP}% i Skåne och 28${NBSP}% i Jämtland.`;

  it('is one page of the chart’s size in points, the full PNG filling it', async () => {
    const bytes = await chartPdf(image, { title: 'Metodkartan – MI per län', alt, lang: 'sv' }, fonts);
    const pages = await read(bytes);
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expect(page?.width).toBeCloseTo(120 * 0.75, 3);
    expect(page?.height).toBeCloseTo(75 * 0.75, 3);
    expect(page?.images).toHaveLength(1);
    const placed = page?.images[0];
    expect(placed?.pixels).toEqual([240, 150]);
    expect([placed?.x, placed?.y, placed?.width, placed?.height].map((v) => Math.round((v ?? NaN) * 100) / 100)).toEqual([0, 0, 90, 56.25]);
  });

  it('carries title, alt text, creator and language in the metadata, and the alt text as text', async () => {
    const bytes = await chartPdf(image, { title: 'Metodkartan – MI per län', alt, lang: 'sv' }, fonts);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Metodkartan – MI per län');
    expect(doc.getSubject()).toBe(alt);
    expect(doc.getCreator()).toBe('Metodkartan');
    expect(doc.getProducer()).toContain('Metodkartan');
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('sv-SE');
    // Invisible but there for search, copy and screen readers (pdf.js reports U+00A0 as a space).
    expect((await read(bytes))[0]?.text.replace(/\s+/g, ' ')).toContain('andel enheter med MI, 34 % i Skåne');
  });

  it('keeps spaces copying out as spaces when a no-break space comes first', async () => {
    // Both are drawn with the space glyph, and a glyph maps back to one character only (pdf.js shows both
    // as spaces, so the map itself is read here).
    const doc = await PDFDocument.load(await chartPdf(image, { title: 't', alt: `34${NBSP}% i Skåne och Jämtland`, lang: 'sv' }, fonts));
    const toUnicode = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((object): object is PDFRawStream => object instanceof PDFRawStream)
      .map((stream) => new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode()))
      .find((text) => text.includes('beginbfchar'));
    expect(toUnicode).toMatch(/<[0-9A-F]{4}> <0020>/);
    expect(toUnicode).not.toContain('<00A0>');
  });

  it('tags English charts as English', async () => {
    const doc = await PDFDocument.load(await chartPdf(image, { title: 'Chart', alt: 'A bar chart', lang: 'en' }, fonts), { updateMetadata: false });
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toMatch(/^en/);
  });

  it('refuses a chart without a size', async () => {
    await expect(chartPdf({ ...image, width: 0 }, { title: 't', alt: 'a', lang: 'sv' }, fonts)).rejects.toThrow(RangeError);
  });
});

describe('reportPdf', () => {
  const sha = 'a3f1c9e0b7d24f6a8c5e1b3d9f07a2c4e6b8d0f1a3c5e7b9d1f3a5c7e9b1d3f5';
  const input: ReportInput = {
    title: 'Metodkartan – rapport',
    subtitle: 'Län: Skåne, Västra Götaland · År: 2023–2024',
    created: '2026-11-30 11:20',
    coverLines: [`enkät 2023.xlsx SHA-256 ${sha}`, 'Filter: verksamhet = ”Barn och unga”', `Undertryckning: färre än 5${NBSP}svar visas inte`],
    lang: 'sv',
    sections: [
      {
        heading: 'Användning av metoder',
        text: `Andelen enheter som använder “MI” – motiverande samtal – är 34${NBSP}% i Östergötland. Café-träffar och ÅÄÖ-test räknas för sig.`,
        image: { png: png(120, 80), width: 600, height: 400 },
        alt: 'Stapeldiagram över metoder',
      },
      { heading: 'Täckning per län', text: 'Kort text.', image: { png: png(90, 60), width: 300, height: 200 }, alt: 'Karta' },
      // Taller than the page: it must shrink to fit under its text.
      { heading: 'Nöjdhet över tid', text: 'Hög diagram.', image: { png: png(40, 160), width: 200, height: 800 }, alt: 'Linjediagram' },
    ],
  };

  it('is a cover and one A4 page per section, numbered “Sida N av M”', async () => {
    const pages = await read(await reportPdf(input, fonts));
    expect(pages).toHaveLength(4);
    pages.forEach((page, i) => {
      expect(page.width).toBeCloseTo(A4.width, 1);
      expect(page.height).toBeCloseTo(A4.height, 1);
      expect(page.text).toContain(`Sida ${i + 1} av 4`);
    });
    expect(pages[1]?.text).toContain('Sida 2 av 4');
  });

  it('puts title, subtitle, date and every cover line on the cover', async () => {
    const [cover] = await read(await reportPdf(input, fonts));
    expect(cover?.text).toContain('Metodkartan – rapport');
    expect(cover?.text).toContain('Län: Skåne, Västra Götaland · År: 2023–2024');
    expect(cover?.text).toContain('Skapad 2026-11-30 11:20');
    expect(cover?.text).toContain(sha);
    expect(cover?.text).toContain('verksamhet = ”Barn och unga”');
    expect(cover?.text).toContain('färre än 5 svar');
    expect(cover?.images).toEqual([]);
  });

  it('says under the title, before anything else, when the report rests on sample data', async () => {
    const warning = 'Exempeldata: rapporten bygger på påhittade exempelfiler som följer med Metodkartan, inte på verkliga uppgifter.';
    const [cover] = await read(await reportPdf({ ...input, warning }, fonts));
    const text = cover!.text.replace(/\n/g, ' ');
    expect(text.indexOf('Exempeldata: rapporten bygger på')).toBeGreaterThan(text.indexOf('Metodkartan – rapport'));
    expect(text.indexOf('Exempeldata: rapporten bygger på')).toBeLessThan(text.indexOf('Län: Skåne'));
    const [plain] = await read(await reportPdf(input, fonts));
    expect(plain!.text).not.toContain('Exempeldata');
  });

  it('gives each section its own page: heading, Swedish text, and the chart at text width', async () => {
    const pages = await read(await reportPdf(input, fonts));
    input.sections.forEach((section, i) => {
      const page = pages[i + 1];
      expect(page?.text).toContain(section.heading);
      for (const other of input.sections) if (other !== section) expect(page?.text).not.toContain(other.heading);
      expect(page?.images).toHaveLength(1);
      const placed = page?.images[0];
      expect(placed?.height ?? 0).toBeGreaterThan(0);
      expect((placed?.height ?? 0) / (placed?.width ?? 1)).toBeCloseTo(section.image.height / section.image.width, 3);
      expect(placed?.x ?? 0).toBeGreaterThanOrEqual(MARGIN - 0.01);
      expect((placed?.x ?? 0) + (placed?.width ?? 0)).toBeLessThanOrEqual(A4.width - MARGIN + 0.01);
      expect(placed?.y ?? 0).toBeGreaterThanOrEqual(MARGIN - 0.01);
      // Under the section's own text (its invisible alt text lies over the picture itself).
      const visible = (page?.items ?? []).filter((item) => (item.transform[5] as number) > (placed?.y ?? 0) + (placed?.height ?? 0));
      expect(visible.map((item) => item.str).join(' ')).toContain(section.heading);
      expect(visible.map((item) => item.str).join(' ')).toContain(section.text.split(' ')[0]);
    });
    // The wide charts take the text width; the tall one is scaled down to fit the page.
    expect(pages[1]?.images[0]?.width).toBeCloseTo(A4.width - 2 * MARGIN, 1);
    expect(pages[2]?.images[0]?.width).toBeCloseTo(A4.width - 2 * MARGIN, 1);
    expect(pages[3]?.images[0]?.width).toBeLessThan(A4.width - 2 * MARGIN - 1);
    // pdf.js reports U+00A0 as a plain space; lines are joined by \n.
    const words = pages[1]?.text.replace(/\s+/g, ' ');
    expect(words).toContain('Andelen enheter som använder “MI” – motiverande samtal – är 34 % i Östergötland.');
    expect(words).toContain('Café-träffar och ÅÄÖ-test räknas för sig.');
  });

  it('says “Page N of M” in English', async () => {
    const pages = await read(await reportPdf({ ...input, lang: 'en' }, fonts));
    expect(pages.map((page) => /Page (\d+) of (\d+)/.exec(page.text)?.slice(1))).toEqual([
      ['1', '4'],
      ['2', '4'],
      ['3', '4'],
      ['4', '4'],
    ]);
    expect(pages[0]?.text).toContain('Created 2026-11-30 11:20');
  });

  it('embeds Source Sans 3 as subsets, keeping the file small', async () => {
    const bytes = await reportPdf(input, fonts);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const descriptors = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((object): object is PDFDict => object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'));
    expect(descriptors.map((d) => d.get(PDFName.of('FontName'))?.toString()).sort()).toEqual([
      expect.stringMatching(/^\/SourceSans3-Regular\b/),
      expect.stringMatching(/^\/SourceSans3-SemiBold\b/),
    ]);
    descriptors.forEach((d) => expect(d.get(PDFName.of('FontFile2'))).toBeDefined());
    // Each full font file is 380 kB; subsets of the few letters used are a small part of that.
    expect(bytes.length).toBeLessThan(fonts.regular.length / 2);
    expect(doc.getTitle()).toBe(input.title);
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('sv-SE');
  });

  it('embeds every glyph intact: each outline in the subsets is the font’s own for its character', async () => {
    // Text extraction cannot see this (it reads the character map, not the outlines); a broken subset
    // extracts fine but prints as blanks.
    const doc = await PDFDocument.load(await reportPdf(input, fonts), { updateMetadata: false });
    const type0 = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((object): object is PDFDict => object instanceof PDFDict && object.get(PDFName.of('Subtype')) === PDFName.of('Type0'));
    expect(type0).toHaveLength(2);
    const streamOf = (dict: PDFDict, key: string) => {
      const stream = dict.lookup(PDFName.of(key));
      if (!(stream instanceof PDFRawStream)) throw new Error(`no ${key} stream`);
      return decodePDFRawStream(stream).decode();
    };
    let checked = 0;
    for (const font of type0) {
      const original = fontkit.create(/SemiBold/.test(String(font.get(PDFName.of('BaseFont')))) ? fonts.bold : fonts.regular);
      const descriptor = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict).lookup(PDFName.of('FontDescriptor'), PDFDict);
      const subset = fontkit.create(streamOf(descriptor, 'FontFile2'));
      const toUnicode = new TextDecoder('latin1').decode(streamOf(font, 'ToUnicode'));
      for (const [, glyph = '', char = ''] of toUnicode.matchAll(/<([0-9A-F]{4})> <([0-9A-F]{4})>/g)) {
        expect(subset.getGlyph(parseInt(glyph, 16)).path.toSVG()).toBe(original.glyphForCodePoint(parseInt(char, 16)).path.toSVG());
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('wraps a very long text inside the margins, never at a no-break space, onto as many pages as needed', async () => {
    // "i " is narrower than " %": one of these lines must end right where "34 %" would be split if the
    // no-break space were a break.
    const paragraphs = Array.from({ length: 130 }, (_, k) => `${'i '.repeat(k)}34${NBSP}% slut`);
    const longWord = `C:\\Users\\analytiker\\${'x'.repeat(300)}.xlsx`;
    const text = `${paragraphs.join('\n')}\n${longWord}`;
    const long = { ...input, sections: [{ heading: 'Lång text', text, image: { png: png(60, 40), width: 600, height: 400 }, alt: 'Diagram' }] };
    const pages = await read(await reportPdf(long, fonts));
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, i) => expect(page.text).toContain(`Sida ${i + 1} av ${pages.length}`));

    const lines = pages.slice(1).flatMap((page) => page.items.filter((item) => item.str.trim()));
    for (const line of lines) {
      const [, , , , x = 0, y = 0] = line.transform as number[];
      expect(x).toBeGreaterThanOrEqual(MARGIN - 0.01);
      expect(x + line.width).toBeLessThanOrEqual(A4.width - MARGIN + 0.01);
      if (!/^Sida \d+ av \d+$/.test(line.str)) expect(y).toBeGreaterThanOrEqual(MARGIN); // the footer sits in the margin
      expect(line.str).not.toMatch(/34\s*$/);
      expect(line.str).not.toMatch(/^\s*%/);
    }
    const all = pages.map((page) => page.text).join('\n');
    expect(count(all, '34 %')).toBe(paragraphs.length);
    // The long word is cut into lines but nothing of it is lost.
    expect(lines.map((line) => line.str).join('')).toContain(longWord);
    // The chart follows the text, on the last page.
    expect(pages.at(-1)?.images).toHaveLength(1);
  });
});
