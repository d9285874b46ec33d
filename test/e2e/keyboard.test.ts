// The keyboard and the screen reader, end to end in Chromium at 1366×768 with the samples loaded (one
// click on Öppna exempeldata): the export dialog keeps focus inside and gives it back; after an import
// focus lands on the report; walking every tab with Tab finds no stop without a name and one stop per
// chart; the arrow keys move between a chart's bars, segments and periods, with a visible ring.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropFile, openApp, SCREENSHOT_DIR, type AppSession } from './app-session';

let app: AppSession;
let cdp: CDPSession;

/** What has the keyboard focus: Chromium's own accessible role and name (what a screen reader gets). */
interface Focused {
  tag: string;
  role: string;
  name: string;
  /** The chart drawing it is in (ShareBars, DivergingBars, TrendLines), by its accessible name. */
  chart: string | null;
  /** The chart card it is in, by its title. */
  figure: string | null;
  inDialog: boolean;
  testId: string | null;
  html: string;
}

async function focused(page: Page): Promise<Focused | null> {
  const { result } = (await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' })) as { result: { objectId?: string } };
  const facts = await page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body || e === document.documentElement) return null;
    const chart = e.closest('.share-bars [role="group"], .diverging, .chart-keys');
    const figure = e.closest('figure.chart');
    return {
      tag: e.tagName.toLowerCase(),
      chart: chart ? (chart.getAttribute('aria-label') ?? '?') : null,
      figure: figure ? (figure.querySelector('h3')?.textContent ?? '?') : null,
      inDialog: e.closest('[role="dialog"]') !== null,
      testId: e.getAttribute('data-testid'),
      html: e.outerHTML.slice(0, 160),
    };
  });
  if (!facts || !result.objectId) return null;
  const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false })) as {
    nodes: { role?: { value?: string }; name?: { value?: string } }[];
  };
  const node = nodes[0];
  return { ...facts, role: String(node?.role?.value ?? ''), name: String(node?.name?.value ?? '').trim() };
}

/** Presses Tab (or Shift+Tab) until focus is back where it started: every stop on the way, in order. */
async function walk(page: Page, key: 'Tab' | 'Shift+Tab', limit = 400): Promise<Focused[]> {
  const start = (await focused(page))!;
  const stops: Focused[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (now === null) continue; // past the end of the page: the browser's own stop, then round again
    if (now.html === start.html) return stops;
    stops.push(now);
  }
  throw new Error(`${key} did not come back to where it started in ${limit} presses`);
}

const ariaLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? null);

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.locator('.analysis .chart, .analysis .empty').first().waitFor();
  await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' }).catch(() => undefined);
  await page.waitForTimeout(400);
}

beforeAll(async () => {
  app = await openApp();
  await app.page.setViewportSize({ width: 1366, height: 768 });
  cdp = await app.context.newCDPSession(app.page);
  await app.page.waitForFunction(() => document.querySelector('.status')?.textContent === '');
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('focus after an import', () => {
  it('lands on the import report after Öppna exempeldata, never on <body>', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Öppna exempeldata' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.file-list li').length === 5, undefined, { timeout: 120_000 });
    await expect.poll(async () => (await focused(page))?.testId, { timeout: 20_000 }).toBe('import-report');
    expect((await focused(page))!.name).toBe('Importrapport');
  });

  it('lands on the import report after Importera, with a visible ring when the keyboard pressed it', async () => {
    const { page } = app;
    const name = 'methods-survey-sample.csv';
    await dropFile(page, name, new Uint8Array(await readFile(path.resolve('test/fixtures/samples', name))));
    await page.getByRole('heading', { name: `Importera ${name}`, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Importera', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name, exact: true }).waitFor();
    await expect.poll(async () => (await focused(page))?.testId, { timeout: 20_000 }).toBe('import-report');
    expect(await page.evaluate(() => document.activeElement!.matches(':focus-visible'))).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'keyboard-import-report.png') });
    // Out again, so the analyses below count the samples only.
    await page.getByRole('button', { name: `Ta bort ${name}` }).click();
    await page.waitForFunction(() => document.querySelectorAll('.file-list li').length === 5);
  });
});

describe('the export dialog', () => {
  const opener = 'Exportera diagrammet Strukturerad familjebehandling i öppenvård (12–17 år)';

  async function openDialog(page: Page): Promise<void> {
    await page.getByRole('button', { name: opener }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('heading', { name: 'Exportera diagram' }).waitFor();
  }

  it('opens on its first field, Titel', async () => {
    const { page } = app;
    await openTab(page, 'Insatser');
    await openDialog(page);
    await expect.poll(async () => (await focused(page))?.testId).toBe('export-title');
    expect((await focused(page))!.name).toBe('Titel');
    await page.waitForFunction(() => document.querySelector<HTMLImageElement>('[data-testid="export-preview"]')?.complete === true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'keyboard-export-dialog.png') });
  });

  it('keeps Tab and Shift+Tab inside: every stop named, round from Titel back to Titel', async () => {
    const { page } = app;
    const forward = await walk(page, 'Tab', 60);
    expect(forward.filter((stop) => !stop.inDialog)).toEqual([]);
    expect(forward.filter((stop) => stop.name === '')).toEqual([]);
    expect(forward.map((stop) => stop.name)).toEqual(expect.arrayContaining(['PNG 1×', 'SVG', 'CSV-format', 'XLSX', 'Stäng']));
    expect(forward.at(-1)!.name).toBe('Stäng');
    const backward = await walk(page, 'Shift+Tab', 60);
    expect(backward.filter((stop) => !stop.inDialog)).toEqual([]);
    expect(backward.map((stop) => stop.name)).toEqual(forward.map((stop) => stop.name).reverse());
    // A Tab ring shown on a button, for a look.
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page))!.name).toBe('Stäng');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'keyboard-export-dialog-close.png') });
  });

  it('gives focus back to its Exportera button on Escape', async () => {
    const { page } = app;
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect((await focused(page))!.name).toBe(opener);
  });

  it('gives focus back on Stäng and on a click beside it', async () => {
    const { page } = app;
    await openDialog(page);
    await page.getByRole('dialog').getByRole('button', { name: 'Stäng' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect((await focused(page))!.name).toBe(opener);
    await openDialog(page);
    await page.mouse.click(5, 400); // on the backdrop
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect((await focused(page))!.name).toBe(opener);
  });
});

describe('Tab through every tab', () => {
  it('finds no stop without a name, Recharts’ role="application" nowhere, and one stop per chart', async () => {
    const { page } = app;
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs.length).toBeGreaterThanOrEqual(10);
    const unnamed: string[] = [];
    const charts: Record<string, Record<string, number>> = {};
    for (const tab of tabs) {
      if (tab === 'Filer') await page.getByRole('tab', { name: tab, exact: true }).click();
      else await openTab(page, tab);
      expect(await page.locator('svg[role="application"]').count(), tab).toBe(0);
      // From the tab itself, round the whole page and back.
      await page.getByRole('tab', { name: tab, exact: true }).focus();
      const stops = await walk(page, 'Tab');
      expect(stops.length, tab).toBeGreaterThan(5);
      for (const stop of stops) if (stop.name === '') unnamed.push(`${tab}: ${stop.role} ${stop.html}`);
      const perChart: Record<string, number> = {};
      for (const stop of stops) if (stop.chart !== null) perChart[stop.chart] = (perChart[stop.chart] ?? 0) + 1;
      charts[tab] = perChart;
      // Every chart drawing on the tab is one stop: none is skipped, none has more.
      const drawn = await page.locator('.share-bars [role="group"], .diverging, .chart-keys').evaluateAll((all) => all.map((e) => e.getAttribute('aria-label') ?? '?'));
      expect(Object.keys(perChart).sort(), tab).toEqual([...new Set(drawn)].sort());
    }
    expect(unnamed).toEqual([]);
    for (const [tab, perChart] of Object.entries(charts)) {
      for (const [chart, count] of Object.entries(perChart)) expect(count, `${tab}: ${chart}`).toBe(1);
    }
    // Insatser: its charts each one stop beside its Exportera button (there were 38 stops in them).
    const insatser = charts['Insatser']!;
    expect(Object.keys(insatser).length).toBeGreaterThanOrEqual(6);
    expect(Object.values(insatser).reduce((a, b) => a + b, 0)).toBe(Object.keys(insatser).length);
    expect(Object.keys(charts['Nöjdhet']!).length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(charts['Trender']!)).toEqual(['Trender: Antal enheter med registrerad användning per månad']);
  });
});

describe('the arrow keys in a chart', () => {
  it('move between the bars, the focused one ringed and named by its label and value', async () => {
    const { page } = app;
    await openTab(page, 'Insatser');
    await page.getByRole('button', { name: 'Exportera diagrammet Strukturerad familjebehandling i öppenvård (12–17 år)' }).focus();
    await page.keyboard.press('Tab');
    expect(await ariaLabel(page)).toBe('BSFT: 4\u00a0% (2 av 56)');
    const chart = page.getByRole('group', { name: /^Strukturerad familjebehandling i öppenvård \(12–17 år\)/ });
    await page.keyboard.press('ArrowDown');
    expect(await ariaLabel(page)).toBe('FFT: 41\u00a0% (23 av 56)');
    expect((await focused(page))!.role).toBe('button');
    // The stop moves with the focus: Tab out and back comes to FFT, and only FFT is a stop.
    expect(await chart.locator('[tabindex="0"]').count()).toBe(1);
    expect(await chart.locator('[tabindex="0"]').getAttribute('aria-label')).toBe('FFT: 41\u00a0% (23 av 56)');
    // The ring is drawn, and only around the focused bar's row.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('.svg-focus')!).visibility)).toBe('visible');
    expect(await chart.locator('.svg-focus').evaluateAll((all) => all.filter((e) => getComputedStyle(e).visibility === 'visible').length)).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'keyboard-chart-bar.png') });
    await page.keyboard.press('ArrowDown');
    expect(await ariaLabel(page)).toMatch(/^MDFT: /);
    await page.keyboard.press('ArrowUp');
    expect(await ariaLabel(page)).toMatch(/^FFT: /);
    await page.keyboard.press('End');
    expect(await ariaLabel(page)).toMatch(/^MST: /);
    await page.keyboard.press('ArrowDown'); // round to the first
    expect(await ariaLabel(page)).toMatch(/^BSFT: /);
    await page.keyboard.press('ArrowUp'); // and back to the last
    expect(await ariaLabel(page)).toMatch(/^MST: /);
    // Enter chooses the bar's method, as a click does; again un-chooses it.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('chosen-method').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-pressed'))).toBe('true');
    await page.keyboard.press('Enter');
    await page.getByTestId('chosen-method').waitFor({ state: 'detached' });
  });

  it('move between the answers of a diverging bar, and to the same answer of the next question', async () => {
    const { page } = app;
    await openTab(page, 'Nöjdhet');
    await page.getByRole('button', { name: 'Exportera diagrammet Nöjdhet med pilotens aktiviteter' }).focus();
    await page.keyboard.press('Tab');
    const first = await focused(page);
    expect(first!.role).toBe('image');
    expect(first!.name).toMatch(/^Mycket missnöjd: \d+\u00a0% \(\d+ av \d+\)$/);
    await page.keyboard.press('ArrowRight');
    expect((await focused(page))!.name).toMatch(/^Ganska missnöjd: /);
    const row = await page.evaluate(() => document.activeElement!.closest('svg')!.getAttribute('aria-label'));
    await page.keyboard.press('ArrowDown');
    expect((await focused(page))!.name).toMatch(/^Ganska missnöjd: /);
    expect(await page.evaluate(() => document.activeElement!.closest('svg')!.getAttribute('aria-label'))).not.toBe(row);
    await page.locator('.segment-focus').waitFor();
    expect(await page.locator('.segment-focus').count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'keyboard-chart-segment.png') });
  });

  it('move between the periods of the trend, whose figures are read out as they change', async () => {
    const { page } = app;
    await openTab(page, 'Trender');
    await page.getByRole('button', { name: 'Exportera diagrammet Trender' }).focus();
    await page.keyboard.press('Tab');
    expect((await focused(page))!.name).toBe('Trender: Antal enheter med registrerad användning per månad');
    const readout = page.getByTestId('chart-readout');
    const periods = await page.getByTestId('trend-table').locator('tbody th').allTextContents();
    expect(await readout.textContent()).toMatch(new RegExp(`^${periods[0]}: `));
    await page.keyboard.press('ArrowRight');
    expect(await readout.textContent()).toMatch(new RegExp(`^${periods[1]}: `));
    await page.keyboard.press('End');
    expect(await readout.textContent()).toMatch(new RegExp(`^${periods.at(-1)}: `));
    expect(await readout.getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('.chart-keys .recharts-reference-line').count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'keyboard-chart-trend.png') });
  });
});

describe('the focus ring', () => {
  /** The ring on what has the keyboard focus: outline colour and width, and the band (box-shadow). */
  const ring = (page: Page) =>
    page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { visible: document.activeElement!.matches(':focus-visible'), colour: style.outlineColor, width: style.outlineWidth, band: style.boxShadow };
    });

  it('is white on the dark top bar, with a band of the bar’s blue', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Filer', exact: true }).focus();
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page))!.name).toBe('Öppna fil…');
    expect(await ring(page)).toEqual({ visible: true, colour: 'rgb(255, 255, 255)', width: '3px', band: 'rgb(18, 57, 91) 0px 0px 0px 2px' });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'keyboard-ring-topbar.png'), clip: { x: 700, y: 0, width: 666, height: 120 } });
  });

  it('is dark with a white band on the selected file row and on the white cards', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Filer', exact: true }).click();
    const current = page.locator('.file-list li.current button.file');
    await current.waitFor();
    await page.keyboard.press('Tab'); // the keyboard was used last: focus() below shows its ring
    await current.focus();
    expect(await ring(page)).toEqual({ visible: true, colour: 'rgb(27, 36, 48)', width: '3px', band: 'rgb(255, 255, 255) 0px 0px 0px 2px' });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'keyboard-ring-file-row.png'), clip: { x: 0, y: 120, width: 683, height: 460 } });
    await page.getByRole('button', { name: 'Exportera som CSV' }).focus();
    expect(await ring(page)).toEqual({ visible: true, colour: 'rgb(27, 36, 48)', width: '3px', band: 'rgb(255, 255, 255) 0px 0px 0px 2px' });
  });
});

describe('legends', () => {
  it('write their words in the ink, not in the series colours (4.5:1 on white)', async () => {
    const { page } = app;
    await openTab(page, 'Trender');
    const colours = await page.locator('.series-legend li').evaluateAll((all) => all.map((e) => getComputedStyle(e).color));
    expect(colours.length).toBeGreaterThanOrEqual(5);
    expect(new Set(colours)).toEqual(new Set(['rgb(27, 36, 48)']));
    expect(await page.locator('.recharts-legend-wrapper').count()).toBe(0);
  });
});

it('sends nothing to the console', () => {
  expect(app.problems).toEqual([]);
});
