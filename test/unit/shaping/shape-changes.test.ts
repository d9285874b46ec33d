import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Row } from '../../../renderer/src/db/engine';
import { changesOf, comparedWaves, waveTable } from '../../../renderer/src/shaping/shape-changes';

/** wave_use rows: per (method, unit) asked, whether it uses it. */
const rows = fc.uniqueArray(
  fc.record({ method_id: fc.constantFrom('fft', 'komet', 'savry'), unit_key: fc.constantFrom('0180/', '2080/', '2081/', '1480/Nordost', '0182/'), is_using: fc.boolean() }),
  { selector: (r) => `${r.method_id}|${r.unit_key}`, maxLength: 15 },
).map((list): Row[] => list.map((r) => ({ ...r, kind: r.method_id === 'savry' ? 'tool' : 'intervention', unit_label: r.unit_key, county_code: '20', skr_group: 'B3' })));

describe('changesOf', () => {
  it('gives each wave n of N from its rows, the panel’s shares never over more units than the wave’s', () => {
    fc.assert(
      fc.property(rows, rows, (a, b) => {
        const tables = [waveTable('2023', a), waveTable('2024', b)];
        const all = changesOf(tables, false);
        const panel = changesOf(tables, true);
        for (const [w, list] of [a, b].entries()) {
          for (const m of all.methods) {
            const asked = list.filter((r) => r.method_id === m.id);
            const share = m.shares[w];
            if (asked.length === 0) expect(share).toBeNull();
            else expect(share).toEqual({ n: asked.filter((r) => r.is_using).length, total: asked.length, share: asked.filter((r) => r.is_using).length / asked.length });
            const p = panel.methods.find((x) => x.id === m.id)!.shares[w];
            if (p) expect(p.total).toBeLessThanOrEqual(share!.total);
          }
        }
        const keys = (list: Row[]) => new Set(list.map((r) => r.unit_key));
        expect(all.panel).toBe([...keys(a)].filter((k) => keys(b).has(k)).length);
        expect(panel.units).toEqual([all.panel, all.panel]);
      }),
    );
  });

  it('names who started and stopped with the label, county and group the later wave gives', () => {
    const unit = (key: string, label: string, using: boolean): Row => ({ method_id: 'fft', kind: 'intervention', unit_key: key, unit_label: label, county_code: '20', skr_group: 'B3', is_using: using });
    const changes = changesOf([waveTable('2023', [unit('2080/', 'Falun', false), unit('2081/', 'Borlänge', true)]), waveTable('2024', [unit('2080/', 'Falun', true), unit('2081/', 'Borlänge', false)])], false);
    expect(changes.methods[0]!.started).toEqual([{ key: '2080/', label: 'Falun', county: '20', group: 'B3' }]);
    expect(changes.methods[0]!.stopped.map((u) => u.label)).toEqual(['Borlänge']);
  });
});

describe('comparedWaves', () => {
  it('compares the waves chosen while both are loaded, oldest first, else the last two', () => {
    const waves = ['2022', '2023', '2024'];
    expect(comparedWaves(waves, { from: '2024', to: '2022' })).toEqual(['2022', '2024']);
    expect(comparedWaves(waves, { from: null, to: null })).toEqual(['2023', '2024']);
    expect(comparedWaves(waves, { from: '2021', to: '2024' })).toEqual(['2023', '2024']);
    expect(comparedWaves(waves, { from: '2023', to: '2023' })).toEqual(['2023', '2024']);
  });
});
