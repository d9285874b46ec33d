// Statistics files in the app, as an analyst downloads them from SCB: the mapping view says what a file
// holds and whether the rate map may rest on it; a total population never becomes "children 0–17"
// silently, and a band other than 0–17 is used only when the analyst chooses it, and then said.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropFile, openApp, SCREENSHOT_DIR, type AppSession } from './app-session';

let app: AppSession;

beforeEach(async () => {
  app = await openApp();
  await app.page.waitForFunction(() => document.querySelector('.status')?.textContent === '');
}, 60_000);

afterEach(async () => {
  await app?.close();
});

const plain = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');

async function importFile(page: Page, file: string, confirm = true): Promise<void> {
  const name = path.basename(file);
  await dropFile(page, name, new Uint8Array(await readFile(file)));
  await page.getByRole('heading', { name: `Importera ${name}`, exact: true }).waitFor();
  if (!confirm) return;
  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  await page.getByRole('heading', { name, exact: true }).waitFor();
}

describe('statistics files in the app', () => {
  it('a total population: what it holds, footnotes not data, no rate of children unless chosen, and then said', async () => {
    const { page } = app;
    await importFile(page, 'data-samples/usage-2022-2024.csv');
    await importFile(page, '../shared/real-data/scb-befolkning-kommun-2020-excel-footnotes.csv', false);
    expect(await page.getByTestId('shape').textContent()).toBe('Statistik per kommun eller län (SCB, Kolada, SKR …)');
    expect(plain(await page.getByTestId('statistics-holds').textContent())).toBe('Befolkning: alla åldrar, 2020.');
    expect(plain(await page.getByTestId('statistics-ignored').textContent())).toBe('44 rader är fotnoter och noter under tabellen – inte data.');
    expect(plain(await page.getByTestId('statistics-why').textContent())).toMatch(/^Filen ger inte barn 0–17 år, bara alla åldrar\./);
    // The year comes from the file name, and the analyst is asked to check it.
    expect(await page.getByTestId('statistics-year').inputValue()).toBe('2020');
    expect(await page.getByTestId('statistics-use').isChecked()).toBe(false);
    // No unit list to settle: statistics never add units.
    expect(await page.getByRole('heading', { name: 'Enheter' }).count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'mapping-statistics.png'), fullPage: true });
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('heading', { name: 'scb-befolkning-kommun-2020-excel-footnotes.csv', exact: true }).waitFor();

    // Not chosen: the map offers no rate at all.
    await page.getByRole('tab', { name: 'Karta', exact: true }).click();
    await page.locator('.analysis .chart').first().waitFor();
    expect(await page.getByTestId('map-measure').count()).toBe(0);
  });

  it('the same file chosen as the denominator: the map says inhabitants of all ages, not children', async () => {
    const { page } = app;
    await importFile(page, 'data-samples/usage-2022-2024.csv');
    await importFile(page, '../shared/real-data/scb-befolkning-kommun-2020-excel-footnotes.csv', false);
    await page.getByTestId('statistics-use').check();
    await page.waitForFunction(() => (document.querySelector('[data-testid="statistics-use"]') as HTMLInputElement | null)?.checked === true);
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('heading', { name: 'scb-befolkning-kommun-2020-excel-footnotes.csv', exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Karta', exact: true }).click();
    await page.getByTestId('map-measure').selectOption('rate');
    expect(await page.getByTestId('map-measure').locator('option:checked').textContent()).toBe('Per 10 000 invånare (alla åldrar)');
    await page.getByText(/^Barn med .* per 10\s000 invånare \(alla åldrar\) 2024/).first().waitFor();
    expect(plain(await page.getByTestId('map-note').textContent())).toBe(
      'Befolkning: invånare (alla åldrar) 2020, ur scb-befolkning-kommun-2020-excel-footnotes.csv. Befolkningsfilen saknar 2024; det närmaste året den har (2020) används. ' +
        'Talen avser invånare (alla åldrar), inte barn 0–17 år: befolkningsfilen anger inte barn 0–17 år. Visar 2024, det senaste året i uttagen.',
    );
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'map-rates-inhabitants.png'), fullPage: true });
  });
});
