// The analyst's screen (issue 20): at the common municipal laptop's 1366×768 and at 1920×1080, every
// tab with the samples loaded (and the methods survey's second wave) uses the width without spilling out of its cards, and answers above the
// fold: the first chart's plot begins on the first screen. Screenshots go to test-results/screenshots/
// (the ones looked at and kept are copied to docs/screenshots/).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSample, openApp, openSamples, SCREENSHOT_DIR, type AppSession } from './app-session';
import { SECOND_WAVE } from '../support/samples';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

let app: AppSession;

beforeAll(async () => {
  app = await openApp();
  await openSamples(app.page);
  // The methods survey's second wave as well, so that Förändring has its charts to lay out.
  await importSample(app.page, SECOND_WAVE);
}, 180_000);

afterAll(async () => {
  await app?.close();
});

interface Boxes {
  /** Cards (and scrolling grids inside them) whose content is wider than they are. */
  overflowing: string[];
  pageWidth: number;
  contentWidth: number;
  /** Top of the first chart's plot (its chart, grid or map), from the top of the window. */
  firstPlotTop: number | null;
}

async function boxes(): Promise<Boxes> {
  return app.page.evaluate(() => {
    const overflowing = [...document.querySelectorAll<HTMLElement>('.analysis .chart, .analysis figure, .heat-wrap, .toolbar')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}>${el.clientWidth}`);
    const first = document.querySelector('.analysis figure.chart');
    const plots = first ? [...first.querySelectorAll<HTMLElement>('.recharts-wrapper, .heat-wrap, table, svg')] : [];
    const tops = plots.map((el) => el.getBoundingClientRect().top).filter((top) => top > 0);
    return {
      overflowing,
      pageWidth: document.documentElement.scrollWidth,
      contentWidth: document.querySelector('.analysis')?.getBoundingClientRect().width ?? 0,
      firstPlotTop: tops.length > 0 ? Math.min(...tops) : null,
    };
  });
}

describe.each(SIZES)('at $width×$height', ({ width, height }) => {
  it('every tab fits the window and shows its first chart on the first screen', async () => {
    const { page } = app;
    await page.setViewportSize({ width, height });
    const tabs = (await page.getByRole('tab').allTextContents()).filter((tab) => tab !== 'Filer');
    expect(tabs.length).toBeGreaterThanOrEqual(9);
    const found: Record<string, Boxes> = {};
    for (const tab of tabs) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await page.locator('.analysis[aria-busy="false"] :is(figure.chart, .key-figures)').first().waitFor({ timeout: 30_000 });
      await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
      found[tab] = await boxes();
      if (['Insatser', 'Län', 'Trender', 'Översikt'].includes(tab)) {
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `layout-${width}-${tab.toLowerCase().replace(/ö/g, 'o').replace(/ä/g, 'a')}.png`) });
      }
    }
    for (const [tab, b] of Object.entries(found)) {
      expect(b.overflowing, tab).toEqual([]);
      expect(b.pageWidth, tab).toBeLessThanOrEqual(width);
      // The plot begins with at least 150 px of it on the first screen (Översikt's key figures have none).
      if (tab !== 'Översikt') expect(b.firstPlotTop ?? Infinity, tab).toBeLessThan(height - 150);
    }
    // The content uses the width: nearly all of a laptop's, and more than the old 1,200 px column on a large screen.
    const { contentWidth } = found.Insatser!;
    expect(contentWidth).toBeGreaterThan(width === 1366 ? 1250 : 1700);
  });
});

it('sums up the filters in force as chips that remove them, in a toolbar that stays in view', async () => {
  const { page } = app;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('tab', { name: 'Insatser', exact: true }).click();
  await page.getByTestId('filter-county').selectOption('01');
  const chip = page.getByRole('button', { name: 'Ta bort filtret Län: Stockholms län' });
  await chip.waitFor();
  await page.locator('.analysis[aria-busy="false"] figure.chart').first().waitFor();
  await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
  await page.waitForFunction(() => window.scrollY > 300);
  const top = await page.locator('.toolbar').evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBe(0);
  await chip.click();
  expect(await page.getByTestId('filter-county').inputValue()).toBe('');
  expect(await chip.count()).toBe(0);
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
});

it('opens Översikt with the key figures, each a link to the view that shows it in full', async () => {
  const { page } = app;
  await page.getByRole('tab', { name: 'Översikt', exact: true }).click();
  await page.getByTestId('overview-most').waitFor();
  // The 2024 wave first (the latest): its 55 units, the 4 only the extract still lists, 59 in all.
  await expect.poll(() => page.getByTestId('overview-units').textContent()).toBe('59');
  // The samples' own wave, 2023: the report's figures.
  await page.getByTestId('filter-wave').selectOption('2023');
  await expect.poll(() => page.getByTestId('overview-units').textContent()).toBe('56');
  expect(await page.getByTestId('overview-most').textContent()).toBe('93\u00a0%');
  expect(await page.getByTestId('overview-most-methods').textContent()).toBe('Stödsamtal till ungdomar');
  // Four recommended interventions are used by none of the 56 units: a tie, said as one and three more.
  expect(await page.getByTestId('overview-least').textContent()).toBe('0\u00a0%');
  expect(await page.getByTestId('overview-least-methods').textContent()).toMatch(/ och 3 till$/);
  await page.getByRole('button', { name: 'Mest använda insats', exact: true }).click();
  expect(await page.getByRole('tab', { name: 'Insatser', exact: true }).getAttribute('aria-selected')).toBe('true');
  await page.getByRole('tab', { name: 'Översikt', exact: true }).click();
  await page.getByRole('button', { name: 'Län', exact: true }).click();
  expect(await page.getByRole('tab', { name: 'Län', exact: true }).getAttribute('aria-selected')).toBe('true');
  await page.getByTestId('filter-wave').selectOption('2024');
});
