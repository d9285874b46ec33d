// The report as a Word document a report writer finishes in Word: a heading per view, each chart as a
// picture with its alt text and a numbered caption (Figur 1 …), its figures as a real table in Swedish
// number format (`..` for a suppressed cell, with the footnote), and a short method section from the
// manifest: the files and their SHA-256, the filters, the suppression. Only Word's own style names are
// used (Title, Heading 1, Heading 2, Caption) and a few of the report's own (Metodkartan …), so a
// municipality's template restyles it. Written with docx, in the app and on the command line alike.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  SimpleField,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Lang } from '../../../electron/shared/ipc-contract';
import { formatNumber, formatPercent } from '../format';
import { figuresOf } from './chart-files';
import { spokenAlt, type ChartSpec } from './chart-spec';
import type { PdfImage } from './pdf';
import type { OfficeCover } from './pptx';
import type { DataTable } from './table-export';

/** One chart as the document takes it: its chapter, its (edited) spec, its picture (the PDF's), and the tables beside it. */
export interface DocumentChart {
  chapter: string;
  spec: ChartSpec;
  image: PdfImage;
  tables: DataTable[];
}

/** What the method section says, from the manifest. */
export interface OfficeMethod {
  heading: string;
  /** "Filer", then one line per file: its name, wave and SHA-256. */
  files: { heading: string; lines: string[] };
  filters: string;
  suppression: string;
  regenerate: string;
}

const WORDS: Record<Lang, { figure: string; table: string; created: string }> = {
  sv: { figure: 'Figur', table: 'Tabell', created: 'Skapad' },
  en: { figure: 'Figure', table: 'Table', created: 'Created' },
};

const FONT = 'Calibri';
/** The picture's width on an A4 page within Word's default margins, in px at 96 to the inch (6.3 in). */
const PAGE_WIDTH_PX = 605;

export async function reportDocx(charts: readonly DocumentChart[], cover: OfficeCover, method: OfficeMethod, lang: Lang): Promise<Uint8Array> {
  const words = WORDS[lang];
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: cover.title, heading: HeadingLevel.TITLE }),
    ...(cover.warning ? [new Paragraph({ style: 'MetodkartanWarning', text: cover.warning })] : []),
    new Paragraph({ text: cover.subtitle }),
    new Paragraph({ style: 'MetodkartanMuted', text: `${words.created}: ${cover.created}` }),
  ];
  let chapter: string | null = null;
  const numbers = { figure: 0, table: 0 };
  for (const chart of charts) {
    if (chart.chapter !== chapter) {
      chapter = chart.chapter;
      children.push(new Paragraph({ text: chapter, heading: HeadingLevel.HEADING_1 }));
    }
    children.push(...chartBlock(chart, lang, numbers));
  }
  children.push(
    new Paragraph({ text: method.heading, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ text: method.files.heading, heading: HeadingLevel.HEADING_2 }),
    ...method.files.lines.map((line) => new Paragraph({ text: line, bullet: { level: 0 } })),
    new Paragraph({ text: method.filters }),
    new Paragraph({ text: method.suppression }),
    new Paragraph({ style: 'MetodkartanMuted', text: method.regenerate }),
  );
  const document = new Document({
    creator: 'Metodkartan',
    title: cover.title,
    description: cover.subtitle,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 } },
        title: { run: { font: FONT, size: 44, bold: true } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: '1B2430' }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: '1B2430' }, paragraph: { spacing: { before: 240, after: 80 } } },
        caption: { run: { font: FONT, size: 20, italics: true, color: '1B2430' }, paragraph: { spacing: { before: 60, after: 200 } } },
      },
      paragraphStyles: [
        { id: 'MetodkartanMuted', name: 'Metodkartan liten text', basedOn: 'Normal', run: { size: 18, color: '5A6675' } },
        { id: 'MetodkartanWarning', name: 'Metodkartan varning', basedOn: 'Normal', run: { bold: true, color: '8A4B00' } },
        { id: 'MetodkartanTableNote', name: 'Metodkartan tabellnot', basedOn: 'Normal', run: { size: 18, color: '5A6675' }, paragraph: { spacing: { before: 60, after: 200 } } },
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

/**
 * A chart: its heading, its picture (which carries its question, n/N, note and source, as on screen) with
 * its alt text, its numbered caption, its note as text, and its figures as tables, each with its own
 * caption and footnotes.
 */
function chartBlock(chart: DocumentChart, lang: Lang, numbers: { figure: number; table: number }): (Paragraph | Table)[] {
  const { spec, image } = chart;
  const words = WORDS[lang];
  const width = Math.min(PAGE_WIDTH_PX, image.width);
  const height = (image.height / image.width) * width;
  const tables = [figuresOf(spec), ...chart.tables.map((table) => figuresOf(spec, table))];
  return [
    new Paragraph({ text: spec.text.title, heading: HeadingLevel.HEADING_2, keepNext: true }),
    new Paragraph({
      keepNext: true,
      children: [new ImageRun({ type: 'png', data: image.png, transformation: { width, height }, altText: { name: spec.text.title, title: spec.text.title, description: spokenAlt(spec) } })],
    }),
    caption(words.figure, ++numbers.figure, spec.text.title),
    // The note (the user's own words, or the chart's) as text too, to quote and edit in Word.
    ...(spec.text.note ? [new Paragraph({ text: spec.text.note })] : []),
    ...tables.flatMap((table) => [
      caption(words.table, ++numbers.table, table.title, true),
      wordTable(table, lang),
      ...(table.footnotes ?? []).map((note) => new Paragraph({ style: 'MetodkartanTableNote', text: note })),
    ]),
  ];
}

/**
 * "Figur 3: Insatser" in Word's Caption style, numbered by a SEQ field as Word numbers captions (so a
 * list of figures finds them); the number written in too, for readers that do not compute fields.
 */
function caption(label: string, number: number, title: string, keepNext = false): Paragraph {
  return new Paragraph({
    style: 'Caption',
    keepNext,
    children: [new TextRun(`${label} `), new SimpleField(`SEQ ${label} \\* ARABIC`, String(number)), new TextRun(`: ${title}`)],
  });
}

/** A chart's figures as a Word table: Swedish numbers, shares in whole per cent, `..` kept as it is. */
function wordTable(table: DataTable, lang: Lang): Table {
  const cell = (value: string | number | null, kind: string) => {
    if (value === null) return '';
    if (typeof value === 'string') return value;
    return kind === 'share' ? formatPercent(value, lang) : formatNumber(value, lang);
  };
  const header = new TableRow({
    tableHeader: true,
    children: table.columns.map(
      (column) =>
        new TableCell({
          shading: { type: ShadingType.CLEAR, fill: 'E8EDF3', color: 'auto' },
          children: [new Paragraph({ alignment: column.kind === 'text' ? AlignmentType.LEFT : AlignmentType.RIGHT, children: [new TextRun({ text: column.name, bold: true })] })],
        }),
    ),
  });
  const rows = table.rows.map(
    (row) =>
      new TableRow({
        children: table.columns.map(
          (column, j) =>
            new TableCell({
              children: [new Paragraph({ alignment: column.kind === 'text' ? AlignmentType.LEFT : AlignmentType.RIGHT, text: cell(row[j] ?? null, column.kind) })],
            }),
        ),
      }),
  );
  return new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } });
}
