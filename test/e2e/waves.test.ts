// Survey waves end to end in Chromium: the samples (the methods survey's 2023 wave among them), then the
// same survey a year later (data-samples/pilot-methods-survey-2024.xlsx, calibrated in make-samples.ts:
// 4 units gone, 3 new, KOMET started by 3 units of the 52 that answered both years and stopped by 1).
// The mapping view reads its wave from its response dates; every view then counts the latest wave, the
// year filter chooses a wave, and Förändring shows the calibrated differences, the panel switch and the
// units by name. Screenshot: test-results/screenshots/changes.png.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECOND_WAVE } from '../support/samples';
import { axeViolations, dropFile, openApp, openSamples, sampleBytes, SCREENSHOT_DIR, type AppSession } from './app-session';

let app: AppSession;


/** A bar's figures as the chart's table gives them to a screen reader: "21 % (12 av 56)". */
async function bar(page: Page, chart: string, label: string): Promise<string> {
  const cells = page.locator(`figure[aria-labelledby="${chart}-title"] table.sr-only tr`).filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  return (await cells.locator('td').allTextContents()).join(' | ').replace(/\u00a0/g, ' ');
}

beforeAll(async () => {
  app = await openApp();
  const { page } = app;
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === '');
  await openSamples(page);
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe('a second wave of the methods survey', () => {
  it('reads its wave from its response dates in the mapping view, and keeps the file list editable', async () => {
    const { page } = app;
    await dropFile(page, SECOND_WAVE, await sampleBytes(SECOND_WAVE));
    await page.getByRole('heading', { name: `Importera ${SECOND_WAVE}`, exact: true }).waitFor();
    expect(await page.getByTestId('wave').inputValue()).toBe('2024');
    expect(await page.locator('#wave-said').textContent()).toContain('Läst ur svarsdatumen i kolumnen Slutförandetid.');
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('heading', { name: SECOND_WAVE, exact: true }).waitFor();
    // Both methods surveys are listed with their waves; the activities survey, with the 2023 answers, too.
    expect(await page.getByLabel(`Omgång för ${SECOND_WAVE}`).inputValue()).toBe('2024');
    expect(await page.getByLabel('Omgång för pilot-methods-survey-2023.xlsx').inputValue()).toBe('2023');
  }, 120_000);

  it('counts the latest wave in every view, and a year chosen chooses its wave', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Översikt', exact: true }).click();
    await page.getByTestId('filter-wave').waitFor();
    expect(await page.getByTestId('filter-wave').inputValue()).toBe('2024');
    // SAVRY in the 2024 wave: its 19 users among the wave's 55 units and the 4 units only the 2022–2024
    // extract lists (the source line names both). With 2023 chosen: the report's 12 of 56 again.
    await page.getByRole('tab', { name: 'Bedömningsinstrument', exact: true }).click();
    await expect.poll(() => bar(page, 'adoption-assessment', 'SAVRY')).toBe('32 % (19 av 59)');
    const source = page.locator('figure[aria-labelledby="adoption-assessment-title"] .source');
    await expect.poll(() => source.textContent()).toContain(`${SECOND_WAVE} (omgång 2024)`);
    expect(await source.textContent()).toContain('usage-2022-2024.csv (2022-01–2024-12)');
    expect(await source.textContent()).not.toContain('pilot-methods-survey-2023.xlsx');
    await page.getByTestId('filter-period').selectOption('2023');
    expect(await page.getByTestId('filter-wave').inputValue()).toBe('2023');
    await expect.poll(() => bar(page, 'adoption-assessment', 'SAVRY')).toBe('21 % (12 av 56)');
    await expect.poll(() => source.textContent()).toContain('pilot-methods-survey-2023.xlsx (omgång 2023), usage-2022-2024.csv (2023)');
    await page.getByRole('button', { name: 'Rensa filter' }).click();
    await expect.poll(() => bar(page, 'adoption-assessment', 'SAVRY')).toBe('32 % (19 av 59)');
  }, 60_000);

  it('shows in Förändring the calibrated change, the panel, and who started and stopped', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Förändring', exact: true }).click();
    const figure = 'change-interventions-title';
    await page.locator('figure[aria-labelledby="change-interventions-title"] [data-change="KOMET"]').waitFor();
    const frame = (id: string) => page.locator(`figure[aria-labelledby="${id}"]`);
    expect(await frame(figure).locator('.count').textContent()).toBe('N = 56 enheter 2023 och 55 enheter 2024');
    // KOMET 19/56 → 23/55, FFT 23/56 → 29/55; SAVRY 12/56 → 19/55.
    const text = async (id: string, method: string) => (await frame(id).locator(`[data-change="${method}"] text`).last().textContent())?.replace(/\u00a0/g, ' ');
    expect(await text(figure, 'KOMET')).toBe('34 % → 42 % (+7,9 procentenheter)');
    expect(await text(figure, 'FFT')).toBe('41 % → 53 % (+11,7 procentenheter)');
    expect(await text('change-tools-title', 'SAVRY')).toBe('21 % → 35 % (+13,1 procentenheter)');
    // The units by name: KOMET started in Nacka, Södertälje and Göteborg Nordost, stopped in Sollentuna.
    const moves = page.getByTestId('change-units');
    expect(await moves.locator('.count').textContent()).toContain('Bland de 52 enheter som svarat båda gångerna.');
    const rows = await moves.locator('tbody tr').allTextContents();
    expect(rows.filter((r) => r.startsWith('KOMET'))).toEqual([
      'KOMETBörjadeGöteborg – NordostVästra Götalands länStorstäder',
      'KOMETBörjadeNackaStockholms länPendlingskommun nära storstad',
      'KOMETBörjadeSödertäljeStockholms länStörre stad',
      'KOMETSlutadeSollentunaStockholms länPendlingskommun nära storstad',
    ]);
    // Every start and stop the second wave was made with (make-samples.ts, WAVE_2024): 14 and 6.
    expect(rows.filter((r) => r.includes('Började'))).toHaveLength(14);
    expect(rows.filter((r) => r.includes('Slutade'))).toHaveLength(6);
    // The panel: only the 52 that answered both years; KOMET 19 → 21 of them.
    await page.getByTestId('change-panel').check();
    await expect.poll(() => frame(figure).locator('.count').textContent()).toBe('N = 52 enheter som svarat både 2023 och 2024');
    expect(await text(figure, 'KOMET')).toBe('37 % → 40 % (+3,8 procentenheter)');
    // The choice stays when the analyst looks elsewhere and comes back (and is kept in the workspace).
    await page.getByRole('tab', { name: 'Län', exact: true }).click();
    await page.getByRole('tab', { name: 'Förändring', exact: true }).click();
    expect(await page.getByTestId('change-panel').isChecked()).toBe(true);
    await page.getByTestId('change-panel').uncheck();
    // WCAG 2.0/2.1 A and AA, as on every other tab.
    expect(await axeViolations(page)).toEqual([]);
    await frame(figure).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'changes.png'), fullPage: false });
  }, 60_000);
});
