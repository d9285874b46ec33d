// The analyses end to end in Chromium: the four samples loaded through the app, every view opened,
// the figures of the pilot's final report read off the screen, filters applied, screenshots saved.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSample, openApp, SCREENSHOT_DIR, type AppSession } from './app-session';

const SAMPLES = ['pilot-methods-survey-2023.xlsx', 'pilot-activities-survey-2023.csv', 'usage-2022-2024.csv', 'assessment-training-2024.csv', 'population-0-17-2023.csv'];

let app: AppSession;

async function openView(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.locator('.analysis .chart, .analysis .empty').first().waitFor();
}

/** Swedish number format puts a no-break space before "%": read it as a space. */
const plain = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');

/** The text of the accessible table row a chart keeps for screen readers. */
async function row(page: Page, chart: string, label: string): Promise<string> {
  const cells = page.locator(`figure[aria-labelledby="${chart}-title"] table.sr-only tr`).filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  return plain((await cells.locator('td').allTextContents()).join(' | '));
}


async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `view-${name}.png`), fullPage: true });
}

beforeAll(async () => {
  app = await openApp();
  await app.page.waitForFunction(() => document.querySelector('.status')?.textContent === '');
  for (const name of SAMPLES) await importSample(app.page, name);
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe('the analysis views', () => {
  it('Översikt: the units, counties and files the figures rest on', async () => {
    const { page } = app;
    await openView(page, 'Översikt');
    await page.getByTestId('overview-units').getByText('56').waitFor();
    expect(await page.getByTestId('overview-counties').textContent()).toBe('14');
    expect(await page.getByTestId('overview-districts').textContent()).toBe('12');
    for (const name of SAMPLES) await page.getByRole('cell', { name, exact: true }).waitFor();
    // The pilot invited 65 units: the analyst says so, the app gives the response rate.
    expect(await page.getByTestId('overview-response-rate').count()).toBe(0);
    await page.getByTestId('invited').fill('65');
    expect(plain(await page.getByTestId('overview-response-rate').textContent())).toBe('86 %');
    await shot(page, 'overview');
  });

  it('Insatser: the report’s shares with n and N, recommended types marked, Scared Straight flagged', async () => {
    const { page } = app;
    await openView(page, 'Insatser');
    await page.locator('figure[aria-labelledby="adoption-family-treatment-title"]').waitFor();
    expect(await row(page, 'adoption-family-treatment', 'FFT')).toBe('41 % (23 av 56)');
    expect(await row(page, 'adoption-parenting-programme', 'KOMET')).toBe('34 % (19 av 56)');
    expect(await row(page, 'adoption-individual-cbt', 'Individuell strukturerad KBT')).toBe('29 % (16 av 56)');
    expect(await page.locator('figure[aria-labelledby="adoption-family-treatment-title"] .count').textContent()).toBe('N = 56 enheter');
    expect(await page.locator('figure[aria-labelledby="adoption-family-treatment-title"] .source').textContent()).toBe(
      'Källa: pilot-methods-survey-2023.xlsx, usage-2022-2024.csv, egen bearbetning.',
    );
    await shot(page, 'interventions');
  });

  it('a county filter narrows every view: Dalarna’s seven units', async () => {
    const { page } = app;
    await page.getByTestId('filter-county').selectOption('20');
    await page.locator('figure[aria-labelledby="adoption-parenting-programme-title"] .count').getByText('N = 7 enheter').waitFor();
    expect(await row(page, 'adoption-parenting-programme', 'KOMET')).toBe('29 % (2 av 7)');
    expect(await row(page, 'adoption-individual-cbt', 'Individuell strukturerad KBT')).toBe('71 % (5 av 7)');
    await shot(page, 'interventions-dalarna');
    await openView(page, 'Översikt');
    await page.getByTestId('overview-units').getByText('7', { exact: true }).waitFor();
    expect(await page.getByTestId('overview-counties').textContent()).toBe('1');
    await page.getByRole('button', { name: 'Rensa filter' }).click();
    await page.getByTestId('overview-units').getByText('56').waitFor();
  });

  it('Bedömningsinstrument: tools, how often they are used, trained staff against staff in post', async () => {
    const { page } = app;
    await openView(page, 'Bedömningsinstrument');
    await page.locator('figure[aria-labelledby="adoption-assessment-title"]').waitFor();
    expect(await row(page, 'adoption-assessment', 'SAVRY')).toBe('21 % (12 av 56)');
    expect(await row(page, 'adoption-assessment', 'ERASOR')).toBe('29 % (16 av 56)');
    expect(await row(page, 'adoption-assessment', 'YLS/CMI')).toBe('0 % (0 av 56)');
    await page.locator('figure[aria-labelledby="training-title"]').waitFor();
    expect(await page.locator('figure[aria-labelledby="training-title"] .source').textContent()).toBe('Källa: assessment-training-2024.csv, egen bearbetning.');
    await shot(page, 'tools');
  });

  it('Nöjdhet: each activity as a diverging bar with the share fairly or very satisfied', async () => {
    const { page } = app;
    await openView(page, 'Nöjdhet');
    const whole = page.locator('.diverging-row').filter({ hasText: 'Hur nöjd är du med samverkanspiloten i sin helhet' });
    expect(plain(await whole.locator('.diverging-headline').textContent())).toBe('73 % ganska eller mycket nöjda (40 av 55)');
    const lecture = page.locator('.diverging-row').filter({ hasText: 'föreläsningen om risk, behov och mottaglighet' });
    expect(plain(await lecture.locator('.diverging-headline').textContent())).toBe('87 % ganska eller mycket nöjda (46 av 53)');
    await shot(page, 'satisfaction');
  });

  it('Kunskap och arbetssätt: prior knowledge of RBM as the report counts it, "Vet ej" included', async () => {
    const { page } = app;
    await openView(page, 'Kunskap och arbetssätt');
    const rbm = page.locator('.diverging-row').filter({ hasText: 'Kände personalen till RBM-modellen' });
    const headline = plain(await rbm.locator('.diverging-headline').textContent());
    expect(headline).toContain('inte alls 25 %');
    expect(headline).toContain('några få medarbetare 57 %');
    expect(headline).toContain('de flesta medarbetare 16 %');
    expect(headline).toContain('(N = 56)');
    await shot(page, 'knowledge');
  });

  it('Län: the heat map of shares; clicking a county filters every view and lists its units', async () => {
    const { page } = app;
    await openView(page, 'Län');
    await page.locator('table.heat').waitFor();
    // Small multiples: the four counties with most units, the same bars on one scale.
    const stockholm = page.getByTestId('multiple-01');
    await stockholm.waitFor();
    expect(await page.locator('.multiples-grid .multiple').count()).toBe(4);
    const kometIn = (card: typeof stockholm) => card.locator('table.sr-only tr').filter({ has: page.getByRole('rowheader', { name: 'KOMET', exact: true }) }).locator('td').textContent();
    expect(plain(await kometIn(stockholm))).toBe('76 % (13 av 17)');
    await page.getByRole('checkbox', { name: 'Dalarnas' }).check();
    expect(plain(await kometIn(page.getByTestId('multiple-20')))).toBe('29 % (2 av 7)');
    await shot(page, 'counties-multiples');
    // The heat map's columns are headed by the counties' short names (the full name is their title).
    await page.getByRole('button', { name: 'Stockholm', exact: true }).click();
    await page.getByRole('heading', { name: 'Enheter i Stockholms län' }).waitFor();
    expect(await page.getByTestId('filter-county').inputValue()).toBe('01');
    await page.waitForFunction(() => document.querySelectorAll('table.heat thead th').length === 2);
    expect(await page.locator('.chart .data-table tbody tr').count()).toBe(17);
    await shot(page, 'counties');
    await page.getByRole('button', { name: 'Rensa filter' }).click();
  });

  it('clicking a bar chooses the method for the other views, from the keyboard too', async () => {
    const { page } = app;
    await openView(page, 'Insatser');
    // The bar in its type's chart (the overview chart above has FFT too).
    const fft = page.locator('figure[aria-labelledby="adoption-family-treatment-title"]').getByRole('button', { name: 'FFT: 41\u00a0% (23 av 56)' });
    await fft.focus();
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('chosen-method').textContent()).toContain('Vald metod: FFT');
    expect(await fft.getAttribute('aria-pressed')).toBe('true');
    await openView(page, 'Län');
    await page.locator('table.heat tbody tr.selected').getByRole('rowheader', { name: 'FFT' }).waitFor();
    await page.getByTestId('chosen-method').click();
    expect(await page.getByTestId('chosen-method').count()).toBe(0);
  });

  it('Karta: shares by county on a map of Sweden; a county click filters, a municipality lists its districts', async () => {
    const { page } = app;
    await openView(page, 'Karta');
    await page.locator('svg[role="group"] path[role="button"]').first().waitFor();
    expect(await page.getByTestId('map-method').inputValue()).toBe('komet');
    expect(await row(page, 'map', 'Stockholms län')).toBe('76 % (13 av 17)');
    expect(await row(page, 'map', 'Dalarnas län')).toBe('29 % (2 av 7)');
    // Counties without responding units are grey and say so.
    await page.getByRole('button', { name: 'Hallands län: Inga svarande enheter' }).waitFor();
    await shot(page, 'map-counties');
    await page.getByRole('button', { name: /^Dalarnas län: 29/ }).click();
    expect(await page.getByTestId('filter-county').inputValue()).toBe('20');
    await page.getByRole('button', { name: 'Rensa filter' }).click();
    await page.getByTestId('map-level').selectOption('municipality');
    // Stockholm is small at the scale of the country: reach it by keyboard, as the map allows.
    await page.getByRole('button', { name: /^Stockholm: 100/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Svarande enheter i Stockholm' }).waitFor();
    expect(await page.getByTestId('map-units').locator('tr').count()).toBe(8);
    // Stockholm against its county, its SKR group (A1: the districts of Stockholm and Göteborg) and all.
    const compared = (label: string) => page.getByTestId('map-comparison').locator('table.sr-only tr').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) }).locator('td').textContent();
    expect(plain(await compared('Stockholm'))).toBe('100 % (8 av 8)');
    expect(plain(await compared('Stockholms län'))).toBe('76 % (13 av 17)');
    expect(plain(await compared('Alla inlästa enheter'))).toBe('34 % (19 av 56)');
    // With the population file, the most similar municipality: the same group (A1), nearest in children.
    expect(plain(await compared('Mest lika (Göteborg)'))).toBe('0 % (0 av 4)');
    await shot(page, 'map-municipalities');
    // The map is one Tab stop; the arrow keys step through the municipalities by name.
    expect(await page.locator('svg[role="group"] path[role="button"][tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Storfors: /);
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Stockholm: /);
    // With the population file loaded: children with KOMET per 10,000 aged 0–17 in the latest year of the
    // extract (2024), Stockholm's districts summed over its 12 months (population_rate.sql's test
    // computes the same); the population is the file's 2023, and the map says so.
    await page.getByTestId('map-measure').selectOption('rate');
    // (The comparison bars under the district list have a Stockholm row too: the map's own row is the last.)
    expect((await row(page, 'map', 'Stockholm')).split(' | ').at(-1)).toBe('2,9');
    expect(plain(await page.getByTestId('map-note').textContent())).toBe(
      'Befolkning: barn 0–17 år 2023, ur population-0-17-2023.csv. Befolkningsfilen saknar 2024; det närmaste året den har (2023) används. ' +
        'Visar 2024, det senaste året i uttagen.',
    );
    // The comparison follows the measure: children per 10,000, against the municipalities with a figure.
    await page.getByTestId('map-comparison').getByRole('heading', { name: /^Barn med KOMET per 10\s000 barn 0–17 år 2024/ }).waitFor();
    expect(plain(await compared('Stockholm'))).toBe('2,9');
    await page.getByTestId('map-comparison').getByRole('rowheader', { name: 'Alla kommuner med befolkningsuppgift', exact: true }).waitFor();
    await page.getByRole('button', { name: /^Hallstahammar: Ingen befolkningsuppgift/ }).waitFor();
    // Upplands Väsby is in the extract and the population file, with no KOMET row: 0, not "no figure".
    await page.getByRole('button', { name: 'Upplands Väsby: 0,0', exact: true }).waitFor();
    // Steps of 20 % are for shares: a rate is classed in equal intervals or quantiles only.
    expect(await page.getByTestId('map-classing').locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(['equal', 'quantile']);
    expect(await page.getByTestId('map-classing').inputValue()).toBe('equal');
    await shot(page, 'map-rates');
    await page.getByTestId('map-measure').selectOption('share');
    await page.getByTestId('map-level').selectOption('county');
  });

  it('Täckning: each unit against the five recommended types, gaps with the county’s units that offer them', async () => {
    const { page } = app;
    await page.getByTestId('filter-county').selectOption('20');
    await openView(page, 'Täckning');
    await page.locator('figure[aria-labelledby="coverage-title"] .count').getByText('N = 7 enheter').waitFor();
    expect(await page.locator('table.coverage tbody tr').count()).toBe(7);
    // Borlänge runs KOMET, Falun FFT: Dalarna's gaps point to them.
    await page.locator('.gaps li').filter({ hasText: 'Mora' }).first().waitFor();
    await shot(page, 'coverage');
    await page.getByRole('button', { name: 'Rensa filter' }).click();
  });

  it('Trender: units with recorded use month by month, narrowed to a year', async () => {
    const { page } = app;
    await openView(page, 'Trender');
    await page.locator('figure[aria-labelledby="trends-title"] .recharts-line').first().waitFor();
    expect(await page.locator('figure[aria-labelledby="trends-title"] .count').textContent()).toBe('N = 56 enheter i utdraget');
    const months = page.getByTestId('trend-table').locator('tbody th');
    expect(await months.count()).toBe(36);
    expect(await months.first().textContent()).toBe('2022-01');
    // FFT leads: 12 units in January 2022, 23 by December 2024 (as usage_trend.sql's test counts them).
    expect(await page.getByTestId('trend-table').locator('thead th').nth(1).textContent()).toBe('FFT');
    expect(await page.getByTestId('trend-table').locator('tbody tr').first().locator('td').first().textContent()).toBe('12');
    expect(await page.getByTestId('trend-table').locator('tbody tr').last().locator('td').first().textContent()).toBe('23');
    await shot(page, 'trends');
    await page.getByTestId('filter-period').selectOption('2024');
    await page.waitForFunction(() => document.querySelector('[data-testid="trend-table"] tbody th')?.textContent === '2024-01');
    expect(await months.count()).toBe(12);
    await page.getByRole('button', { name: 'Rensa filter' }).click();
  });

  it('marks the view busy while its figures are recomputed, and not busy once they are', async () => {
    const { page } = app;
    await openView(page, 'Insatser');
    await page.locator('.analysis[aria-busy="false"]').waitFor();
    // Every value aria-busy takes, recorded as it changes.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { busySeen: string[] }).busySeen = seen;
      new MutationObserver(() => seen.push(document.querySelector('.analysis')?.getAttribute('aria-busy') ?? '')).observe(document.querySelector('.analysis')!, { attributes: true, attributeFilter: ['aria-busy'] });
    });
    await page.getByTestId('filter-county').selectOption('20');
    await page.locator('.analysis[aria-busy="false"]').waitFor();
    expect(await page.evaluate(() => (window as unknown as { busySeen: string[] }).busySeen)).toEqual(['true', 'false']);
    // Not busy means final: Dalarna's figures, with nothing more to wait for.
    expect(await page.locator('figure[aria-labelledby="adoption-family-treatment-title"] .count').textContent()).toBe('N = 7 enheter');
    await page.getByRole('button', { name: 'Rensa filter' }).click();
  });
});
