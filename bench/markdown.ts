// The benchmark's JSON as the Markdown table bench/README.md shows:
//
//   npx tsx bench/markdown.ts bench/results/latest.json
import { readFile } from 'node:fs/promises';
import type { BenchCase } from './run';

interface Result {
  machine: Record<string, unknown>;
  cases: BenchCase[];
  targets?: { target: string; met: boolean | null; detail: string }[];
}

const ms = (value: number | null) => (value === null ? '–' : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 100 ? 1 : 0)} ms`);

async function main(): Promise<void> {
  const file = process.argv[2] ?? 'bench/results/latest.json';
  const result = JSON.parse(await readFile(file, 'utf8')) as Result;
  const lines = ['| case | rows | app (median) | native (median) | ratio | peak RSS app / native | peak PSS app | runs |', '|---|---:|---:|---:|---:|---:|---:|---:|'];
  for (const c of result.cases) {
    const name = c.error ? `${c.name} **failed**` : c.name;
    const rss = `${c.peak_rss_mb === null ? '–' : `${Math.round(c.peak_rss_mb)} MB`} / ${c.native_peak_rss_mb === null ? '–' : `${Math.round(c.native_peak_rss_mb)} MB`}`;
    const pss = c.peak_pss_mb === undefined || c.peak_pss_mb === null ? '–' : `${Math.round(c.peak_pss_mb)} MB`;
    lines.push(`| ${name} | ${c.rows.toLocaleString('en')} | ${ms(c.app_ms)} | ${ms(c.native_ms)} | ${c.ratio === null ? '–' : `${c.ratio.toFixed(2)}×`} | ${rss} | ${pss} | ${c.runs} |`);
  }
  console.log(lines.join('\n'));
  const failed = result.cases.filter((c) => c.error);
  if (failed.length > 0) console.log(`\n${failed.map((c) => `- ${c.name}: ${c.error}`).join('\n')}`);
  if (result.targets) console.log(`\n${result.targets.map((t) => `- ${t.met ? 'met' : 'missed'}: ${t.target} (${t.detail})`).join('\n')}`);
}

await main();
