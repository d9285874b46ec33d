import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changesBetween, cleanWave, compareWaves, responseDateColumns, unitChanges, waveFromFileName, waveFromYears, waveOfYear, wavesOf, type WaveUse } from '../../../renderer/src/domain/waves';

describe('a survey file’s wave', () => {
  it('is the year most answers were given, a tie going to the later year', () => {
    expect(waveFromYears(new Map([[2023, 40], [2024, 3]]))).toBe('2023');
    expect(waveFromYears(new Map([[2023, 5], [2024, 5]]))).toBe('2024');
    expect(waveFromYears(new Map())).toBeNull();
  });

  it('is a year the file name gives once, and none when it gives several or none', () => {
    expect(waveFromFileName('metodenkat-2024.xlsx')).toBe('2024');
    expect(waveFromFileName('Metodkartläggning 2023 (svar).csv')).toBe('2023');
    expect(waveFromFileName('usage-2022-2024.csv')).toBeNull();
    expect(waveFromFileName('enkat-12345.csv')).toBeNull();
    expect(waveFromFileName('enkat.csv')).toBeNull();
  });

  it('is read from the tools’ response dates, completion before start', () => {
    expect(responseDateColumns(['ID', 'Starttid', 'Slutförandetid', 'E-post'])).toEqual(['Slutförandetid', 'Starttid']);
    expect(responseDateColumns(['Tidstämpel', 'Kommun'])).toEqual(['Tidstämpel']);
    expect(responseDateColumns(['Start time', 'Completion time'])).toEqual(['Completion time', 'Start time']);
    expect(responseDateColumns(['Respondent', 'Besvarad', 'Kommun'])).toEqual(['Besvarad']); // Esmaker
    expect(responseDateColumns(['id', 'submitdate', 'startdate'])).toEqual(['submitdate', 'startdate']);
    expect(responseDateColumns(['Datum', 'Kommun'])).toEqual(['Datum']);
    // A question about a date is not when the answer was given.
    expect(responseDateColumns(['Kommun', 'Period', 'Datumgräns', 'Datum för senaste utbildning'])).toEqual([]);
  });

  it('orders waves in time: by their first year, then as text; a wave naming no year last', () => {
    expect(['2024', 'hösten 2023', '2023', '2023-höst', 'pilot', '12023'].sort(compareWaves)).toEqual(['2023', '2023-höst', 'hösten 2023', '2024', '12023', 'pilot']);
  });
});

describe('changesBetween', () => {
  const use = (wave: string, units: string[], using: Record<string, string[]>): WaveUse => ({
    wave,
    units: new Set(units),
    using: new Map(Object.entries(using).map(([id, list]) => [id, new Set(list)])),
  });

  it('counts who started and stopped among the units that answered in both', () => {
    const from = use('2023', ['falun', 'borlange', 'ludvika'], { fft: ['borlange', 'ludvika'], komet: ['falun'] });
    const to = use('2024', ['falun', 'borlange', 'mora'], { fft: ['falun', 'mora'], mst: ['mora'] });
    expect(changesBetween(from, to)).toEqual([
      { id: 'fft', from: '2023', to: '2024', panel: 2, started: 1, stopped: 1 },
      { id: 'komet', from: '2023', to: '2024', panel: 2, started: 0, stopped: 1 },
      { id: 'mst', from: '2023', to: '2024', panel: 2, started: 0, stopped: 0 },
    ]);
  });

  it('is the mirror image when the waves swap, and never counts more than the panel', () => {
    const units = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 });
    const wave = (label: string) =>
      units.chain((answered) =>
        fc.record({ fft: fc.subarray(answered), komet: fc.subarray(answered) }).map((using) => use(label, answered, using)),
      );
    fc.assert(
      fc.property(wave('2023'), wave('2024'), (from, to) => {
        const forward = changesBetween(from, to);
        const backward = changesBetween(to, from);
        for (const change of forward) {
          const mirror = backward.find((c) => c.id === change.id)!;
          expect(mirror.started).toBe(change.stopped);
          expect(mirror.stopped).toBe(change.started);
          expect(change.started + change.stopped).toBeLessThanOrEqual(change.panel);
        }
      }),
    );
  });
});

describe('waves as the app lists and chooses them', () => {
  it('takes a typed wave trimmed, spaces folded, at most 40 characters; empty is none', () => {
    expect(cleanWave('  2023   höst ')).toBe('2023 höst');
    expect(cleanWave('   ')).toBeNull();
    expect(cleanWave('x'.repeat(60))).toHaveLength(40);
  });

  it('lists each wave once, oldest first, files without one left out', () => {
    expect(wavesOf(['2024', null, '2023', undefined, '2024', '2023-höst'])).toEqual(['2023', '2023-höst', '2024']);
  });

  it('chooses the one wave of a year, none when no wave or two waves are of it', () => {
    expect(waveOfYear('2023', ['2023', '2024'])).toBe('2023');
    expect(waveOfYear('2023', ['2022', 'hösten 2023'])).toBe('hösten 2023');
    expect(waveOfYear('2023', ['2023 vår', '2023 höst'])).toBeNull();
    expect(waveOfYear('2022', ['2023', '2024'])).toBeNull();
    expect(waveOfYear('2023', ['12023'])).toBeNull();
  });
});

describe('unitChanges', () => {
  const units = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { maxLength: 7 });
  const wave = (name: string) =>
    fc.tuple(units, fc.dictionary(fc.constantFrom('fft', 'komet', 'mst'), units)).map(([answered, using]): WaveUse => ({
      wave: name,
      units: new Set(answered),
      using: new Map(Object.entries(using).map(([id, list]) => [id, new Set(list.filter((u) => answered.includes(u)))])),
    }));

  it('names only units that answered both, none both started and stopped, and agrees with changesBetween', () => {
    fc.assert(
      fc.property(wave('2023'), wave('2024'), (from, to) => {
        const moves = unitChanges(from, to);
        const counts = changesBetween(from, to);
        for (const [id, { started, stopped }] of moves) {
          for (const unit of [...started, ...stopped]) expect(from.units.has(unit) && to.units.has(unit)).toBe(true);
          expect(started.filter((unit) => stopped.includes(unit))).toEqual([]);
          for (const unit of started) expect([from.using.get(id)?.has(unit) ?? false, to.using.get(id)?.has(unit)]).toEqual([false, true]);
          const count = counts.find((c) => c.id === id)!;
          expect([count.started, count.stopped]).toEqual([started.length, stopped.length]);
        }
      }),
    );
  });
});
