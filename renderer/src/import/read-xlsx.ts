// XLSX → rows of cells, offline, with read-excel-file (MIT; xlsx@0.18 on npm has open CVEs).
import { readSheet } from 'read-excel-file/universal';

export type Cell = string | number | boolean | Date | null;

export async function readFirstSheet(bytes: Uint8Array): Promise<Cell[][]> {
  // Copy into a fresh ArrayBuffer: `bytes` may be a view into a larger (or shared) buffer.
  const buffer = bytes.slice().buffer;
  const rows = await readSheet(buffer);
  return rows.map((row) => row.map((cell) => (cell === undefined ? null : (cell as Cell))));
}
