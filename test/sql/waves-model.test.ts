// Two waves of the methods survey in one model, as the app holds them (data-samples/: the 2023 wave and
// the 2024 wave calibrated in make-samples.ts, WAVE_2024): each wave's shares over its own units, the
// wave_use rows the change view compares, and who started and stopped among the units that answered both.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toRows, type Engine, type Row } from '../../renderer/src/db/engine';
import { compareWaves } from '../../renderer/src/domain/waves';
import { runQuery } from '../../renderer/src/db/query-files';
import { loadSource, type LoadedSource } from '../../renderer/src/model/load-source';
import { setWave } from '../../renderer/src/model/model';
import { changesOf, waveTable } from '../../renderer/src/shaping/shape-changes';
import { startNodeEngine } from '../support/node-engine';
import { SECOND_WAVE } from '../support/samples';

let engine: Engine;
const loaded: LoadedSource[] = [];

beforeAll(async () => {
  engine = await startNodeEngine();
  for (const name of ['pilot-methods-survey-2023.xlsx', SECOND_WAVE, 'usage-2022-2024.csv', 'pilot-activities-survey-2023.csv']) {
    const bytes = new Uint8Array(await readFile(`data-samples/${name}`));
    loaded.push(await loadSource(engine, { name, bytes }, new Set(loaded.map((s) => s.table.table))));
  }
}, 120_000);

afterAll(async () => {
  await engine?.close();
});

const shares = (rows: Row[], ids: string[]) => rows.filter((r) => ids.includes(String(r.id))).map((r) => `${String(r.id)} ${Number(r.units_using)}/${Number(r.units_total)}`);
const wave = (w: string | null, county: string | null = null) => [county, null, null, null, w];

describe('two waves of the methods survey', () => {
  it('reads each survey’s wave from its response dates, and none for the extract', () => {
    expect(loaded.map((s) => s.wave)).toEqual(['2023', '2024', null, '2023']);
  });

  it('counts each wave over its own units (tools: the survey and the extract, which lists SAVRY)', async () => {
    const ids = ['komet', 'fft', 'erasor'];
    // 2023: the report's figures; the extract lists the same 56 units.
    expect(shares(await runQuery(engine, 'method_adoption', wave('2023')), ids)).toEqual(['komet 19/56', 'fft 23/56', 'erasor 16/56']);
    // 2024: 55 units answered, and the extract (2022–2024, no year chosen) still counts the 4 units the
    // survey lost, and its users. Erador: the survey's 12 (11 who used it before, and Uppsala) and the
    // extract's 16 (the same 11, and the 5 who stopped or left): 17.
    expect(shares(await runQuery(engine, 'method_adoption', wave('2024')), ids)).toEqual(['komet 24/59', 'fft 29/59', 'erasor 17/59']);
    // With the year too (as the app's year filter sets both): the extract's 2024 months only.
    expect(shares(await runQuery(engine, 'method_adoption', [null, null, null, '2024', '2024']), ['komet'])).toEqual(['komet 24/59']);
    // No wave: every survey at once, each unit once, as before waves (what the wave filter prevents).
    expect(shares(await runQuery(engine, 'method_adoption', wave(null)), ['komet'])).toEqual(['komet 24/59']);
    expect((await runQuery(engine, 'overview', wave('2024')))[0]).toMatchObject({ units: 59 });
  });

  it('counts, item by item, the latest wave up to the chosen one: the activities survey (2023 only) in 2024 too', async () => {
    const sources = async (w: string | null) => (await runQuery(engine, 'wave_sources', wave(w))).filter((r) => r.kind === 'survey').map((r) => String(r.wave)).sort();
    expect(await sources('2023')).toEqual(['2023', '2023']);
    expect(await sources('2024')).toEqual(['2023', '2024']);
    const answers = await runQuery(engine, 'scale_answers', wave('2024'));
    // The methods survey's frequency questions from its 2024 wave: at most its 55 units answer them.
    const frequency = answers.filter((r) => String(r.scale) === 'frequency');
    expect(frequency.length).toBeGreaterThan(0);
    expect(Math.max(...frequency.map((r) => Number(r.total)))).toBeLessThanOrEqual(55);
    // The satisfaction questions, asked in 2023 only, still count (as 2023's) when 2024 is chosen.
    expect(answers.filter((r) => String(r.scale) === 'satisfaction').length).toBeGreaterThan(0);
  });

  it('orders waves in SQL as compareWaves does, so "latest" is the same wave on both sides', async () => {
    const label = fc.constantFrom('2023', '2024', '2023 höst', 'hösten 2023', 'vår 2024', '2019', 'pilot', '12023', '2023-24', 'Omgång 2');
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(label, { minLength: 2, maxLength: 6 }), async (labels) => {
        const rows = toRows(await engine.query(`SELECT w FROM (SELECT unnest(string_split(?, chr(31))) AS w) ORDER BY wave_key(w)`, [labels.join('\u001f')]));
        expect(rows.map((r) => String(r.w))).toEqual([...labels].sort(compareWaves));
      }),
      { numRuns: 30 },
    );
  });

  it('gives the change view each wave’s survey units alone, and who started and stopped among the 52 in both', async () => {
    const tables = [];
    for (const w of ['2023', '2024']) tables.push(waveTable(w, await runQuery(engine, 'wave_use', wave(w))));
    expect(tables.map((t) => t.units.size)).toEqual([56, 55]);
    const all = changesOf(tables, false);
    const panel = changesOf(tables, true);
    expect(all.panel).toBe(52);
    const of = (changes: typeof all, id: string) => changes.methods.find((m) => m.id === id)!;
    expect(of(all, 'komet').shares.map((s) => `${s!.n}/${s!.total}`)).toEqual(['19/56', '23/55']);
    expect(of(panel, 'komet').shares.map((s) => `${s!.n}/${s!.total}`)).toEqual(['19/52', '21/52']);
    const moves = (id: string) => [of(all, id).started.map((u) => u.label).sort(), of(all, id).stopped.map((u) => u.label).sort()];
    expect(moves('komet')).toEqual([['Göteborg – Nordost', 'Nacka', 'Södertälje'], ['Sollentuna']]);
    expect(moves('fft')).toEqual([['Borlänge', 'Göteborg – Hisingen', 'Norrtälje', 'Östersund'], []]);
    expect(moves('savry')).toEqual([['Borås', 'Stockholm – Enskede-Årsta-Vantör', 'Stockholm – Farsta', 'Stockholm – Skarpnäck', 'Stockholm – Södermalm'], []]);
    expect(moves('erasor')).toEqual([[], ['Kalmar', 'Trelleborg']]);
    // Units that answered once are neither: Uppsala (new) did not start KOMET, Tierp (gone) did not stop anything.
    const everyone = all.methods.flatMap((m) => [...m.started, ...m.stopped].map((u) => u.label));
    expect(everyone).not.toContain('Uppsala');
    expect(everyone).not.toContain('Tierp');
    // Filtered to Dalarna: its 7 units both years, Falun starting MST.
    const dalarna = [];
    for (const w of ['2023', '2024']) dalarna.push(waveTable(w, await runQuery(engine, 'wave_use', wave(w, '20'))));
    const d = changesOf(dalarna, false);
    expect(d.panel).toBe(7);
    expect(d.methods.flatMap((m) => m.started.map((u) => `${m.id} ${u.label}`))).toEqual(['fft Borlänge', 'mst Falun']);
  });

  it('moves a survey to another wave when the user says so', async () => {
    const table = loaded[1]!.table.table;
    await setWave(engine, table, '2023');
    try {
      // Both files one wave: each unit once, 59 of them.
      expect(shares(await runQuery(engine, 'method_adoption', wave('2023')), ['komet'])).toEqual(['komet 24/59']);
      expect(await runQuery(engine, 'wave_use', wave('2024'))).toEqual([]);
    } finally {
      await setWave(engine, table, '2024');
    }
  });
});
