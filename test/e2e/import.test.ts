// The import issue end to end in Chromium: the mapping view, settling unknown names, templates that
// make next month's export a one-click import, settings with a live preview, and bad files.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropFile, openApp, SCREENSHOT_DIR, type AppSession } from './app-session';

let app: AppSession;

/** Waits until the mapping view shows this shape (it follows role changes asynchronously). */
async function shape(page: Page, text: string): Promise<void> {
  await page.getByTestId('shape').getByText(text, { exact: true }).waitFor();
}
const fixture = async (name: string) => new Uint8Array(await readFile(path.join('test/fixtures/shapes', name)));

beforeAll(async () => {
  app = await openApp();
  await app.page.waitForFunction(() => document.querySelector('.status')?.textContent === '');
});

afterAll(async () => {
  await app?.close();
});

describe('importing exports', () => {
  it('lists the unit outside the register, lets the user pick it, and remembers the choice', async () => {
    const { page } = app;
    await dropFile(page, 'survey-wide.csv', await fixture('survey-wide.csv'));
    await page.getByRole('heading', { name: 'Importera survey-wide.csv', exact: true }).waitFor();
    expect(await page.getByTestId('shape').textContent()).toBe('Enkät – en kolumn per svarsalternativ');
    // The totals row is not a unit; five of six units match; the sixth waits for the user.
    await page.getByText('5 av 6 matchade mot registret över kommuner och stadsdelar.').waitFor();
    const picker = page.getByRole('combobox', { name: 'Välj enhet för Norra Storstockholms kommunalförbund' });
    await picker.selectOption({ label: 'Stockholm (0180, Stockholms län)' });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'mapping-units-sv.png'), fullPage: true });
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('heading', { name: 'survey-wide.csv', exact: true }).waitFor();
    expect(await page.getByTestId('report-rows').textContent()).toBe('7 rader lästa, 7 inlästa, 0 avvisade.');
    expect(await page.getByTestId('report-units').textContent()).toBe('Enheter: 6 matchade, 0 utan träff i registret.');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'report-sv.png'), fullPage: true });
  });

  it('recognises next month’s export from the same tool and imports it in one click', async () => {
    const { page } = app;
    await dropFile(page, 'survey-wide-november.csv', await fixture('survey-wide.csv'));
    await page.getByText('Känns igen från survey-wide.csv', { exact: false }).waitFor();
    // The remembered unit choice applies without asking again.
    await page.getByText('6 av 6 matchade', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('heading', { name: 'survey-wide-november.csv', exact: true }).waitFor();
    expect(await page.locator('.file-list li').count()).toBe(2);
  });

  it('changes a setting with a live preview: forcing the wrong encoding shows, the right one restores', async () => {
    const { page } = app;
    await dropFile(page, 'enkät.csv', await fixture('survey-wide.csv'));
    await page.getByRole('heading', { name: 'Importera enkät.csv', exact: true }).waitFor();
    const firstUnit = page.locator('table.grid tbody tr').nth(2).locator('td').first();
    expect(await firstUnit.textContent()).toBe('Mörbylånga kommun');
    // Windows-1252 is made UTF-8 for DuckDB in a worker of its own, off the window's thread.
    expect(app.requests.some((url) => /\/transcode-worker-[\w-]+\.js$/.test(url))).toBe(true);
    await page.getByLabel('Teckenkodning').selectOption('utf-8');
    await page.waitForFunction(() => document.querySelector('table.grid tbody tr:nth-child(3) td')?.textContent?.includes('\uFFFD'));
    await page.getByLabel('Teckenkodning').selectOption('windows-1252');
    await page.waitForFunction(() => document.querySelector('table.grid tbody tr:nth-child(3) td')?.textContent === 'Mörbylånga kommun');
    await page.getByRole('button', { name: 'Avbryt' }).click();
    expect(await page.locator('.file-list li').count()).toBe(2);
  });

  it('opens a file dropped while another waits for its mapping, and one dropped the moment a mapping is cancelled', async () => {
    const { page } = app;
    const bytes = await fixture('survey-wide.csv');
    await dropFile(page, 'först.csv', bytes);
    await page.getByRole('heading', { name: 'Importera först.csv', exact: true }).waitFor();
    await dropFile(page, 'sedan.csv', bytes);
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await page.getByRole('heading', { name: 'Importera sedan.csv', exact: true }).waitFor();
    // Cancelled, and at once another file: it must not wait for ever behind the one that is gone.
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await dropFile(page, 'till-sist.csv', bytes);
    await page.getByRole('heading', { name: 'Importera till-sist.csv', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await page.getByRole('heading', { name: 'Importera till-sist.csv', exact: true }).waitFor({ state: 'detached' });
    expect(await page.locator('.file-list li').count()).toBe(2);
  });

  it('lets the user correct a column role, and lists unknown methods for mapping', async () => {
    const { page } = app;
    await dropFile(page, 'usage-long.csv', await fixture('usage-long.csv'));
    await page.getByRole('heading', { name: 'Importera usage-long.csv', exact: true }).waitFor();
    await shape(page, 'Uttag i långt format – enhet, period, insats, antal');
    await page.getByRole('combobox', { name: 'Välj metod för BiFF' }).selectOption({ label: 'Lägg till som lokal metod' });
    await page.getByRole('combobox', { name: 'Roll för kolumnen Antal' }).selectOption({ label: 'Används inte' });
    await shape(page, 'Okänd form – ange vilken kolumn som är enhet och vilka som är metoder');
    await page.getByRole('combobox', { name: 'Roll för kolumnen Antal' }).selectOption({ label: 'Antal' });
    await shape(page, 'Uttag i långt format – enhet, period, insats, antal');
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('heading', { name: 'usage-long.csv', exact: true }).waitFor();
    expect(await page.getByTestId('report-methods').textContent()).toBe('Metoder: 6 i katalogen, 0 okända.');
  });

  it.each([
    ['tom.csv', new Uint8Array(), 'tom.csv: filen är tom.'],
    ['skrap.xlsx', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), 'skrap.xlsx: filen kunde inte öppnas som Excel-arbetsbok.'],
    ['bara-rubriker.csv', new TextEncoder().encode('Kommun;Insatser: KOMET\n'), 'bara-rubriker.csv: filen har rubriker men inga datarader.'],
  ])('refuses %s in plain Swedish and keeps the loaded files', async (name, bytes, message) => {
    const { page } = app;
    await dropFile(page, name, bytes);
    await page.getByRole('alert').getByText(message, { exact: false }).waitFor();
    expect(await page.locator('.file-list li').count()).toBe(3);
    await page.getByRole('alert').getByRole('button', { name: 'Stäng' }).click();
  });

  it('keeps the window responsive for a very wide file: the first 300 columns shown, the rest said', async () => {
    const { page } = app;
    const width = 5000;
    const header = ['Kommun', ...Array.from({ length: width - 1 }, (_, i) => `k${i}`)].join(';');
    const row = ['Falun', ...Array.from({ length: width - 1 }, (_, i) => String(i))].join(';');
    await dropFile(page, 'bred.csv', new TextEncoder().encode(`${header}\n${row}\n${row}\n`));
    await page.getByRole('heading', { name: 'Importera bred.csv', exact: true }).waitFor();
    await page.getByText('Visar de första 300 av 5 000 kolumner.').first().waitFor();
    expect(await page.locator('tr.roles select').count()).toBe(300);
    // Too wide to have a shape: each column says why.
    expect(await page.getByTestId('shape').textContent()).toBe('Okänd form – ange vilken kolumn som är enhet och vilka som är metoder');
    expect(await page.locator('.role-reason').first().textContent()).toBe('tabellen har fler än 2 000 kolumner – formen läses inte; dela upp den eller vänd den till rader');
    await page.getByRole('button', { name: 'Avbryt', exact: true }).click();
    await page.getByRole('heading', { name: 'Importera bred.csv', exact: true }).waitFor({ state: 'detached' });
  });

  it('made no request outside its own origin and logged no error', () => {
    const origin = new URL(app.server.url).origin;
    expect(app.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    expect(app.problems).toEqual([]);
  });
});
