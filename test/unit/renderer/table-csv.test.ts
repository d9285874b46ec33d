import { describe, expect, it } from 'vitest';
import { csvFileName, tableToCsv } from '../../../renderer/src/export/table-csv';

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('tableToCsv', () => {
  const columns = [
    { name: 'Kommun', type: 'VARCHAR' },
    { name: 'Andel', type: 'DOUBLE' },
    { name: 'Starttid', type: 'TIMESTAMP_MS' },
  ];

  it('writes UTF-8 with BOM, semicolons, decimal commas and CRLF', () => {
    const csv = decode(tableToCsv(columns, [{ Kommun: 'Mörbylånga', Andel: 34.5, Starttid: Date.UTC(2023, 9, 2, 8, 15) }]));
    expect(csv).toBe('\uFEFFKommun;Andel;Starttid\r\nMörbylånga;34,5;2023-10-02 08:15\r\n');
  });

  it('quotes delimiters, quotes and line breaks', () => {
    const csv = decode(tableToCsv([{ name: 'Kommentar', type: 'VARCHAR' }], [{ Kommentar: 'KOMET; "FFT"\nMST' }]));
    expect(csv.split('\r\n')[1]).toBe('"KOMET; ""FFT""\nMST"');
  });

  it.each(['=1+1', '+46 70', '-2', '@SUM(A1)', '\tx', '\rx'])('neutralises %j so no spreadsheet runs it', (value) => {
    const csv = decode(tableToCsv([{ name: 'x', type: 'VARCHAR' }], [{ x: value }]));
    const cell = csv.split('\r\n').slice(1, -1).join('\r\n');
    expect(cell.replace(/^"|"$/g, '').startsWith(`'`)).toBe(true);
  });

  it('keeps negative numbers numeric', () => {
    expect(decode(tableToCsv([{ name: 'n', type: 'DOUBLE' }], [{ n: -2.5 }])).split('\r\n')[1]).toBe('-2,5');
  });

  it('names the export after the source', () => {
    expect(csvFileName('enkät 2023.xlsx')).toBe('enkät 2023.csv');
  });
});
