// The canonical model on real DuckDB: what each shape puts in which table, and removing a file.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows, type Engine } from '../../renderer/src/db/engine';
import { runQuery } from '../../renderer/src/db/query-files';
import { loadSource, unloadSource } from '../../renderer/src/model/load-source';
import { createModel } from '../../renderer/src/model/model';
import { startNodeEngine } from '../support/node-engine';

let engine: Engine;
beforeAll(async () => {
  engine = await startNodeEngine();
});
afterAll(async () => {
  await engine?.close();
});

const load = async (name: string, taken = new Set<string>()) =>
  loadSource(engine, { name, bytes: new Uint8Array(await readFile(`test/fixtures/shapes/${name}`)) }, taken);

describe('canonical model', () => {
  it('is made once however many ask at once (the idle start and a first file), and again only where missing', async () => {
    const fresh = await startNodeEngine();
    try {
      await Promise.all([createModel(fresh), createModel(fresh), createModel(fresh)]);
      const count = async (table: string) => Number(toRows(await fresh.query(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0]!.n);
      const municipalities = await count('register_municipalities');
      expect(municipalities).toBe(290);
      const methods = await count('method_catalogue');
      await createModel(fresh);
      expect([await count('register_municipalities'), await count('method_catalogue')]).toEqual([municipalities, methods]);
    } finally {
      await fresh.close();
    }
  });

  it('keeps scale answers as ordered categories, each question with its own answers', async () => {
    const { table, guess } = await load('survey-activities.csv');
    expect(guess.shape).toBe('survey-wide');
    expect(guess.roles['Hur nöjd är du med introduktionen?']).toEqual({ role: 'likert', scale: 'satisfaction' });
    expect(guess.roles['Har ni kunskap om RBM-modellen?']).toEqual({ role: 'likert', scale: 'knowledge' });
    expect(guess.roles['Bedömer ni riskfaktorer?']).toEqual({ role: 'likert', scale: 'frequency' });
    const satisfaction = toRows(
      await engine.query("SELECT unit_name, answer, position FROM survey_answers WHERE scale = 'satisfaction' ORDER BY position"),
    );
    expect(satisfaction.map((r) => [r.answer, r.position])).toEqual([
      ['Mycket missnöjd', 1],
      ['Varken nöjd eller missnöjd', 3],
      ['Ganska nöjd', 4],
      ['Mycket nöjd', 5],
    ]);
    const knowledge = toRows(await engine.query("SELECT unit_name, answer, position FROM survey_answers WHERE scale = 'knowledge' ORDER BY unit_name"));
    expect(knowledge).toContainEqual({ unit_name: 'Region Gotland', answer: 'Vet ej', position: null });
    expect(knowledge).toContainEqual({ unit_name: 'Falu kommun', answer: 'Några få medarbetare', position: 2 });
    await unloadSource(engine, table.table);
    expect(toRows(await engine.query('SELECT count(*)::INTEGER AS n FROM survey_answers'))).toEqual([{ n: 0 }]);
  });

  it('stores a training export per unit and tool, and removes exactly one file’s rows', async () => {
    const first = await load('training.csv');
    const second = await load('usage-long.csv', new Set([first.table.table]));
    const training = toRows(await engine.query('SELECT unit_name, method_name, trained, staff FROM training ORDER BY unit_name, method_name'));
    expect(training[0]).toEqual({ unit_name: 'Enskede-Årsta-Vantör', method_name: 'ADAD', trained: 9, staff: 51 });
    expect(training).toHaveLength(5);
    const usage = toRows(await engine.query('SELECT sum(count)::INTEGER AS total, count(*)::INTEGER AS n FROM usage'));
    expect(usage).toEqual([{ total: 16, n: 8 }]);
    await unloadSource(engine, first.table.table);
    expect(toRows(await engine.query('SELECT count(*)::INTEGER AS n FROM training'))).toEqual([{ n: 0 }]);
    expect(toRows(await engine.query('SELECT count(*)::INTEGER AS n FROM usage'))).toEqual([{ n: 8 }]);
    await unloadSource(engine, second.table.table);
  });

  it('keeps one usage row per unit, month and method: the sum of the rows the extract has for it', async () => {
    const csv = 'Enhet;Period;Insats;Antal\nFalu kommun;2023-01;KOMET;2\nFalu kommun;2023-01;KOMET;3\nFalu kommun;2023-01;FFT;\nFalu kommun;2023-02;KOMET;0\nTotalt;2023-01;KOMET;5\n';
    const { table } = await loadSource(engine, { name: 'dubbletter.csv', bytes: new TextEncoder().encode(csv) }, new Set());
    const rows = toRows(await engine.query('SELECT unit_name, period, method_name, count FROM usage ORDER BY period, method_name'));
    expect(rows).toEqual([
      { unit_name: 'Falu kommun', period: '2023-01', method_name: 'FFT', count: null },
      { unit_name: 'Falu kommun', period: '2023-01', method_name: 'KOMET', count: 5 },
      { unit_name: 'Falu kommun', period: '2023-02', method_name: 'KOMET', count: 0 },
    ]);
    await unloadSource(engine, table.table);
  });

  it('narrows a usage extract to the chosen year, and leaves a survey as its wave', async () => {
    // Falun runs KOMET in 2022 only, Borlänge in 2023 only; Mora's survey ticks KOMET, with no period.
    const usage = 'Enhet;Period;Insats;Antal\nFalu kommun;2022-05;KOMET;3\nFalu kommun;2023-05;KOMET;0\nBorlänge;2022-05;KOMET;0\nBorlänge;2023-05;KOMET;2\n';
    const survey = 'Kommun;KOMET;FFT\nMora kommun;Ja;Nej\n';
    const bytes = (text: string) => new TextEncoder().encode(text);
    const first = await loadSource(engine, { name: 'usage.csv', bytes: bytes(usage) }, new Set());
    const second = await loadSource(engine, { name: 'survey.csv', bytes: bytes(survey) }, new Set([first.table.table]));
    const komet = async (period: string | null) =>
      (await runQuery(engine, 'method_adoption', [null, null, null, period])).filter((r) => r.id === 'komet').map((r) => `${Number(r.units_using)}/${Number(r.units_total)}`);
    expect(await komet(null)).toEqual(['3/3']);
    expect(await komet('2022')).toEqual(['2/3']);
    expect(await komet('2023')).toEqual(['2/3']);
    expect(await komet('2021')).toEqual(['1/3']);
    const trend = await runQuery(engine, 'usage_trend', [null, null, null, '2023']);
    expect(trend.map((r) => [r.period, r.method_id, r.units_using, r.total_count])).toEqual([['2023-05', 'komet', 1, 2]]);
    expect((await runQuery(engine, 'usage_periods')).map((r) => r.year)).toEqual(['2022', '2023']);
    await unloadSource(engine, second.table.table);
    await unloadSource(engine, first.table.table);
  });
});
