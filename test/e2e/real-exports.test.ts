// Exports as real survey tools write them, end to end in Chromium: a Netigate workbook with a cover sheet
// and a two-row header, and a Google Forms CSV whose choices are joined with ", " (options holding commas,
// a parenthesis first or last). The shares read off the screen are the ones counted by hand in
// test/fixtures/exports/expected.ts.
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

const fixture = async (name: string) => new Uint8Array(await readFile(path.join('test/fixtures/exports', name)));
const plain = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');

/** A method's share, n and N from the table a chart keeps for screen readers. */
async function share(page: Page, chart: string, label: string): Promise<string> {
  const row = page.locator(`figure[aria-labelledby="${chart}-title"] table.sr-only tr`).filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  await row.first().waitFor({ state: 'attached' });
  return plain((await row.locator('td').allTextContents()).join(' | '));
}

async function openView(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.locator('.analysis .chart').first().waitFor();
  await page.waitForFunction(() => document.querySelector('.analysis')?.getAttribute('aria-busy') === 'false');
}

describe('real-world exports in the app', () => {
  it('reads a Netigate workbook from its answers sheet, not the cover sheet, with its two-row header', async () => {
    const { page } = app;
    await dropFile(page, 'netigate-export.xlsx', await fixture('netigate-export.xlsx'));
    await page.getByRole('heading', { name: 'Importera netigate-export.xlsx', exact: true }).waitFor();
    // Both sheets are offered; the answers sheet is the one read.
    const sheet = page.getByRole('combobox', { name: /^Blad/ });
    expect(await sheet.inputValue()).toBe('Data');
    expect(await sheet.locator('option').allTextContents()).toEqual(['Information (7 rader)', 'Data (13 rader)']);
    expect(await page.getByTestId('shape').textContent()).toBe('Enkät – en kolumn per svarsalternativ');
    // Every column has a fate: the unit, twelve method options (the question and option combined), the respondent id.
    expect(plain(await page.getByTestId('columns-accounted').textContent())).toBe(
      'Kolumner: 14 – 1 med roll, 12 metodalternativ, 0 med okänt namn, 1 används inte',
    );
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'mapping-netigate.png'), fullPage: true });
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('heading', { name: 'netigate-export.xlsx', exact: true }).waitFor();

    await openView(page, 'Insatser');
    expect(await share(page, 'adoption-family-treatment', 'FFT')).toBe('45 % (5 av 11)');
    // An option column nobody ticked is asked: 0 of N, not absent.
    expect(await share(page, 'adoption-parenting-programme', 'Triple P')).toBe('0 % (0 av 11)');
    await openView(page, 'Bedömningsinstrument');
    // "EARL-20B / EARL-21G" as an option header is EARL.
    expect(await share(page, 'adoption-assessment', 'EARL')).toBe('36 % (4 av 11)');
  });

  it('splits Google Forms choices by the column itself, and counts an option the questionnaire offered as 0 of N', async () => {
    const { page } = app;
    await dropFile(page, 'google-forms-insatser.csv', await fixture('google-forms-insatser.csv'));
    await page.getByRole('heading', { name: 'Importera google-forms-insatser.csv', exact: true }).waitFor();
    expect(await page.getByTestId('shape').textContent()).toBe('Enkät – flera val i samma cell');
    // Options holding a comma are one name each, free text after "Annat" stays whole.
    for (const name of ['Stödsamtal, enskilt', 'Stödsamtal, grupp', 'Annat, nämligen: Föräldrakurs i egen regi']) {
      await page.getByRole('combobox', { name: `Välj metod för ${name}`, exact: true }).waitFor();
    }
    // Nobody ticked Triple P, but the questionnaire offered it.
    const offered = page.locator('details.offered').first();
    await offered.locator('summary').click();
    const triple = offered.getByRole('checkbox', { name: 'Triple P', exact: true });
    await triple.click();
    await page.waitForFunction(() => [...document.querySelectorAll('details.offered label')].some((l) => l.textContent === 'Triple P' && l.querySelector('input')?.checked));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'mapping-google-forms.png'), fullPage: true });
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('heading', { name: 'google-forms-insatser.csv', exact: true }).waitFor();

    await openView(page, 'Insatser');
    expect(await share(page, 'adoption-family-treatment', 'FFT')).toBe('40 % (4 av 10)');
    // Last of three choices, after "Kontaktperson/kontaktfamilj" and "Stödsamtal till ungdomar": all three count.
    expect(await share(page, 'adoption-tfco', 'TFCO')).toBe('30 % (3 av 10)');
    expect(await share(page, 'adoption-unspecified', 'Kontaktperson/kontaktfamilj')).toBe('40 % (4 av 10)');
    expect(await share(page, 'adoption-parenting-programme', 'KOMET')).toBe('40 % (4 av 10)');
    expect(await share(page, 'adoption-parenting-programme', 'Triple P')).toBe('0 % (0 av 10)');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'view-interventions-google-forms.png'), fullPage: true });
  });
});

describe('answer scales survey tools write', () => {
  it('shows the report’s RBM-day scale and a numbered Likert scale in Kunskap och arbetssätt', async () => {
    const { page } = app;
    await dropFile(page, 'ms-forms-insatser.xlsx', await fixture('ms-forms-insatser.xlsx'));
    await page.getByRole('heading', { name: 'Importera ms-forms-insatser.xlsx', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('heading', { name: 'ms-forms-insatser.xlsx', exact: true }).waitFor();
    await openView(page, 'Kunskap och arbetssätt');
    // Helt och hållet 2 + till stor del 4 of the 11 who answered (one left it blank).
    await page.getByText('55 % helt och hållet eller till stor del (6 av 11)').first().waitFor();
    await page.getByRole('heading', { name: 'Svar på skalan Inte alls … Helt och hållet' }).waitFor();
    await page.getByRole('heading', { name: 'Svar på skalan 1 … 5' }).waitFor();
    await page.getByText('45 % i steg 4–5 (5 av 11)').first().waitFor();
    expect(await page.locator('.analysis .empty').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'view-knowledge-other-scales.png'), fullPage: true });
  });
});

describe('a scale no named scale knows', () => {
  it('is offered with its order to confirm, and read as a scale only once confirmed', async () => {
    const { page } = app;
    const bytes = new Uint8Array(await readFile('test/fixtures/exports-more/google-sheets-ovrigt.xlsx'));
    await dropFile(page, 'google-sheets-ovrigt.xlsx', bytes);
    await page.getByRole('heading', { name: 'Importera google-sheets-ovrigt.xlsx', exact: true }).waitFor();
    const question = 'Hur ofta använder ni bedömningsinstrument i utredningar?';
    const panel = page.getByRole('region', { name: `Bekräfta skalan i ${question}` });
    // Proposed lowest first from the answers' own words.
    expect(await panel.locator('li span').allTextContents()).toEqual(['Aldrig', 'Någon gång', 'Flera gånger', 'Varje vecka']);
    // Until confirmed the column is not used, and says why.
    expect(await page.getByRole('combobox', { name: `Roll för kolumnen ${question}` }).inputValue()).toBe('ignore');
    // The user corrects the order (keyboard focus stays on the step moved) and confirms.
    await panel.getByRole('button', { name: 'Flytta ned Någon gång' }).click();
    expect(await panel.locator('li span').allTextContents()).toEqual(['Aldrig', 'Flera gånger', 'Någon gång', 'Varje vecka']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/Någon gång$/);
    await panel.getByRole('button', { name: 'Flytta upp Någon gång' }).click();
    await panel.getByRole('button', { name: 'Bekräfta som skala' }).click();
    await page.waitForFunction((name) => (document.querySelector(`select[aria-label="Roll för kolumnen ${name}"]`) as HTMLSelectElement | null)?.value === 'likert', question);
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('heading', { name: 'google-sheets-ovrigt.xlsx', exact: true }).waitFor();
    await openView(page, 'Kunskap och arbetssätt');
    await page.getByRole('heading', { name: 'Svar på skalan Aldrig … Varje vecka' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'view-knowledge-confirmed-scale.png'), fullPage: true });
  });
});
