// The import's resource limits. A hostile or broken file is refused up front, before it costs memory or
// minutes, with a message naming the file and the limit (app/error-message.ts), never an engine crash
// or a frozen window. Each number is far above what the exports analysts receive (Forms, Kolada, SCB,
// Excel, a region's own extract) and low enough that a file within every limit stays under the app's
// memory budget (1.5 GB at peak, the renderer and DuckDB-WASM included).

/**
 * Columns of a table (CSV, XLSX, JSON): Excel's own maximum (column XFD), so no workbook, nor a CSV
 * saved from one, is wider. A record (any row, not only the header) with more fields is refused: the
 * header's width decides how many column builders, Arrow fields and DuckDB columns are made, and a
 * 100,000-column file took 38 s and 3.7 GB before DuckDB-WASM ran out of memory.
 */
export const MAX_COLUMNS = 16_384;

/**
 * One field of a CSV, in bytes as written (inside its quotes, if quoted: a doubled quote is two). No
 * table of answers or counts holds a megabyte in one cell (Excel keeps at most 32,767 characters,
 * under 128 kB); a longer one is a broken file or an attack: one 100 MB field ran 78 s at 3.8 GB (and was imported). The parser stops scanning
 * a field at this length. A quoted field that crosses line ends and passes the limit is a quote that
 * never closes: that row is rejected and reading goes on at its next line, as for any stray quote.
 */
export const MAX_CSV_FIELD_BYTES = 1024 * 1024;

/**
 * Characters in one XLSX cell (UTF-16 units, as Excel and JavaScript count): Excel's own maximum, so
 * every workbook Excel writes is within it. A 50 MB shared string took 39 s and 2 GB to import; inline
 * in a sheet, whose XML read-excel-file parses in chunks (rescanning a text for each chunk it spans),
 * it did not end in 100 s. Counted over the cell's text in the XML (a shared string's runs together,
 * an entity as one character) while the workbook is unzipped, before read-excel-file sees it.
 */
export const MAX_XLSX_CELL_CHARS = 32_767;

/**
 * An XLSX (a zip of XML) may unzip to at most this many bytes, all its parts together. read-excel-file
 * unzips every part into memory at its declared size, copies each into a JavaScript string and parses
 * the sheets into row arrays, which the import then turns into Arrow: about 8 to 9 bytes of memory
 * per byte of XML on top of what the rows cost as a CSV. Measured with `summarize` under Node, sheets
 * of 8 columns: 245,000 rows (64 MB of XML) peaked at 1.24–1.33 GB, 380,000 rows (99 MB) at
 * 1.51–1.62 GB (the same rows as a CSV: 0.67 GB), 800,000 rows (210 MB) at 2.05 GB. 64 MB keeps a
 * workbook within the 1.5 GB budget and holds a quarter of a million rows: a larger extract comes as
 * CSV (and Excel takes minutes to save one as XLSX). A 1.1 MB zip bomb used to cost 1.6 GB.
 */
export const MAX_XLSX_UNZIPPED_BYTES = 64 * 1024 * 1024;

/**
 * An XLSX may unzip to at most this many times its own size. Excel's XML compresses 5 to 20 times,
 * a very regular sheet up to about 50; deflate reaches about 1,000, and a bomb is refused after a
 * hundred times its size rather than at the absolute cap (it binds for files under 640 kB).
 */
export const MAX_XLSX_RATIO = 100;

/**
 * Whatever its ratio, a workbook may unzip to this much: a small, very regular workbook (formatting on
 * a few thousand empty rows) is never refused for compressing well, and 16 MB of XML costs at most
 * about 150 MB to read.
 */
export const XLSX_RATIO_FLOOR_BYTES = 16 * 1024 * 1024;

/**
 * One tag (its attributes included), comment, or text between tags outside a cell, in a sheet's XML,
 * in bytes. read-excel-file parses a sheet in chunks of 4 kB and more, and a token spanning many
 * chunks is rescanned for each: a 4 MB attribute took 19 s, a 50 MB comment did not end in 100 s.
 * Excel's longest tags are lists of ranges (`sqref` of a validation or a conditional format), a few
 * kB. A longer token is a workbook no spreadsheet wrote: refused as not a readable XLSX ('bad-xlsx').
 */
export const MAX_XLSX_MARKUP_BYTES = 64 * 1024;

/**
 * Cells of one sheet's grid: its last row times its last column with a value. read-excel-file pads
 * every row to the last column, and fills the rows up to each `<row r>`: one cell at XFD1 above
 * 100,000 short rows is 1.6 billion slots, a row numbered a billion is a billion arrays. 16,777,216
 * (2^24) slots are 128 MB of pointers, and hold a million rows of sixteen columns or Excel's full
 * width over a thousand rows.
 */
export const MAX_XLSX_GRID_CELLS = 1 << 24;

/**
 * Nesting of JSON arrays and objects: a table is 2 (the array, an object), a value inside a cell a few
 * more. Checked over the text, without recursion, before JSON.parse: 100,000 nested arrays in a cell
 * overflowed the stack (`RangeError: Maximum call stack size exceeded`) when the cell was written as text.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * A JSON or NDJSON file of at most this many bytes. JSON.parse makes an object per cell: measured
 * under Node, 45 MB of small objects peaked at 1.54 GB and 90 MB at 2.6 GB (the same rows as CSV stay
 * under 0.7 GB). An extract larger than this comes as CSV.
 */
export const MAX_JSON_BYTES = 30 * 1024 * 1024;

/** The ImportError codes a limit gives, and the limit each names (`detail` holds it, as digits). */
export type LimitCode =
  | 'too-many-columns'
  | 'field-too-long'
  | 'cell-too-long'
  | 'unzipped-too-large'
  | 'unzip-ratio'
  | 'too-many-cells'
  | 'too-deep'
  | 'json-too-large';

export const LIMITS: Record<LimitCode, number> = {
  'too-many-columns': MAX_COLUMNS,
  'field-too-long': MAX_CSV_FIELD_BYTES,
  'cell-too-long': MAX_XLSX_CELL_CHARS,
  'unzipped-too-large': MAX_XLSX_UNZIPPED_BYTES,
  'unzip-ratio': MAX_XLSX_RATIO,
  'too-many-cells': MAX_XLSX_GRID_CELLS,
  'too-deep': MAX_JSON_DEPTH,
  'json-too-large': MAX_JSON_BYTES,
};

/** A limit passed, thrown where the file name is not known; planFile and parseFile make it an ImportError. */
export class LimitError extends Error {
  constructor(readonly code: LimitCode) {
    super(`${code} (${LIMITS[code]})`);
    this.name = 'LimitError';
  }
}
