// Workspaces end to end in Chromium: load samples, set a filter and a chart title, save the workspace,
// reload the page, open the file and see the same view; a foreign file is refused with the open work
// untouched; after a crash the next start offers the autosaved work back.
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSample, openApp, SCREENSHOT_DIR, type AppSession } from './app-session';

let app: AppSession;
let savedPath: string;

async function openWorkspaceFile(page: Page, filePath: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Öppna arbetsyta…' }).click();
  await (await chooser).setFiles(filePath);
}

async function countyView(page: Page) {
  await page.locator('table.heat').waitFor();
  return {
    county: await page.getByTestId('filter-county').inputValue(),
    columns: await page.locator('table.heat thead th').allTextContents(),
    units: await page.locator('.chart .data-table tbody tr').count(),
  };
}

beforeAll(async () => {
  app = await openApp();
  await app.page.waitForFunction(() => document.querySelector('.status')?.textContent === '');
  for (const name of ['pilot-methods-survey-2023.xlsx', 'usage-2022-2024.csv']) await importSample(app.page, name);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('workspaces', () => {
  let before: Awaited<ReturnType<typeof countyView>>;

  it('saves the workspace with its files, filter and chart title', async () => {
    const { page } = app;
    // The units invited to the survey belong to the workspace: the exports do not say.
    await page.getByRole('tab', { name: 'Översikt', exact: true }).click();
    await page.getByTestId('invited').fill('65');
    await page.getByRole('tab', { name: 'Län', exact: true }).click();
    await page.getByTestId('filter-county').selectOption('20');
    await page.waitForFunction(() => document.querySelectorAll('table.heat thead th').length === 2);
    await page.getByRole('button', { name: /^Exportera diagrammet Län$/ }).click();
    await page.getByTestId('export-title').fill('Metoder i Dalarna');
    await page.getByRole('dialog').getByRole('button', { name: 'Stäng' }).click();
    before = await countyView(page);
    expect(before.county).toBe('20');
    expect(before.units).toBe(7);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Spara arbetsyta' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('arbetsyta.metodkartan');
    savedPath = path.join(tmpdir(), `e2e-${Date.now()}.metodkartan`);
    await file.saveAs(savedPath);
    await page.getByTestId('workspace-status').getByText('arbetsyta.metodkartan är sparad.').waitFor();
  });

  it('after a reload, opening the file restores the same view: tab, filter, data and title', async () => {
    const { page } = app;
    await page.reload();
    await page.waitForFunction(() => document.querySelector('.status')?.textContent === '');
    // A clean reload is not a crash: nothing is offered back.
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(await page.locator('.file-list li').count()).toBe(0);

    await openWorkspaceFile(page, savedPath);
    await page.getByTestId('workspace-status').getByText(/är öppnad\.$/).waitFor();
    expect(await page.getByRole('tab', { name: 'Län', exact: true }).getAttribute('aria-selected')).toBe('true');
    expect(await countyView(page)).toEqual(before);
    await page.getByRole('button', { name: /^Exportera diagrammet Län$/ }).click();
    expect(await page.getByTestId('export-title').inputValue()).toBe('Metoder i Dalarna');
    await page.getByRole('dialog').getByRole('button', { name: 'Stäng' }).click();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'workspace-reopened.png'), fullPage: true });
    await page.getByRole('tab', { name: 'Filer', exact: true }).click();
    expect(await page.locator('.file-list li').count()).toBe(2);
    await page.getByRole('tab', { name: 'Översikt', exact: true }).click();
    expect(await page.getByTestId('invited').inputValue()).toBe('65');
    await page.getByRole('tab', { name: 'Län', exact: true }).click();
  });

  it('refuses a file that is not a workspace and keeps what is open', async () => {
    const { page } = app;
    const fake = path.join(tmpdir(), 'inte-en-arbetsyta.metodkartan');
    await writeFile(fake, 'Enhet;Insats\nFalun;KOMET\n');
    await openWorkspaceFile(page, fake);
    await page.getByText('inte-en-arbetsyta.metodkartan är ingen Metodkartan-arbetsyta. Det du hade öppet är orört.').waitFor();
    expect(await countyView(page)).toEqual(before);
  });
});

/** The autosave in IndexedDB, read without creating the database (the app creates it, with its store). */
const autosaveSize = () =>
  new Promise<number>((resolve) => {
    const request = indexedDB.open('metodkartan');
    request.onupgradeneeded = () => request.transaction!.abort();
    request.onerror = () => resolve(0);
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('autosave')) {
        db.close();
        return resolve(0);
      }
      const get = db.transaction('autosave').objectStore('autosave').get('current');
      get.onsuccess = () => {
        db.close();
        resolve((get.result as Uint8Array | undefined)?.byteLength ?? 0);
      };
      get.onerror = () => resolve(0);
    };
  });

describe('crash recovery', () => {
  it('offers the autosaved work back at the next start after a crash', { timeout: 120_000 }, async () => {
    const session = await openApp();
    try {
      const { page, context, server } = session;
      await page.waitForFunction(() => document.querySelector('.status')?.textContent === '');
      await importSample(page, 'pilot-methods-survey-2023.xlsx');
      await page.getByRole('tab', { name: 'Översikt', exact: true }).click();
      await page.getByTestId('overview-units').getByText('56').waitFor();
      // The autosave lands a little after the last change.
      await expect.poll(() => page.evaluate(autosaveSize), { timeout: 60_000, interval: 1000 }).toBeGreaterThan(0);
      // A crash: the renderer dies without pagehide, as when the laptop's battery runs out.
      const cdp = await context.newCDPSession(page);
      void cdp.send('Page.crash').catch(() => undefined);
      await page.waitForEvent('crash', { timeout: 10_000 });

      const next = await context.newPage();
      await next.goto(server.url);
      const offer = next.getByRole('alertdialog');
      await offer.getByText('Metodkartan stängdes oväntat förra gången.', { exact: false }).waitFor();
      await next.screenshot({ path: path.join(SCREENSHOT_DIR, 'workspace-recovery.png') });
      await offer.getByRole('button', { name: 'Återställ' }).click();
      await next.getByTestId('workspace-status').getByText('autosave är öppnad.').waitFor();
      expect(await next.getByTestId('overview-units').textContent()).toBe('56');
      expect(await next.getByRole('tab', { name: 'Översikt', exact: true }).getAttribute('aria-selected')).toBe('true');
      // Answered: a reload offers nothing again.
      await next.reload();
      await next.waitForFunction(() => document.querySelector('.status')?.textContent === '');
      await next.waitForTimeout(500);
      expect(await next.getByRole('alertdialog').count()).toBe(0);
    } finally {
      await session.close();
    }
  });
});
