// Statistics layouts beyond the downloaded files, made in the test with round figures so every sum can
// be checked by eye: PX-Web headings that carry the year and the sex, a population by month, Kolada's
// Kön, a breakdown the app must not sum, a Kolada key figure named only by the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows, type Engine } from '../../renderer/src/db/engine';
import { loadSource, unloadSource } from '../../renderer/src/domain/load-source';
import { summarize, type ReferenceEntry } from '../../renderer/src/domain/summarize';
import { startNodeEngine } from '../support/node-engine';

let engine: Engine;
beforeAll(async () => {
  engine = await startNodeEngine();
}, 60_000);
afterAll(async () => {
  await engine.close();
});

async function read(name: string, text: string): Promise<{ entry: ReferenceEntry; figures: Map<string, number> }> {
  const source = await loadSource(engine, { name, bytes: new TextEncoder().encode(text) }, new Set());
  const summary = await summarize(engine, [source]);
  const rows = toRows(await engine.query('SELECT coalesce(municipality_code, county_code) AS code, year, population FROM population'));
  await unloadSource(engine, source.table.table);
  return { entry: summary.reference[0]!, figures: new Map(rows.map((r) => [`${String(r.code)}/${Number(r.year)}`, Number(r.population)])) };
}

const AGES = [...Array.from({ length: 100 }, (_, a) => `${a} år`), '100+ år'];
const REGIONS = ['2080 Falun', '2584 Kiruna'];

describe('statistics layouts', () => {
  it('PX-Web with the year and the sex in the headings: `2023 män`, `2023 kvinnor`', async () => {
    // Every cell 10 for men and 11 for women: children = 18 × (10 + 11) = 378 per municipality.
    const lines = ['"region","ålder","2023 män","2023 kvinnor"', ...REGIONS.flatMap((r) => AGES.map((a) => `"${r}","${a}",10,11`))];
    const { entry, figures } = await read('folkmangd.csv', lines.join('\r\n'));
    expect(entry).toMatchObject({ kind: 'population', measure: 'children_0_17', age_band: '0-17', years: [2023], municipalities: 2, year_from: 'header' });
    expect(Object.fromEntries(figures)).toEqual({ '2080/2023': 378, '2584/2023': 378 });
  }, 60_000);

  it('a population by month: the year’s latest month, never twelve months summed', async () => {
    // Falun has 1000 + month children in 2023M01…2023M12 and 2024M01…2024M03.
    const months = [...Array.from({ length: 12 }, (_, m) => ['2023', m + 1]), ...Array.from({ length: 3 }, (_, m) => ['2024', m + 1])];
    const lines = ['region;ålder;månad;Folkmängd', ...months.map(([y, m]) => `2080 Falun;0-17 år;${y}M${String(m).padStart(2, '0')};${1000 + Number(m)}`)];
    const { entry, figures } = await read('folkmangd-manad.csv', lines.join('\n'));
    expect(entry).toMatchObject({ measure: 'children_0_17', years: [2023, 2024] });
    expect(Object.fromEntries(figures)).toEqual({ '2080/2023': 1012, '2080/2024': 1003 });
  }, 60_000);

  it('Kolada with Kön (T, K, M): the totals, the rows per sex named as beside them', async () => {
    const lines = ['Kommun-id;Kommun;År;Kön;Värde', '2080;Falun;2023;T;4000', '2080;Falun;2023;K;1950', '2080;Falun;2023;M;2050'];
    const { entry, figures } = await read('kolada-N01951.csv', lines.join('\n'));
    expect(entry).toMatchObject({ kind: 'population', measure: 'inhabitants', value: { evidence: 'kolada', said: 'N01951' }, ignored: [{ reason: 'breakdown', rows: 2 }] });
    expect(Object.fromEntries(figures)).toEqual({ '2080/2023': 4000 });
  }, 60_000);

  it('a breakdown it cannot sum (marital status) is refused as a population, with the reason', async () => {
    const lines = ['region;civilstånd;år;Folkmängd', ...['ogifta', 'gifta', 'skilda', 'änkor/änklingar'].flatMap((c) => REGIONS.map((r) => `${r};${c};2023;100`))];
    const { entry, figures } = await read('civilstand.csv', lines.join('\n'));
    expect(entry).toMatchObject({ kind: 'population', measure: 'other', no_rate: 'breakdown', used_for_rates: false });
    expect(figures.size).toBe(0);
  }, 60_000);

  it('a value the file does not name is not a population: Kolada’s `Värde` alone', async () => {
    const { entry, figures } = await read('export.csv', ['Kommun-id;Kommun;År;Värde', '2080;Falun;2023;12,5', '2584;Kiruna;2023;9,1'].join('\n'));
    expect(entry).toMatchObject({ kind: 'other', no_rate: 'not-population' });
    expect(figures.size).toBe(0);
  }, 60_000);
});
