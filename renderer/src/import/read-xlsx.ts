// XLSX → rows of cells, offline, with read-excel-file (MIT; xlsx@0.18 on npm has open CVEs).
import readXlsxFile from 'read-excel-file/universal';

export type Cell = string | number | boolean | Date | null;

export interface Sheet {
  name: string;
  rows: Cell[][];
}

function toCells(rows: readonly (readonly unknown[])[]): Cell[][] {
  return rows.map((row) => row.map((cell) => (cell === undefined ? null : (cell as Cell))));
}

// A live preview sniffs the same file again on every change of an option, and the import follows:
// the parsed workbook is kept for as long as the caller keeps the bytes.
const workbooks = new WeakMap<Uint8Array, Promise<Sheet[]>>();

/** Every sheet of the workbook, in order. Rejects when the bytes are not a readable XLSX. */
export function readWorkbook(bytes: Uint8Array): Promise<Sheet[]> {
  let workbook = workbooks.get(bytes);
  if (!workbook) {
    workbook = readXlsxFile(bytes.slice().buffer).then((sheets) =>
      sheets.map((sheet) => ({ name: sheet.sheet, rows: toCells(sheet.data) })),
    );
    workbooks.set(bytes, workbook);
    workbook.catch(() => workbooks.delete(bytes));
  }
  return workbook;
}
