// A newcomer's first start, end to end in Chromium: the empty window offers Öppna exempeldata beside the
// drop zone; one click (or Enter) loads the five bundled samples through the same import as a dropped
// file, with no Importera to click; the report's figures are on screen; and the figures say they are
// sample data wherever they go: the header, the window title, the chart, its export and the report pack.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, SCREENSHOT_DIR, type AppSession } from './app-session';

const SAMPLES = ['pilot-methods-survey-2023.xlsx', 'pilot-activities-survey-2023.csv', 'usage-2022-2024.csv', 'assessment-training-2024.csv', 'population-0-17-2023.csv'];
const SAMPLE_MARK = 'Exempeldata – påhittade siffror, inte verkliga uppgifter.';

let app: AppSession;

/** Swedish number format puts a no-break space before "%": read it as a space. */
const plain = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');

/** The text of the accessible table row a chart keeps for screen readers. */
async function row(page: Page, chart: string, label: string): Promise<string> {
  const cells = page.locator(`figure[aria-labelledby="${chart}-title"] table.sr-only tr`).filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  return plain((await cells.locator('td').allTextContents()).join(' | '));
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const waiting: Promise<Download> = page.waitForEvent('download');
  await click();
  const file = await waiting;
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

beforeAll(async () => {
  app = await openApp();
  await app.page.setViewportSize({ width: 1366, height: 768 });
  await app.page.waitForFunction(() => document.querySelector('.status')?.textContent === '');
}, 60_000);

afterAll(async () => {
  await app?.close();
});

describe('Öppna exempeldata', () => {
  it('is a button beside the drop zone of the empty window, reached with the keyboard', async () => {
    const { page } = app;
    const button = page.getByRole('button', { name: 'Öppna exempeldata', exact: true });
    await button.waitFor();
    expect(await button.evaluate((element) => element.tagName)).toBe('BUTTON');
    expect(await page.getByTestId('sample-badge').count()).toBe(0);
    expect(await page.title()).toBe('Metodkartan');
    // Beside the drop zone: the same row, to its right.
    const zone = (await page.locator('.dropzone').boundingBox())!;
    const offer = (await page.locator('.samples-offer').boundingBox())!;
    expect(offer.x).toBeGreaterThan(zone.x + zone.width - 1);
    expect(offer.y).toBeLessThan(zone.y + zone.height);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'samples-start.png') });
    // Tab from the top of the page reaches it.
    await page.locator('body').focus();
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await button.evaluate((element) => element === document.activeElement);
    }
    expect(reached).toBe(true);
  });

  it('loads the five samples with one key press, each through the import, none waiting for Importera', async () => {
    const { page } = app;
    await page.keyboard.press('Enter');
    const files = page.getByRole('navigation', { name: 'Inlästa filer' }).locator('.file-name');
    await expect.poll(() => files.allTextContents(), { timeout: 120_000 }).toEqual(SAMPLES);
    // Done: nothing is being read and no mapping view waits.
    await page.waitForFunction(() => document.querySelector('.status')?.textContent === '', undefined, { timeout: 60_000 });
    expect(await page.locator('.mapping').count()).toBe(0);
    expect(await page.locator('.errors').count()).toBe(0);
    // The same import as a dropped file: its report, its units matched to the register.
    await page.getByRole('button', { name: /^pilot-methods-survey-2023\.xlsx/ }).click();
    await page.getByRole('heading', { name: 'pilot-methods-survey-2023.xlsx', exact: true }).waitFor();
    expect(await page.getByTestId('report-units').textContent()).toBe('Enheter: 56 matchade, 0 utan träff i registret.');
    expect(await page.locator('.file-list .badge.sample').count()).toBe(5);
  }, 180_000);

  it('marks the header and the window title while sample data is loaded', async () => {
    const { page } = app;
    const badge = page.getByTestId('sample-badge');
    await badge.waitFor();
    expect(await badge.isVisible()).toBe(true);
    expect(await badge.textContent()).toBe('Exempeldata – Siffrorna kommer från påhittade exempelfiler, inte från verkliga uppgifter.');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Metodkartan Exempeldata/);
    expect(await page.title()).toBe('Metodkartan – exempeldata');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'samples-header.png') });
  });

  it('shows the report’s figures on Insatser, each chart marked as sample data', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Översikt', exact: true }).click();
    await page.getByTestId('overview-units').getByText('56').waitFor();
    expect(await page.locator('.analysis .tag.sample').first().textContent()).toBe(SAMPLE_MARK);
    expect(await page.locator('.analysis .data-table .badge.sample').count()).toBe(SAMPLES.length);
    await page.getByRole('tab', { name: 'Insatser', exact: true }).click();
    const family = page.locator('figure[aria-labelledby="adoption-family-treatment-title"]');
    await family.waitFor();
    expect(await row(page, 'adoption-family-treatment', 'FFT')).toBe('41 % (23 av 56)');
    expect(await row(page, 'adoption-family-treatment', 'MST')).toBe('14 % (8 av 56)');
    expect(await row(page, 'adoption-parenting-programme', 'KOMET')).toBe('34 % (19 av 56)');
    expect(await row(page, 'adoption-individual-cbt', 'Individuell strukturerad KBT')).toBe('29 % (16 av 56)');
    expect(await row(page, 'adoption-tfco', 'TFCO')).toBe('16 % (9 av 56)');
    expect(await family.locator('.count').textContent()).toBe('N = 56 enheter');
    expect(await family.locator('.tag.sample').textContent()).toBe(SAMPLE_MARK);
    expect(await family.locator('.source').textContent()).toBe('Källa: exempelfilerna som följer med Metodkartan (pilot-methods-survey-2023.xlsx, usage-2022-2024.csv), egen bearbetning.');
    expect(await page.locator('figure.chart').count()).toBe(await page.locator('figure.chart .tag.sample').count());
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'samples-interventions.png') });
  });

  it('says so on the exported chart, as SVG and as CSV', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Exportera diagrammet Strukturerad familjebehandling i öppenvård (12–17 år)' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Exportera diagram' }).waitFor();
    const svg = (await download(page, () => dialog.getByRole('button', { name: 'SVG', exact: true }).click())).bytes.toString('utf8');
    expect(svg).toContain(`>${SAMPLE_MARK}</text>`);
    expect(svg).toContain('>41\u00a0% (23 av 56)</text>');
    const csv = (await download(page, () => dialog.getByRole('button', { name: 'CSV', exact: true }).click())).bytes.toString('utf8');
    expect(csv).toContain('FFT;23;56;0,41');
    expect(csv.split('\r\n')).toContain(SAMPLE_MARK);
    await dialog.getByRole('button', { name: 'Stäng' }).click();
  });

  it('says so in the report pack: its PDF, every chart and the manifest', async () => {
    const { page } = app;
    const pack = await download(page, () => page.getByRole('button', { name: 'Rapportpaket för vyn' }).click());
    const zip = unzipSync(new Uint8Array(pack.bytes));
    const entry = (name: string) => Object.entries(zip).find(([key]) => key.endsWith(`/${name}`))![1];
    const manifest = JSON.parse(new TextDecoder().decode(entry('manifest.json'))) as { sampleData: boolean; inputs: { name: string; sample: boolean }[] };
    expect(manifest.sampleData).toBe(true);
    expect(manifest.inputs.map((i) => [i.name, i.sample])).toEqual(SAMPLES.map((name) => [name, true]));
    expect((await PDFDocument.load(entry('rapport.pdf'))).getTitle()).toBe('Metodkartan – rapport på exempeldata');
    const pdf = await getDocument({ data: entry('rapport.pdf').slice(), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
    const cover = ((await (await pdf.getPage(1)).getTextContent()).items as { str: string }[]).map((item) => item.str).join(' ').replace(/\s+/g, ' ');
    await pdf.destroy();
    expect(cover).toContain('Metodkartan – rapport på exempeldata');
    expect(cover).toContain('Exempeldata: rapporten bygger helt eller delvis på påhittade exempelfiler');
    expect(cover).toMatch(/usage-2022-2024\.csv \(SHA-256 [0-9a-f]{16}…\) – Exempeldata/);
    const svgs = Object.keys(zip).filter((name) => name.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThan(0);
    for (const name of svgs) expect(new TextDecoder().decode(zip[name]), name).toContain(`>${SAMPLE_MARK}</text>`);
    await writeFile(path.join(SCREENSHOT_DIR, 'samples-export.png'), entry('01-adoption-parenting-programme.png'));
    expect(app.problems).toEqual([]);
    // Nothing was fetched from anywhere but the app's own origin.
    expect(app.requests.filter((url) => !url.startsWith(app.server.url) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
  });

  it('is still sample data in a workspace saved and opened again', async () => {
    const { page } = app;
    const saved = await download(page, () => page.getByRole('button', { name: 'Spara arbetsyta' }).click());
    const file = path.join(tmpdir(), `e2e-samples-${Date.now()}.metodkartan`);
    await writeFile(file, saved.bytes);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('.status')?.textContent === '');
    expect(await page.getByTestId('sample-badge').count()).toBe(0);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Öppna arbetsyta…' }).click();
    await (await chooser).setFiles(file);
    await page.getByTestId('workspace-status').getByText(/är öppnad\.$/).waitFor();
    await page.getByTestId('sample-badge').waitFor();
    expect(await page.title()).toBe('Metodkartan – exempeldata');
    await page.getByRole('tab', { name: 'Insatser', exact: true }).click();
    const family = page.locator('figure[aria-labelledby="adoption-family-treatment-title"]');
    await family.waitFor();
    expect(await family.locator('.tag.sample').textContent()).toBe(SAMPLE_MARK);
    expect(await row(page, 'adoption-family-treatment', 'FFT')).toBe('41 % (23 av 56)');
    await rm(file, { force: true });
  });
});
