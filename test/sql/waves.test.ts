// Survey waves through the command line (issue 21): two Google Forms exports of the same survey, a year
// apart, written as Google writes them; each file's wave from its timestamps, figures per wave (N is
// that wave's units) and who started and stopped using each method among the units in both.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const HEADER = '"Tidstämpel","E-postadress","Kommun","Vilka av följande insatser erbjuder ni barn och unga 6–17 år?"';
const row = (stamp: string, unit: string, methods: string) => `"${stamp}","ifo@example.se","${unit}","${methods}"`;
// 2023: Falun KOMET, Borlänge FFT, Ludvika nothing. 2024: Falun KOMET and FFT (started FFT), Borlänge
// nothing (stopped FFT), Ludvika gone, Mora new with MST. Two answers given in January 2024 belong to 2023.
const WAVE_2023 = [HEADER, row('2023-11-20 09:41:07', 'Falu kommun', 'Kommunikationsmetoden (KOMET)'), row('2024-01-08 10:02:55', 'Borlänge kommun', 'Funktionell familjeterapi (FFT)'), row('2023-12-01 13:15:30', 'Ludvika kommun', 'Stödsamtal till ungdomar')];
const WAVE_2024 = [HEADER, row('2024/11/18 08:00:00', 'Falu kommun', 'Kommunikationsmetoden (KOMET), Funktionell familjeterapi (FFT)'), row('2024/11/19 14:30:00', 'Borlänge kommun', 'Stödsamtal till ungdomar'), row('2024/11/20 11:00:00', 'Mora kommun', 'Multisystemisk terapi (MST)')];

let dir: string;
let first: string;
let second: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'metodkartan-waves-'));
  // Names that give no year: the waves must come from the answers' dates.
  first = path.join(dir, 'enkat-a.csv');
  second = path.join(dir, 'enkat-b.csv');
  await writeFile(first, `${WAVE_2023.join('\r\n')}\r\n`);
  await writeFile(second, `${WAVE_2024.join('\r\n')}\r\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface WaveSummary {
  files: { file: string; wave: string | null }[];
  methods: { id: string; units_using: number; units_total: number }[];
  waves?: { wave: string; units_total: number; methods: { id: string; units_using: number; units_total: number; share: number }[] }[];
  changes?: { id: string; from: string; to: string; started: number; stopped: number; panel: number }[];
}

function summarize(...args: string[]): WaveSummary {
  const result = spawnSync('node_modules/.bin/tsx', ['scripts/metodkartan.ts', 'summarize', '--json', ...args], { encoding: 'utf8', timeout: 120_000 });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as WaveSummary;
}

const using = (s: WaveSummary['waves'] extends (infer W)[] | undefined ? W : never, id: string) => s.methods.find((m) => m.id === id);

describe('summarize with two survey waves', () => {
  it('reads each wave from the answers’ dates, gives each wave its own N, and says who started and stopped', () => {
    const summary = summarize(second, first);
    expect(summary.files.map((f) => [path.basename(f.file), f.wave])).toEqual([
      ['enkat-b.csv', '2024'],
      ['enkat-a.csv', '2023'],
    ]);
    expect(summary.waves!.map((w) => [w.wave, w.units_total])).toEqual([
      ['2023', 3],
      ['2024', 3],
    ]);
    const [w2023, w2024] = summary.waves!;
    expect(using(w2023!, 'fft')).toMatchObject({ units_using: 1, units_total: 3 });
    expect(using(w2024!, 'fft')).toMatchObject({ units_using: 1, units_total: 3 });
    expect(using(w2024!, 'mst')).toMatchObject({ units_using: 1, units_total: 3 });
    // The panel is Falun and Borlänge: FFT started in one and stopped in the other; KOMET did not change.
    const change = (id: string) => summary.changes!.find((c) => c.id === id);
    expect(change('fft')).toEqual({ id: 'fft', from: '2023', to: '2024', panel: 2, started: 1, stopped: 1 });
    expect(change('komet')).toMatchObject({ panel: 2, started: 0, stopped: 0 });
    expect(change('mst')).toMatchObject({ panel: 2, started: 0, stopped: 0 });
    // The top-level methods are the latest wave's.
    expect(summary.methods.find((m) => m.id === 'mst')).toMatchObject({ units_using: 1, units_total: 3 });
  });

  it('takes the waves given with --wave over the dates', () => {
    const summary = summarize('--wave', `${path.basename(first)}=hösten 2023`, '--wave', `${second}=hösten 2024`, first, second);
    expect(summary.files.map((f) => f.wave)).toEqual(['hösten 2023', 'hösten 2024']);
    expect(summary.waves!.map((w) => w.wave)).toEqual(['hösten 2023', 'hösten 2024']);
  });

  it('gives one wave no wave figures, and a file that is not a survey no wave', () => {
    const summary = summarize(first, 'data-samples/usage-2022-2024.csv');
    expect(summary.files.map((f) => f.wave)).toEqual(['2023', null]);
    expect(summary.waves).toBeUndefined();
    expect(summary.changes).toBeUndefined();
  });
});
