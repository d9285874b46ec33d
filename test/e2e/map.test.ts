// Karta as an analyst works with it, end to end in Chromium with the samples loaded (Öppna exempeldata):
// the map fills its card at 1366×768 and 1920×1080 with the legend and the ranking beside it, zooms
// with its buttons, the keys and the wheel, pans by dragging, zooms to the county in the filter, keeps
// hover and focus linked between the map and the ranking, and exports what it shows (Stockholms län
// legible) or the whole country. Screenshots: test-results/screenshots/map-*.png.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openApp, openSamples, SCREENSHOT_DIR, type AppSession } from './app-session';

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
/** Stockholms län's 26 municipalities: their codes begin with its county code. */
const STOCKHOLM_COUNTY = '01';

let app: AppSession;

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function rect(page: Page, selector: string): Promise<Rect> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on the page`);
  return box;
}

/** The map's figures once the filter's query has returned: N of Stockholms län's responding units. */
async function countyFigures(page: Page): Promise<void> {
  await expect.poll(() => page.locator('figure[aria-labelledby="map-title"] .count').textContent()).toMatch(/^N = 17 enheter i 10 områden$/);
}

const view = (page: Page) => page.getByTestId('map-stage').getAttribute('data-view');
const zoom = async (page: Page) => Number(await page.getByTestId('map-stage').getAttribute('data-zoom'));

/** A new window size, once the map has measured its stage again. */
async function resize(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(viewport);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

async function openMap(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Karta', exact: true }).click();
  await page.locator('svg.choropleth-map path[role="button"]').first().waitFor();
}

/** The map's card at the top of the window, under the sticky toolbar, as one scrolls to work on it. */
async function shot(page: Page, name: string): Promise<void> {
  await page.locator('figure[aria-labelledby="map-title"]').evaluate((figure) => {
    const toolbar = document.querySelector('.toolbar')?.getBoundingClientRect().height ?? 0;
    window.scrollTo(0, figure.getBoundingClientRect().top + window.scrollY - toolbar - 12);
  });
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `map-${name}.png`) });
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const waiting: Promise<Download> = page.waitForEvent('download');
  await page.getByRole('dialog').getByRole('button', { name: button, exact: true }).click();
  const file = await waiting;
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

/** An exported SVG's width and its units' paths by name (the main map's paths carry a <title>). */
function readSvg(svg: string) {
  const width = Number(svg.match(/^<svg [^>]*width="([\d.]+)"/)![1]);
  const paths = new Map([...svg.matchAll(/<path d="([^"]+)" fill="#[0-9a-f]{6}"><title>([^<]+)<\/title><\/path>/g)].map((m) => [m[2]!, m[1]!]));
  return { width, paths };
}

/** The extent of a path's points (d3-geo writes absolute M and L commands). */
function extent(d: string): Rect {
  const points = [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}


beforeAll(async () => {
  app = await openApp();
  const { page } = app;
  await page.setViewportSize(VIEWPORTS[0]);
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === '');
  await openSamples(page);
  await openMap(page);
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe('Karta fills the space it is given', () => {
  for (const viewport of VIEWPORTS) {
    it(`at ${viewport.width}×${viewport.height}: the map at least half the column, the legend and the ranking beside it, nothing wider than the card`, async () => {
      const { page } = app;
      await resize(page, viewport);
      await openMap(page);
      for (const level of ['county', 'municipality'] as const) {
        await page.getByTestId('map-level').selectOption(level);
        await page.locator(`svg.choropleth-map path[data-code="${level === 'county' ? '01' : '0180'}"]`).waitFor();
        const column = await rect(page, '.analysis');
        const map = await rect(page, 'svg.choropleth-map');
        const card = await rect(page, 'figure[aria-labelledby="map-title"]');
        expect(map.width, level).toBeGreaterThanOrEqual(column.width / 2);
        // Sweden is tall: the map takes most of the window's height.
        expect(map.height, level).toBeGreaterThanOrEqual(viewport.height * 0.6);
        // The legend and the ranking beside the map, to its right, inside the card and the window.
        for (const selector of ['.map-legend', '[data-testid="map-ranking"]']) {
          const box = await rect(page, selector);
          expect(box.x, selector).toBeGreaterThanOrEqual(map.x + map.width);
          expect(box.x + box.width, selector).toBeLessThanOrEqual(Math.min(viewport.width, card.x + card.width));
          expect(box.height, selector).toBeGreaterThan(40);
          expect(box.y, selector).toBeLessThan(map.y + map.height);
        }
        expect(await page.getByTestId('map-ranking').locator('button').count()).toBeGreaterThan(level === 'county' ? 10 : 40);
        // No horizontal scrolling, of the page or of the card, and nothing in the card past its edge.
        const overflow = await page.evaluate(() => {
          const figure = document.querySelector<HTMLElement>('figure[aria-labelledby="map-title"]')!;
          const right = figure.getBoundingClientRect().right;
          const beyond = [...figure.querySelectorAll<HTMLElement>('.map-explorer, .map-explorer > *, .map-stage, .map-toolbar, .map-side-inner, .map-inset, .map-ranking-row')]
            .filter((e) => e.getBoundingClientRect().right > right + 0.5)
            .map((e) => e.className);
          return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, card: figure.scrollWidth - figure.clientWidth, beyond };
        });
        expect(overflow).toEqual({ page: 0, card: 0, beyond: [] });
      }
      // The insets of a municipality map: on the stage, beside Sweden, clear of each other.
      const insets = await page.locator('.map-inset').evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().toJSON() as Rect));
      expect(insets).toHaveLength(3);
      const stage = await rect(page, '[data-testid="map-stage"]');
      for (const [i, inset] of insets.entries()) {
        expect(inset.x + inset.width).toBeLessThanOrEqual(stage.x + stage.width + 0.5);
        expect(inset.y + inset.height).toBeLessThanOrEqual(stage.y + stage.height + 0.5);
        for (const other of insets.slice(i + 1)) expect(inset.y + inset.height <= other.y || other.y + other.height <= inset.y).toBe(true);
      }
      await shot(page, `${viewport.width}-country`);
      await page.getByTestId('map-level').selectOption('county');
    });
  }
});

describe('pan and zoom', () => {
  it('zooms in with the + button and the + key, out with − and back to the whole country with 0', async () => {
    const { page } = app;
    await resize(page, VIEWPORTS[0]);
    expect(await zoom(page)).toBe(1);
    const whole = await view(page);
    await page.getByRole('button', { name: 'Zooma in', exact: true }).click();
    expect(await view(page)).not.toBe(whole);
    const afterButton = await zoom(page);
    expect(afterButton).toBeGreaterThan(1.5);
    // The map is one Tab stop: focus it, then the keys.
    await page.locator('svg.choropleth-map path[tabindex="0"]').focus();
    await page.keyboard.press('+');
    expect(await zoom(page)).toBeGreaterThan(afterButton * 1.5);
    await page.keyboard.press('-');
    expect(await zoom(page)).toBeCloseTo(afterButton, 2);
    await page.keyboard.press('0');
    expect(await zoom(page)).toBe(1);
    expect(await view(page)).toBe(whole);
    // Nothing left to do for Hela landet and −: they say so, and keep the focus where it is.
    expect(await page.getByRole('button', { name: 'Hela landet', exact: true }).getAttribute('aria-disabled')).toBe('true');
    await page.getByRole('button', { name: 'Zooma in', exact: true }).click();
    await page.getByRole('button', { name: 'Zooma ut', exact: true }).click();
    expect(await zoom(page)).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Zooma ut');
  });

  it('zooms with the wheel where the pointer is, and pans by dragging', async () => {
    const { page } = app;
    const stage = await rect(page, '[data-testid="map-stage"]');
    await page.mouse.move(stage.x + stage.width * 0.45, stage.y + stage.height * 0.7);
    await page.mouse.wheel(0, -400);
    await expect.poll(() => zoom(page)).toBeGreaterThan(1.5);
    const before = (await view(page))!.split(' ').map(Number);
    await page.mouse.down();
    await page.mouse.move(stage.x + stage.width * 0.45 + 120, stage.y + stage.height * 0.7 + 60, { steps: 6 });
    await page.mouse.up();
    const after = (await view(page))!.split(' ').map(Number);
    // Dragged right and down: the view moves left and up; the zoom stays.
    expect(after[0]).toBeLessThan(before[0]!);
    expect(after[1]).toBeLessThan(before[1]!);
    expect(after[2]).toBeCloseTo(before[2]!, 6);
    // A drag is not a click: no county was filtered.
    expect(await page.getByTestId('filter-county').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Hela landet', exact: true }).click();
    expect(await zoom(page)).toBe(1);
  });

  it('zooms to Stockholms län when it is filtered (or its county clicked), all of it on the map, and out again when the filter goes', async () => {
    const { page } = app;
    await page.getByTestId('map-level').selectOption('municipality');
    await page.getByTestId('filter-county').selectOption(STOCKHOLM_COUNTY);
    await expect.poll(() => zoom(page)).toBeGreaterThan(5);
    await countyFigures(page);
    const stage = await rect(page, '[data-testid="map-stage"]');
    const municipalities = await page.locator(`svg.choropleth-map path[data-code^="${STOCKHOLM_COUNTY}"]`).evaluateAll((paths) => paths.map((p) => p.getBoundingClientRect().toJSON() as Rect));
    expect(municipalities).toHaveLength(26);
    for (const box of municipalities) {
      expect(box.x).toBeGreaterThanOrEqual(stage.x - 0.5);
      expect(box.y).toBeGreaterThanOrEqual(stage.y - 0.5);
      expect(box.x + box.width).toBeLessThanOrEqual(stage.x + stage.width + 0.5);
      expect(box.y + box.height).toBeLessThanOrEqual(stage.y + stage.height + 0.5);
    }
    // Solna and Sundbyberg, a pixel or two on the whole country, can be pointed at.
    for (const code of ['0184', '0183']) {
      const box = await page.locator(`svg.choropleth-map path[data-code="${code}"]`).boundingBox();
      expect(Math.max(box!.width, box!.height), code).toBeGreaterThanOrEqual(10);
    }
    await shot(page, '1366-stockholms-lan');
    await resize(page, VIEWPORTS[1]);
    await shot(page, '1920-stockholms-lan');
    await resize(page, VIEWPORTS[0]);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('filter-county').selectOption('');
    await expect.poll(() => zoom(page)).toBe(1);
    // At the county level, a click on a county filters every view, and the map zooms to it.
    await page.getByTestId('map-level').selectOption('county');
    await page.getByRole('button', { name: /^Dalarnas län: 29/ }).click();
    expect(await page.getByTestId('filter-county').inputValue()).toBe('20');
    await expect.poll(() => zoom(page)).toBeGreaterThan(2);
    await page.getByRole('button', { name: 'Rensa filter' }).click();
    await expect.poll(() => zoom(page)).toBe(1);
  });
});

describe('the map and the ranking, linked', () => {
  it('marks the row of the unit under the pointer or the focus on the map, and the unit of a row under the pointer or the focus', async () => {
    const { page } = app;
    const stockholm = page.locator('svg.choropleth-map path[data-code="01"]');
    await stockholm.hover();
    await page.locator('.map-ranking li.is-highlighted button[data-code="01"]').waitFor();
    expect(await page.locator('.choropleth-tooltip').textContent()).toMatch(/^Stockholms län76\s%$/);
    // A row under the pointer: its county outlined on the map, and its tooltip.
    const dalarna = page.getByTestId('map-ranking').locator('button[data-code="20"]');
    await dalarna.hover();
    expect(await page.locator('.choropleth-tooltip strong').textContent()).toBe('Dalarnas län');
    const outlined = await page.evaluate(() => {
      const d = document.querySelector('svg.choropleth-map path[data-code="20"]')!.getAttribute('d');
      return [...document.querySelectorAll('svg.choropleth-map path[fill="none"]')].some((p) => p.getAttribute('d') === d);
    });
    expect(outlined).toBe(true);
    // The ranking is one Tab stop; its arrows move between rows, and the focused row's unit is ringed.
    await page.mouse.move(0, 0);
    expect(await page.getByTestId('map-ranking').locator('button[tabindex="0"]').count()).toBe(1);
    await page.getByTestId('map-ranking').locator('button[tabindex="0"]').focus();
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
    const ring = await page.evaluate((code) => {
      const d = document.querySelector(`svg.choropleth-map path[data-code="${code}"]`)!.getAttribute('d');
      return [...document.querySelectorAll('svg.choropleth-map path[stroke="#1b2430"][stroke-width="3"]')].some((p) => p.getAttribute('d') === d);
    }, focused);
    expect(ring).toBe(true);
    // Enter on a row does what a click on its county does: the filter.
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('filter-county').inputValue()).toBe(focused);
    await page.getByRole('button', { name: 'Rensa filter' }).click();
    await expect.poll(() => zoom(page)).toBe(1);
  });
});

describe('exporting the map', () => {
  it('exports what is shown: zoomed to Stockholms län, an image with its municipalities legible', async () => {
    const { page } = app;
    await page.getByTestId('map-level').selectOption('municipality');
    await page.getByTestId('filter-county').selectOption(STOCKHOLM_COUNTY);
    await expect.poll(() => zoom(page)).toBeGreaterThan(5);
    await countyFigures(page);
    expect(await page.getByTestId('map-export-view').inputValue()).toBe('shown');
    await page.getByRole('button', { name: 'Exportera diagrammet Karta: KOMET' }).click();
    await page.getByRole('dialog').waitFor();
    try {
      await exportsStockholm(page);
    } finally {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
  });

  async function exportsStockholm(page: Page): Promise<void> {
    const { width, paths } = readSvg((await download(page, 'SVG')).bytes.toString('utf8'));
    // The county's 26 municipalities, all of them; nothing of the far north.
    const county = await page.locator(`svg.choropleth-map path[data-code^="${STOCKHOLM_COUNTY}"]`).evaluateAll((elements) => elements.map((e) => e.getAttribute('aria-label')!.replace(/:.*$/, '')));
    expect(county).toHaveLength(26);
    for (const name of county) expect(paths.has(name), name).toBe(true);
    expect(paths.has('Kiruna'), 'the export draws only what the map shows (the spec’s view)').toBe(false);
    // Legible: at 1,600 px across, Solna and Sundbyberg are 20 px or more.
    for (const name of ['Solna', 'Sundbyberg']) {
      const box = extent(paths.get(name)!);
      expect(Math.max(box.width, box.height) * (1600 / width), name).toBeGreaterThanOrEqual(20);
    }
    // The whole county inside the picture: every municipality's path within the map's frame.
    const all = county.map((name) => extent(paths.get(name)!));
    const frameWidth = Math.max(...all.map((b) => b.x + b.width));
    expect(Math.min(...all.map((b) => b.x))).toBeGreaterThanOrEqual(-0.5);
    expect(frameWidth).toBeLessThanOrEqual(width);
    // The picture itself, for a person to look at (PNG 3×: 1,920 px across).
    const png = await download(page, 'PNG 3×');
    expect(png.bytes.readUInt32BE(16)).toBe(1920);
    await writeFile(path.join(SCREENSHOT_DIR, 'map-export-stockholms-lan.png'), png.bytes);
  }

  it('exports the whole country when that is chosen, with the insets', async () => {
    const { page } = app;
    await page.getByTestId('map-export-view').selectOption('country');
    await page.getByRole('button', { name: 'Exportera diagrammet Karta: KOMET' }).click();
    await page.getByRole('dialog').waitFor();
    const svg = (await download(page, 'SVG')).bytes.toString('utf8');
    const { paths } = readSvg(svg);
    expect(paths.size).toBe(290);
    for (const caption of ['Stockholm', 'Göteborg', 'Malmö']) expect(svg).toContain(`font-weight="600" fill="#1b2430">${caption}</text>`);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByTestId('map-export-view').selectOption('shown');
    await page.getByRole('button', { name: 'Rensa filter' }).click();
    await page.getByTestId('map-level').selectOption('county');
    expect(app.problems).toEqual([]);
  });
});
