// WCAG 2.0 and 2.1, levels A and AA, checked by axe-core in Chromium on every screen an analyst meets:
// the start screen, the mapping view, every tab with the samples loaded, and the export dialog.
// Swedish municipal software is bought against WCAG 2.1 AA (EN 301 549).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, dropFile, importSample, openApp, sampleBytes, type AppSession } from './app-session';

const SAMPLES = ['pilot-methods-survey-2023.xlsx', 'pilot-activities-survey-2023.csv', 'usage-2022-2024.csv', 'assessment-training-2024.csv'];


let app: AppSession;

beforeAll(async () => {
  app = await openApp();
  await app.page.setViewportSize({ width: 1366, height: 768 });
  await app.page.waitForFunction(() => document.querySelector('.status')?.textContent === '');
});

afterAll(async () => {
  await app?.close();
});

describe('WCAG 2.1 AA (axe-core)', () => {
  it('holds on the start screen', async () => {
    expect(await axeViolations(app.page)).toEqual([]);
  });

  it('holds in the mapping view', async () => {
    const { page } = app;
    await dropFile(page, SAMPLES[0]!, await sampleBytes(SAMPLES[0]!));
    await page.getByRole('heading', { name: `Importera ${SAMPLES[0]}`, exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('heading', { name: SAMPLES[0], exact: true }).waitFor();
  });

  it('holds on every tab with the samples loaded', async () => {
    const { page } = app;
    for (const name of SAMPLES.slice(1)) await importSample(page, name);
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs.length).toBeGreaterThanOrEqual(9);
    const found: Record<string, string[]> = {};
    for (const tab of tabs) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' }).catch(() => undefined);
      await page.waitForTimeout(300);
      const list = await axeViolations(page);
      if (list.length > 0) found[tab] = list;
    }
    expect(found).toEqual({});
  });

  it('holds in the export dialog', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Insatser', exact: true }).click();
    await page.getByRole('button', { name: /^Exportera diagrammet / }).first().click();
    await page.getByRole('dialog').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });
});
