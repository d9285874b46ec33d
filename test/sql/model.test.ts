// The canonical model on real DuckDB: what each shape puts in which table, and removing a file.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows, type Engine } from '../../renderer/src/db/engine';
import { loadSource, unloadSource } from '../../renderer/src/domain/load-source';
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
});
