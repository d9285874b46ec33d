// Export for report writers, end to end in Chromium: a chart's dialog with edited texts, every image
// and data format downloaded and read back, the image on the clipboard, small-cell suppression on
// screen, and the report pack for a view.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSample, openApp, sampleBytes, SCREENSHOT_DIR, type AppSession } from './app-session';

let app: AppSession;

async function downloadOf(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const download: Promise<Download> = page.waitForEvent('download');
  await page.getByRole('dialog').getByRole('button', { name: button, exact: true }).click();
  const file = await download;
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

beforeAll(async () => {
  app = await openApp();
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
  await app.page.waitForFunction(() => document.querySelector('.status')?.textContent === '');
  for (const name of ['pilot-methods-survey-2023.xlsx', 'usage-2022-2024.csv']) await importSample(app.page, name);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('exporting a chart', () => {
  it('edits the title, note and alt text, with a preview of the image as it will be saved', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Insatser', exact: true }).click();
    await page.getByRole('button', { name: 'Exportera diagrammet Strukturerad familjebehandling i öppenvård (12–17 år)' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Exportera diagram' }).waitFor();
    // The alt text is generated from the data.
    expect(await page.getByTestId('export-alt').inputValue()).toContain('FFT 41\u00a0% (23 av 56)');
    await page.getByTestId('export-title').fill('Familjebehandling i piloten');
    await page.getByTestId('export-note').fill('Egen anteckning: uppgifterna gäller 2022/23.');
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="export-preview"]');
      return img !== null && img.complete && img.naturalWidth === 640;
    });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'export-dialog.png') });
  });

  it('saves PNG at 1×, 2× and 3×, SVG with its font and the edited texts, and PDF', async () => {
    const { page } = app;
    const png1 = await downloadOf(page, 'PNG 1×');
    const png2 = await downloadOf(page, 'PNG 2×');
    const png3 = await downloadOf(page, 'PNG 3×');
    expect(png1.name).toBe('familjebehandling-i-piloten.png');
    expect(png2.name).toBe('familjebehandling-i-piloten@2x.png');
    const [width, height] = pngSize(png1.bytes);
    expect(width).toBe(640);
    expect(pngSize(png2.bytes)).toEqual([1280, height! * 2]);
    expect(pngSize(png3.bytes)).toEqual([1920, height! * 3]);

    const svg = (await downloadOf(page, 'SVG')).bytes.toString('utf8');
    expect(svg).toContain('>Familjebehandling i piloten</text>');
    expect(svg).toContain('>Egen anteckning: uppgifterna gäller 2022/23.</text>');
    expect(svg).toContain('>41\u00a0% (23 av 56)</text>');
    expect(svg).toContain('>N = 56 enheter</text>');
    expect(svg).toContain("@font-face{font-family:'Source Sans 3'");

    const pdf = await downloadOf(page, 'PDF');
    expect(pdf.name).toBe('familjebehandling-i-piloten.pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await page.getByTestId('export-status').textContent()).toBe('familjebehandling-i-piloten.pdf är sparad.');
  });

  it('saves a PowerPoint slide with the chart native, its figures inside and the edited texts on it', async () => {
    const { page } = app;
    const slide = await downloadOf(page, 'PowerPoint-bild');
    expect(slide.name).toBe('familjebehandling-i-piloten.pptx');
    const parts = unzipSync(new Uint8Array(slide.bytes));
    const text = (name: string) => new TextDecoder().decode(parts[name]!);
    const chart = text(Object.keys(parts).find((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name))!);
    // FFT 23 of 56: its share in per cent, labelled as Swedish PowerPoint writes it, with its n of N.
    expect(chart).toContain('<c:v>FFT (23 av 56)</c:v>');
    expect(chart).toMatch(/<c:v>41\.0714285714285\d*<\/c:v>/);
    expect(chart).toContain('formatCode="0&quot; %&quot;"');
    const xml = text('ppt/slides/slide1.xml');
    expect(xml).toContain('Familjebehandling i piloten');
    expect(xml).toContain('Egen anteckning: uppgifterna gäller 2022/23.');
    expect(xml).toContain('N = 56 enheter');
  });

  it('saves the figures as CSV for Swedish Excel or international, and as XLSX', async () => {
    const { page } = app;
    const swedish = (await downloadOf(page, 'CSV')).bytes.toString('utf8');
    expect(swedish.startsWith('\ufeffMetod;Enheter som använt (n);Enheter (N);Andel\r\n')).toBe(true);
    expect(swedish).toContain('FFT;23;56;0,41');
    await page.getByRole('combobox', { name: 'CSV-format' }).selectOption('intl');
    expect((await downloadOf(page, 'CSV')).bytes.toString('utf8')).toContain('FFT,23,56,0.41');
    const xlsx = await downloadOf(page, 'XLSX');
    expect(xlsx.name).toBe('familjebehandling-i-piloten.xlsx');
    expect(Object.keys(unzipSync(new Uint8Array(xlsx.bytes)))).toContain('xl/worksheets/sheet1.xml');
  });

  it('copies the chart to the clipboard as a PNG image', async () => {
    const { page } = app;
    await page.getByRole('dialog').getByRole('button', { name: 'Kopiera bild' }).click();
    await page.getByTestId('export-status').getByText('Bilden är kopierad.', { exact: false }).waitFor();
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const blob = await item!.getType('image/png');
      return [...new Uint8Array(await blob.arrayBuffer()).subarray(0, 8)];
    });
    expect(copied).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await page.getByRole('dialog').getByRole('button', { name: 'Stäng' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});

describe('small-cell suppression and the report pack', () => {
  it('shows small yearly counts as .. with a footnote, and all of them when switched off', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Trender', exact: true }).click();
    await page.getByTestId('filter-county').selectOption('20');
    const earl = page.getByTestId('yearly-counts').getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'EARL', exact: true }) });
    // The row is there before the filter applies too (all counties' counts, until Dalarna's query
    // returns): poll, as long as a locator would wait, until it shows Dalarna's.
    await expect.poll(() => earl.locator('td').allTextContents(), { timeout: 30_000 }).toEqual(['..', '..', '29', '49']);
    await page.getByText('.. = färre än 5; uppgiften visas inte för att skydda enskilda (sekretess).').waitFor();
    await page.getByTestId('suppression-enabled').uncheck();
    await page.waitForFunction(() => !document.querySelector('[data-testid="yearly-counts"]')?.textContent?.includes('..'));
    expect((await earl.locator('td').allTextContents())[3]).toBe('49');
    await page.getByTestId('suppression-enabled').check();
    await page.getByTestId('suppression-threshold').fill('30');
    await page.waitForFunction(() => document.querySelector('.footnote')?.textContent?.includes('färre än 30'));
    // Below 30, every year of EARL: three hidden cells, so the total (49) gives none of them away.
    expect(await earl.locator('td').allTextContents()).toEqual(['..', '..', '..', '49']);
    await page.getByTestId('suppression-threshold').fill('5');
  });

  it('exports the view as a report pack: PDF, PNG, SVG, CSV and a manifest naming the inputs', async () => {
    const { page } = app;
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Rapportpaket för vyn' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^metodkartan-rapport-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.zip$/);
    const zip = unzipSync(new Uint8Array(await readFile((await file.path())!)));
    const names = Object.keys(zip).map((name) => name.replace(/^[^/]+\//, '')).sort();
    expect(names).toEqual(['01-trends-2.csv', '01-trends.csv', '01-trends.png', '01-trends.svg', 'manifest.json', 'rapport.docx', 'rapport.pdf', 'rapport.pptx']);
    const entry = (name: string) => Object.entries(zip).find(([key]) => key.endsWith(`/${name}`))![1];
    const manifest = JSON.parse(new TextDecoder().decode(entry('manifest.json'))) as {
      inputs: { name: string; sha256: string }[];
      filters: { county: string; description: string };
      suppression: { enabled: boolean; threshold: number };
    };
    expect(manifest.inputs.map((i) => i.name)).toEqual(['pilot-methods-survey-2023.xlsx', 'usage-2022-2024.csv']);
    const { createHash } = await import('node:crypto');
    expect(manifest.inputs[1]!.sha256).toBe(createHash('sha256').update(await sampleBytes('usage-2022-2024.csv')).digest('hex'));
    expect(manifest.filters.description).toBe('Län: Dalarnas län');
    expect(manifest.suppression).toEqual({ enabled: true, threshold: 5 });
    expect(new TextDecoder().decode(entry('01-trends-2.csv'))).toContain('EARL;..;..;29;49');
    // The slides and the document are made in the window too, and the manifest names them by their SHA-256.
    const listed = (manifest as unknown as { files: { name: string; sha256: string }[] }).files;
    for (const name of ['rapport.pptx', 'rapport.docx']) {
      expect(listed.find((f) => f.name === name)?.sha256).toBe(createHash('sha256').update(entry(name)).digest('hex'));
    }
    const document = new TextDecoder().decode(unzipSync(entry('rapport.docx'))['word/document.xml']);
    expect(document.replace(/<[^>]+>/g, ' ').replace(/[ \t\r\n]+/g, ' ')).toContain('EARL .. .. 29 49');
    expect(await page.getByTestId('report-status').textContent()).toMatch(/^metodkartan-rapport-.*\.zip är sparad/);
    expect(app.problems).toEqual([]);
  });
});
