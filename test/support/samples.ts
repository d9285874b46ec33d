// The files in data-samples/ that Öppna exempeldata loads (renderer/src/app/sample-data.ts): every sample
// but the methods survey's second wave, which the change view's tests load beside them. The five are
// calibrated to the pilot's final report (2023); the second wave is the same survey a year later.
import { readdirSync } from 'node:fs';
import path from 'node:path';

export const SECOND_WAVE = 'pilot-methods-survey-2024.xlsx';

export function bundledSamples(dir = 'data-samples'): string[] {
  return readdirSync(path.resolve(dir))
    .filter((name) => !name.endsWith('.md') && name !== SECOND_WAVE)
    .sort();
}
