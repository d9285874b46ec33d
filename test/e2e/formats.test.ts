// Every format and encoding the import reads, through the real app in Chromium: the values shown
// after import must be the file's values (åäö, € and – intact; 34,5 a number; the header row found).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropFile, openApp, type AppSession } from './app-session';

let app: AppSession;

beforeAll(async () => {
  app = await openApp();
  await app.page.waitForFunction(() => document.querySelector('.status')?.textContent === '');
});

afterAll(async () => {
  await app?.close();
});

/** Drops a fixture, confirms the mapping view as it stands, and returns the preview's cells. */
async function importFixture(name: string): Promise<{ header: string[]; rows: string[][] }> {
  const { page } = app;
  await dropFile(page, name, new Uint8Array(await readFile(path.join('test/fixtures/import', name))));
  await page.getByRole('heading', { name: `Importera ${name}`, exact: true }).waitFor();
  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  await page.getByRole('heading', { name, exact: true }).waitFor();
  const grid = page.locator('.preview table.grid');
  // The preview's rows arrive from DuckDB after the heading; wait for them before reading.
  await grid.locator('tbody tr').first().waitFor();
  const header = (await grid.locator('thead th').allTextContents()).slice(1);
  const rows = await grid.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td')).slice(1).map((td) => td.textContent ?? '')),
  );
  return { header, rows };
}

describe('formats and encodings in the app', () => {
  it('Windows-1252 with € – “ ” and decimal comma', async () => {
    const { header, rows } = await importFixture('ansi-1252.csv');
    expect(header).toEqual(['Kommun', 'Län', 'Kostnad (€)', 'Kommentar']);
    expect(rows[0]).toEqual(['Mörbylånga', 'Kalmar län', '1\u00a0234,5', '“KOMET 12–18” och BSFT']);
  });

  it('UTF-16LE "Unicode text" from Excel, tab-separated', async () => {
    const { rows } = await importFixture('unicode-text.txt');
    expect(rows[0]).toEqual(['Östersund', '12,5', '€ – “bra”']);
  });

  it('UTF-16BE', async () => {
    const { header, rows } = await importFixture('utf16be.csv');
    expect([header, rows[0]]).toEqual([['Kommun', 'Antal'], ['Åre', '3']]);
  });

  it('a hand-made extract with title rows above the header, thousands spaces and percentages', async () => {
    const { header, rows } = await importFixture('titled.csv');
    expect(header).toEqual(['Enhet', 'Period', 'Insats', 'Antal', 'Andel', 'Datum']);
    expect(rows[0]).toEqual(['Skärholmen', '2024-01', 'KOMET', '1\u00a0234', '34,5', '2024-01-05']);
  });

  it('an XLSX workbook whose data sits on its second sheet below a title', async () => {
    const { header } = await importFixture('titled.xlsx');
    expect(header.slice(0, 2)).toEqual(['Enhet', 'Period']);
    await app.page.getByText('Excel (XLSX), blad Insatser', { exact: false }).waitFor();
  });

  it('an XLSX of 10,000 rows, whose sheet is over the 512 KiB where its unzip would need a Worker', async () => {
    const { default: writeExcelFile } = await import('write-excel-file/node');
    const rows = [['Enhet', 'Period', 'Insats', 'Antal'].map((value) => ({ value }))];
    for (let i = 0; i < 10_000; i++) rows.push([{ value: i % 2 ? 'Falu kommun' : 'Skärholmens sdf' }, { value: `2023-${String((i % 12) + 1).padStart(2, '0')}` }, { value: 'KOMET' }, { value: String(i % 7) }]);
    const bytes = new Uint8Array(await writeExcelFile([{ sheet: 'Uttag', data: rows }]).toBuffer());
    const { page } = app;
    await dropFile(page, 'uttag-10k.xlsx', bytes);
    await page.getByRole('heading', { name: 'Importera uttag-10k.xlsx', exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('heading', { name: 'uttag-10k.xlsx', exact: true }).waitFor();
    expect(await page.getByTestId('report-rows').textContent()).toBe('10\u00a0000 rader lästa, 10\u00a0000 inlästa, 0 avvisade.');
  });

  it('Parquet, read offline', async () => {
    const { header, rows } = await importFixture('insatser.parquet');
    expect(header).toEqual(['Enhet', 'Antal', 'Andel', 'Datum']);
    expect(rows[0]).toEqual(['Skärholmen', '1\u00a0234', '34,5', '2024-01-05']);
  });

  it('JSON, keeping the file’s column order', async () => {
    const { header, rows } = await importFixture('insatser.json');
    expect(header.slice(0, 4)).toEqual(['Kommun', '2023', 'Antal', 'Andel']);
    expect(rows[0]!.slice(0, 4)).toEqual(['Mörbylånga', '5', '1\u00a0234', '34,5']);
  });

  it('ragged rows: the good rows import and the report lists the rejected ones by line', async () => {
    await importFixture('ragged.csv');
    const { page } = app;
    await page.getByText('Avvisade rader').click();
    const rejects = await page.locator('.rejects li').allTextContents();
    expect(rejects.map((r) => r.replace(/:.*/, ''))).toEqual(['rad 4', 'rad 5', 'rad 8', 'rad 9']);
  });

  it('made no request outside its own origin and logged no error', () => {
    const origin = new URL(app.server.url).origin;
    expect(app.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    expect(app.problems).toEqual([]);
  });
});
