// The shell end to end in real Chromium: open the app, load samples by file input and by drag-and-drop,
// see the preview, switch language, survive bad files, and never leave the app's own origin.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropFile, openApp, openThroughFileInput, SCREENSHOT_DIR, type AppSession } from './app-session';

let app: AppSession;

beforeAll(async () => {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  app = await openApp();
});

afterAll(async () => {
  await app?.close();
});

describe('Metodkartan in Chromium', () => {
  it('opens in Swedish with the drop zone and a ready database engine', async () => {
    const { page } = app;
    expect(await page.title()).toBe('Metodkartan');
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await page.getByText('Släpp en fil här eller välj Öppna fil…').waitFor();
    await page.getByRole('button', { name: 'Öppna fil…', exact: true }).waitFor();
    // The status line clears once DuckDB-WASM has started in its worker.
    await page.waitForFunction(() => document.querySelector('.status')?.textContent === '');
  });

  it('ships a DuckDB worker that compiles its module straight from the fetched file, so the compiled code can be kept', async () => {
    // The worker the app loads (vite.config.ts turns off duckdb-wasm's progress stream, which hid the URL).
    const assets = path.resolve('dist/renderer/assets');
    const worker = (await readdir(assets)).filter((name) => /^duckdb-browser-eh\.worker-.*\.js$/.test(name));
    expect(worker).toHaveLength(1);
    const code = await readFile(path.join(assets, worker[0]!), 'utf8');
    expect(code).toContain('if(WebAssembly.instantiateStreaming)if(false)');
    expect(code).not.toContain('if(WebAssembly.instantiateStreaming)if(typeof TransformStream=="function")');
    expect(await app.page.evaluate(() => performance.getEntriesByName('engine:opened').length)).toBe(1);
  });

  it('loads the Windows-1252 CSV sample through the file input and previews it', async () => {
    const { page } = app;
    await openThroughFileInput(page, path.resolve('test/fixtures/samples/methods-survey-sample.csv'), /^Öppna fil…$/);
    await page.getByRole('heading', { name: 'Importera methods-survey-sample.csv', exact: true }).waitFor();
    expect(await page.getByTestId('shape').textContent()).toBe('Enkät – en kolumn per svarsalternativ');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'mapping-csv-sv.png'), fullPage: true });
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('heading', { name: 'methods-survey-sample.csv', exact: true }).waitFor();
    expect(await page.getByTestId('report-rows').textContent()).toBe('12 rader lästa, 12 inlästa, 0 avvisade.');
    expect(await page.getByTestId('report-units').textContent()).toBe('Enheter: 12 matchade, 0 utan träff i registret.');
    expect(await page.getByTestId('row-count').textContent()).toBe('12');
    expect(await page.getByTestId('column-count').textContent()).toBe('9');
    const grid = page.locator('table.grid');
    expect(await grid.locator('thead th').allTextContents()).toEqual([
      '#',
      'Kommun/stadsdel',
      'Län',
      'Antal svarande',
      'Insatser: KOMET',
      'Insatser: FFT',
      'Insatser: MST',
      'Bedömning: SAVRY',
      'Andel utbildade (%)',
      'Kommentar',
    ]);
    const skarpnack = grid.locator('tbody tr').nth(4).locator('td');
    expect(await skarpnack.nth(1).textContent()).toBe('Stockholms stad – Skarpnäcks stadsdelsförvaltning');
    // Decimal comma in the Swedish UI.
    expect(await grid.locator('tbody tr').first().locator('td').nth(8).textContent()).toBe('42,5');
    await page.getByText('Inläst som CSV (semikolon), teckenkodning Windows-1252').waitFor();
    await page.getByText('Kolumner och datatyper').click();
    await page.getByText('Andel utbildade (%) DOUBLE').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'preview-csv-sv.png'), fullPage: true });
  });

  it('exports the table as CSV for Swedish Excel through the download link', async () => {
    const { page } = app;
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exportera som CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('methods-survey-sample.csv');
    const bytes = await readFile((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines).toHaveLength(14); // header, 12 units, final newline
    expect(lines[4]).toBe('Mörbylånga kommun;Kalmar län;6;Nej;Nej;Nej;Nej;0;Köper FFT – via avtalssamverkan');
    expect(lines[1]).toBe('Falu kommun;Dalarnas län;14;Ja;Ja;Nej;Ja;42,5;');
  });

  it('loads the XLSX sample dropped on the window, beside the CSV', async () => {
    const { page } = app;
    await dropFile(page, 'methods-survey-sample.xlsx', new Uint8Array(await readFile('test/fixtures/samples/methods-survey-sample.xlsx')));
    await page.getByRole('heading', { name: 'Importera methods-survey-sample.xlsx', exact: true }).waitFor();
    expect(await page.getByTestId('shape').textContent()).toBe('Enkät – flera val i samma cell');
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('heading', { name: 'methods-survey-sample.xlsx', exact: true }).waitFor();
    expect(await page.getByTestId('row-count').textContent()).toBe('12');
    expect(await page.locator('.file-list li').count()).toBe(2);
    const firstRow = page.locator('table.grid tbody tr').first().locator('td');
    expect(await firstRow.nth(2).textContent()).toBe('2023-10-02 08:15');
    expect(await firstRow.nth(7).textContent()).toBe('KOMET;FFT;Stödsamtal till ungdomar;');
  });

  it('names the file and the problem for a bad file, and keeps what was loaded', async () => {
    const { page } = app;
    await dropFile(page, 'trasig.xlsx', new TextEncoder().encode('Kommun;Antal\nFalun;3\n'));
    const alert = page.getByRole('alert');
    await alert.getByText('trasig.xlsx: filen kunde inte öppnas som Excel-arbetsbok.', { exact: false }).waitFor();
    expect(await page.locator('.file-list li').count()).toBe(2);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'bad-file-sv.png'), fullPage: true });
    await alert.getByRole('button', { name: 'Stäng' }).click();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('removes one file and leaves the other', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Ta bort methods-survey-sample.xlsx' }).click();
    await page.getByRole('heading', { name: 'methods-survey-sample.csv', exact: true }).waitFor();
    expect(await page.locator('.file-list li').count()).toBe(1);
  });

  it('switches to English and back, and remembers the choice', async () => {
    const { page } = app;
    await page.getByTestId('language').selectOption('en');
    await page.getByRole('button', { name: 'Open file…', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByText('Read as CSV (semicolon), encoding Windows-1252').waitFor();
    expect(await page.locator('table.grid tbody tr').first().locator('td').nth(8).textContent()).toBe('42.5');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'preview-csv-en.png'), fullPage: true });
    await page.reload();
    await page.getByRole('button', { name: 'Open file…', exact: true }).waitFor();
    await page.getByTestId('language').selectOption('sv');
    await page.getByRole('button', { name: 'Öppna fil…', exact: true }).waitFor();
  });

  it('made no request outside its own origin, and logged no error (CSP violations included)', () => {
    const origin = new URL(app.server.url).origin;
    expect(app.requests.length).toBeGreaterThan(3); // the page, its script, the worker, the wasm at least
    expect(app.requests.some((url) => url.endsWith('.wasm'))).toBe(true);
    const foreign = app.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(app.problems).toEqual([]);
  });
});
