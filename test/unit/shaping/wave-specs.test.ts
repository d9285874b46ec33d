// The change view's charts as data: two waves as a dumbbell with points and the small-base mark, three
// waves as lines; and the source lines naming each survey's own wave and an extract's months.
import { describe, expect, it } from 'vitest';
import type { Row } from '../../../renderer/src/db/engine';
import { translate } from '../../../renderer/src/i18n/translate';
import { changesOf, waveTable } from '../../../renderer/src/shaping/shape-changes';
import { changeSpec, waveLinesSpec, type SpecContext } from '../../../renderer/src/shaping/specs';
import { loadedFile, namesWith, withCounting } from '../../../renderer/src/shaping/view-props';

const ctx: SpecContext = { lang: 'sv', t: (key, params) => translate('sv', key, params), files: ['a.xlsx (omgång 2023)', 'b.xlsx (omgång 2024)'] };
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

/** A wave where `using` of `units` units use FFT (unit keys 1…units). */
function wave(name: string, units: number, using: number): ReturnType<typeof waveTable> {
  const rows: Row[] = Array.from({ length: units }, (_, i) => ({ method_id: 'fft', kind: 'intervention', unit_key: `u${i}`, unit_label: `U${i}`, county_code: '20', skr_group: 'B3', is_using: i < using }));
  return waveTable(name, rows);
}

describe('changeSpec', () => {
  it('gives each method its shares in both waves and the difference in points, with n and N of both waves', () => {
    const spec = changeSpec(changesOf([wave('2023', 20, 5), wave('2024', 20, 9)], false), 'intervention', ctx);
    expect(spec.body.kind).toBe('change');
    if (spec.body.kind !== 'change') return;
    expect(spec.body.rows).toEqual([{ label: 'FFT', from: 0.25, to: 0.45, text: expect.any(String) }]);
    expect(plain(spec.body.rows[0]!.text)).toBe('25 % → 45 % (+20,0 procentenheter)');
    expect(spec.text.count).toBe('N = 20 enheter 2023 och 20 enheter 2024');
    expect(spec.text.note).not.toContain('Färre än 5');
    expect(spec.table.rows).toEqual([['FFT', 5, 20, 0.25, 9, 20, 0.45, 20, 4, 0]]);
  });

  it('marks a share over fewer than 5 units, and says what the mark means', () => {
    const spec = changeSpec(changesOf([wave('2023', 4, 4), wave('2024', 20, 10)], false), 'intervention', ctx);
    if (spec.body.kind !== 'change') throw new Error(spec.body.kind);
    expect(plain(spec.body.rows[0]!.text)).toBe('100 %* → 50 % (−50,0 procentenheter)');
    expect(spec.text.note).toContain('* Färre än 5 enheter: andelen bygger på mycket få svar.');
  });
});

describe('waveLinesSpec', () => {
  it('draws three waves as lines of shares, one period per wave', () => {
    const spec = waveLinesSpec(changesOf([wave('2022', 10, 2), wave('2023', 10, 5), wave('2024', 10, 8)], false), 'intervention', ctx);
    if (spec.body.kind !== 'lines') throw new Error(spec.body.kind);
    expect(spec.body.periods).toEqual(['2022', '2023', '2024']);
    expect(spec.body.series.map((s) => [s.label, s.values])).toEqual([['FFT', [0.2, 0.5, 0.8]]]);
    expect(plain(spec.text.count!)).toBe('omgång 2022: N = 10 · omgång 2023: N = 10 · omgång 2024: N = 10');
  });
});

describe('namesWith beside a wave', () => {
  const survey = { shape: 'survey-multi' as const, roles: { Insatser: { role: 'method-choices' as const } } };
  const extract = { shape: 'usage' as const, roles: { Insats: { role: 'method' as const }, Antal: { role: 'count' as const } } };
  const files = [loadedFile('a.xlsx', survey, 'a', false, '2023'), loadedFile('b.xlsx', survey, 'b', false, '2024'), loadedFile('u.csv', extract, 'u')];
  const counted = withCounting(files, [
    { source: 'b', kind: 'survey', wave: '2024', first_period: null, last_period: null },
    { source: 'u', kind: 'extract', wave: null, first_period: '2022-01', last_period: '2024-12' },
  ]);
  const t = ctx.t;

  it('names the surveys that count, each with its own wave, and the extract with its months or the year chosen', () => {
    expect(namesWith(counted, ['method-choices', 'count'], { wave: '2024', period: null }, t)).toEqual(['b.xlsx (omgång 2024)', 'u.csv (2022-01–2024-12)']);
    expect(namesWith(counted, ['method-choices', 'count'], { wave: '2024', period: '2023' }, t)).toEqual(['b.xlsx (omgång 2024)', 'u.csv (2023)']);
    // No wave chosen (one wave loaded, or none): the names alone, as before waves.
    expect(namesWith(files, ['method-choices', 'count'], { wave: null, period: null }, t)).toEqual(['a.xlsx', 'b.xlsx', 'u.csv']);
  });
});
