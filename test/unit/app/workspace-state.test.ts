import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Preferences } from '../../../renderer/src/app/preferences';
import {
  confirmsItself,
  initialWorkspace,
  needsUser,
  workspaceReducer,
  type PendingImport,
  type QueuedFile,
  type Source,
  type WorkspaceAction,
  type WorkspaceState,
} from '../../../renderer/src/app/workspace-state';
import type { NamePreview } from '../../../renderer/src/model/name-preview';
import type { ShapeGuess } from '../../../renderer/src/domain/shape-detect';
import type { PickedFile } from '../../../renderer/src/platform';

const NO_PREFERENCES: Preferences = { templates: [], units: {}, methods: {} };
const run = (actions: WorkspaceAction[], from = initialWorkspace(NO_PREFERENCES)): WorkspaceState => actions.reduce(workspaceReducer, from);
const picked = (name: string): PickedFile => ({ name, size: 10, bytes: async () => new Uint8Array(10) });
const noNames: NamePreview = { units: [], methods: [] } as unknown as NamePreview;
const NO_WAVE = { wave: null, from: { kind: 'none' as const } };
const guess: ShapeGuess = { shape: 'survey-wide', roles: { Kommun: { role: 'unit' }, FFT: { role: 'method-flag', methodName: 'FFT' } } };

function staged(table: string, sample = false): Omit<PendingImport, 'stamp'> {
  return {
    sample,
    file: { name: `${table}.csv`, bytes: new Uint8Array(3) },
    table: { table, columns: [{ name: 'Kommun', type: 'VARCHAR' }, { name: 'FFT', type: 'VARCHAR' }] } as PendingImport['table'],
    options: {},
    guess,
    names: noNames,
    account: {} as PendingImport['account'],
    namesFor: guess,
    statistics: null,
    statisticsChoice: {},
    wave: { wave: '2023', from: { kind: 'dates', column: 'Slutförandetid' } },
    template: null,
    unitPicks: {},
    methodPicks: {},
  };
}
const sampled = (name: string): QueuedFile => ({ ...picked(name), sample: true });
const source = (table: string): Source => ({ table: { table }, guess, sha256: 'ab', unitsMatched: 1, unitsUnmatched: [], methodsMatched: 1, methodsUnmatched: [] }) as unknown as Source;

describe('workspaceReducer', () => {
  it('opens files into a queue that is taken one at a time, in the order given', () => {
    let s = run([{ type: 'opened', files: [picked('a.csv'), picked('b.csv')] }, { type: 'next' }]);
    expect(s.inHand?.name).toBe('a.csv');
    expect(s.handling).toBe(true);
    // A file opened while one is in hand waits behind the others.
    s = run([{ type: 'opened', files: [picked('c.csv')] }], s);
    expect(s.queue.map((f) => f.name)).toEqual(['b.csv', 'c.csv']);
    s = run([{ type: 'next' }, { type: 'next' }], s);
    expect(s.inHand?.name).toBe('c.csv');
    s = run([{ type: 'next' }], s);
    expect(s.inHand).toBeNull();
    expect(s.handling).toBe(false);
  });

  it('hands out every opened file exactly once and in order, however opens and takes interleave', () => {
    const step = fc.oneof(fc.constant<'take'>('take'), fc.array(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let s = initialWorkspace(NO_PREFERENCES);
        const opened: string[] = [];
        const taken: string[] = [];
        for (const item of [...steps, ...Array<'take'>(100).fill('take')]) {
          if (item === 'take') {
            s = workspaceReducer(s, { type: 'next' });
            if (s.inHand) taken.push(s.inHand.name);
            expect(s.handling).toBe(s.inHand !== null);
          } else {
            opened.push(...item);
            s = workspaceReducer(s, { type: 'opened', files: item.map(picked) });
          }
        }
        expect(taken).toEqual(opened);
      }),
    );
  });

  it('stages a file with a new stamp each time, so views know to read its rows again', () => {
    const s = run([{ type: 'staged', pending: staged('enkat') }]);
    expect(s.pending?.stamp).toBe(1);
    const again = run([{ type: 'staged', pending: staged('enkat') }], s);
    expect(again.pending?.stamp).toBe(2);
  });

  it('confirms a file into the sources: selected, its name taken, the views told to query again', () => {
    const s = run([{ type: 'staged', pending: staged('enkat') }, { type: 'confirmed', source: source('enkat') }]);
    expect(s.pending).toBeNull();
    expect(s.sources.map((x) => x.table.table)).toEqual(['enkat']);
    expect(s.selected).toBe('enkat');
    expect([...s.taken]).toEqual(['enkat']);
    expect(s.dataVersion).toBe(1);
  });

  it('cancels the mapping without touching what is loaded', () => {
    const loaded = run([{ type: 'confirmed', source: source('a') }]);
    const s = run([{ type: 'staged', pending: staged('b') }, { type: 'unstaged' }], loaded);
    expect(s.pending).toBeNull();
    expect(s.sources).toEqual(loaded.sources);
    expect(s.dataVersion).toBe(loaded.dataVersion);
  });

  it('removes a file: its name is free again and the selection leaves it', () => {
    const s = run([{ type: 'confirmed', source: source('a') }, { type: 'confirmed', source: source('b') }, { type: 'removed', table: 'b' }]);
    expect(s.sources.map((x) => x.table.table)).toEqual(['a']);
    expect(s.taken.has('b')).toBe(false);
    expect(s.selected).toBeNull();
    expect(run([{ type: 'selected', table: 'a' }, { type: 'removed', table: 'x' }], s).selected).toBe('a');
  });

  it('numbers errors so one can be dismissed without the others', () => {
    const message = { key: 'errorEmpty' as const, params: () => ({ file: 'a.csv' }) };
    const s = run([{ type: 'failed', message }, { type: 'failed', message }, { type: 'errorDismissed', id: 1 }]);
    expect(s.errors.map((e) => e.id)).toEqual([2]);
  });

  it('applies role changes at once, one unit column at most, each building on the last', () => {
    let s = run([{ type: 'staged', pending: staged('enkat') }]);
    s = run([{ type: 'roleChanged', column: 'FFT', role: { role: 'unit' } }], s);
    expect(s.pending!.guess.roles.FFT).toEqual({ role: 'unit' });
    expect(s.pending!.guess.roles.Kommun).toEqual({ role: 'ignore', reason: 'chosen' });
    const first = s.latestGuess!.guess;
    // A second change before the first one's names arrive keeps the first.
    s = run([{ type: 'roleChanged', column: 'Kommun', role: { role: 'period' } }], s);
    expect(s.pending!.guess.roles.FFT).toEqual({ role: 'unit' });
    expect(s.pending!.guess.roles.Kommun).toEqual({ role: 'period' });
    // The first change's names are stale by now and are dropped; the second's are taken.
    const names = { units: [{ name: 'X' }], methods: [] } as unknown as NamePreview;
    const stale = run([{ type: 'namesFollowed', stamp: 1, guess: first, names, account: {} as PendingImport['account'], statistics: null, wave: NO_WAVE }], s);
    expect(stale).toBe(s);
    const latest = s.latestGuess!.guess;
    const fresh = run([{ type: 'namesFollowed', stamp: 1, guess: latest, names, account: {} as PendingImport['account'], statistics: null, wave: NO_WAVE }], s);
    expect(fresh.pending!.names).toBe(names);
    expect(fresh.pending!.namesFor).toBe(latest);
  });

  it('keeps a wave the user typed when the names follow a role change, and takes the wave read otherwise', () => {
    let s = run([{ type: 'staged', pending: staged('enkat') }]);
    const read = { wave: '2024', from: { kind: 'file-name' as const } };
    const follow = (state: WorkspaceState) => run([{ type: 'namesFollowed', stamp: 1, guess: state.pending!.guess, names: noNames, account: {} as PendingImport['account'], statistics: null, wave: read }], state);
    expect(follow(s).pending!.wave).toEqual(read);
    s = run([{ type: 'waveChosen', wave: '2023 höst' }], s);
    expect(follow(s).pending!.wave).toEqual({ wave: '2023 höst', from: { kind: 'chosen' } });
  });

  it('moves a loaded survey to another wave and has the views query again', () => {
    const source = { table: { table: 'enkat' }, wave: '2023' } as unknown as Source;
    const s = run([{ type: 'confirmed', source }]);
    const moved = run([{ type: 'sourceWaveChanged', table: 'enkat', wave: '2024' }], s);
    expect(moved.sources[0]!.wave).toBe('2024');
    expect(moved.dataVersion).toBe(s.dataVersion + 1);
  });

  it('drops names worked out for a table that has since been read again', () => {
    const s = run([{ type: 'staged', pending: staged('enkat') }, { type: 'staged', pending: staged('enkat') }]);
    const after = run([{ type: 'namesFollowed', stamp: 1, guess: s.pending!.guess, names: noNames, account: {} as PendingImport['account'], statistics: null, wave: NO_WAVE }], s);
    expect(after).toBe(s);
  });

  it('restores a workspace: its files replace what was in hand, the queue included, and its choices win', () => {
    const mine: Preferences = {
      templates: [{ signature: 'x', madeFrom: 'mine.csv', options: {}, roles: {} }, { signature: 'y', madeFrom: 'mine.csv', options: {}, roles: {} }],
      units: { nordost: { municipalityCode: '1480', district: null }, kiruna: { municipalityCode: '2584', district: null } },
      methods: { fft: 'fft' },
    };
    const saved: Preferences = { templates: [{ signature: 'x', madeFrom: 'saved.csv', options: {}, roles: {} }], units: { nordost: { municipalityCode: '1480', district: 'Nordost' } }, methods: {} };
    const before = run(
      [{ type: 'confirmed', source: source('old') }, { type: 'opened', files: [picked('a.csv'), picked('b.csv')] }, { type: 'next' }, { type: 'staged', pending: staged('a') }],
      initialWorkspace(mine),
    );
    const s = run([{ type: 'restored', saved: { sources: [source('s1'), source('s2')], selected: 's2', preferences: saved } }], before);
    expect(s.sources.map((x) => x.table.table)).toEqual(['s1', 's2']);
    expect(s.selected).toBe('s2');
    expect(s.pending).toBeNull();
    expect(s.queue).toEqual([]);
    expect(s.handling).toBe(false);
    expect([...s.taken].sort()).toEqual(['s1', 's2']);
    expect(s.dataVersion).toBe(before.dataVersion + 1);
    expect(s.preferences.templates.map((t) => `${t.signature}:${t.madeFrom}`)).toEqual(['x:saved.csv', 'y:mine.csv']);
    expect(s.preferences.units).toEqual({ nordost: { municipalityCode: '1480', district: 'Nordost' }, kiruna: { municipalityCode: '2584', district: null } });
    expect(s.preferences.methods).toEqual({ fft: 'fft' });
  });

  it('keeps the statistics read for the choice still in force only', () => {
    let s = run([{ type: 'staged', pending: staged('bef') }, { type: 'statisticsChosen', choice: { year: 2023 } }]);
    const older = { year: 2022 };
    const reading = { kind: 'x' } as never;
    expect(run([{ type: 'statisticsRead', stamp: 1, guess: s.pending!.guess, choice: older, statistics: reading }], s)).toBe(s);
    s = run([{ type: 'statisticsRead', stamp: 1, guess: s.pending!.guess, choice: s.pending!.statisticsChoice, statistics: reading }], s);
    expect(s.pending!.statistics).toBe(reading);
  });

  it('keeps the user’s picks for names until the file is confirmed', () => {
    const s = run([
      { type: 'staged', pending: staged('enkat') },
      { type: 'unitPicked', name: 'Nordost', ref: null },
      { type: 'methodPicked', name: 'Egen metod', pick: 'new-local' },
    ]);
    expect(s.pending!.unitPicks).toEqual({ Nordost: null });
    expect(s.pending!.methodPicks).toEqual({ 'Egen metod': 'new-local' });
  });

  describe('the bundled samples (Öppna exempeldata)', () => {
    const statistics = (over: object) => ({ kind: 'population', yearFrom: 'file-name', years: [2023], noRate: null, ...over }) as unknown as PendingImport['statistics'];
    const stagedAs = (pending: Omit<PendingImport, 'stamp'>) => run([{ type: 'staged', pending }]).pending!;

    it('keep their mark through the queue, behind and before the user’s own files', () => {
      let s = run([{ type: 'opened', files: [picked('mine.csv')] }, { type: 'opened', files: [sampled('a.csv'), sampled('b.csv')] }, { type: 'next' }]);
      expect(s.inHand?.sample).toBeUndefined();
      s = run([{ type: 'next' }], s);
      expect(s.inHand).toMatchObject({ name: 'a.csv', sample: true });
      expect(s.queue).toEqual([expect.objectContaining({ name: 'b.csv', sample: true })]);
    });

    it('confirm themselves as detected; the user’s own files wait for Importera', () => {
      expect(confirmsItself(stagedAs(staged('usage', true)))).toBe(true);
      expect(confirmsItself(stagedAs(staged('usage', false)))).toBe(false);
    });

    it('wait in the mapping view as any file does when it asks something Importera alone does not answer', () => {
      const unknown = { shape: 'unknown', roles: { A: { role: 'ignore', reason: 'not-recognised' } } } as ShapeGuess;
      const askedScale = { shape: 'survey-wide', roles: { ...guess.roles, Hur: { role: 'ignore', reason: 'scale-order', proposal: ['Aldrig', 'Ibland', 'Ofta'] } } } as ShapeGuess;
      const population = { shape: 'statistics', roles: { Kommun: { role: 'unit' }, Folkmängd: { role: 'value' } } } as ShapeGuess;
      const asking = [
        { ...staged('x', true), guess: unknown, namesFor: unknown },
        { ...staged('x', true), guess: askedScale, namesFor: askedScale },
        // A statistics file with no year anywhere gives nothing until the user says which year.
        { ...staged('x', true), guess: population, namesFor: population, statistics: statistics({ yearFrom: null, years: [], noRate: 'no-year' }) },
      ];
      for (const pending of asking) {
        expect(needsUser(pending)).toBe(true);
        expect(confirmsItself(stagedAs(pending))).toBe(false);
      }
      // The year its name gives, shown filled in as Importera takes it, and names left unmatched (listed in
      // the import report, never guessed) are no reason to stop.
      const named = { ...staged('x', true), guess: population, namesFor: population, statistics: statistics({}) };
      expect(confirmsItself(stagedAs(named))).toBe(true);
      const unmatched = { ...staged('x', true), names: { units: [{ name: 'Okänd', match: { status: 'unknown' } }], methods: [{ name: 'SIG', id: null }] } as unknown as NamePreview };
      expect(confirmsItself(stagedAs(unmatched))).toBe(true);
    });

    it('stay marked as samples once confirmed, and in a workspace restored', () => {
      const mark = (table: string): Source => ({ ...source(table), sample: true });
      let s = run([{ type: 'staged', pending: staged('usage', true) }, { type: 'confirmed', source: mark('usage') }, { type: 'confirmed', source: source('mine') }]);
      expect(s.sources.map((x) => [x.table.table, x.sample === true])).toEqual([['usage', true], ['mine', false]]);
      s = run([{ type: 'restored', saved: { sources: [mark('s1'), source('s2')], selected: null, preferences: NO_PREFERENCES } }], s);
      expect(s.sources.map((x) => x.sample === true)).toEqual([true, false]);
    });
  });
});
