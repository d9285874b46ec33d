// The answer scales the pilot's surveys use, in order, so answers stay ordered categories rather than
// text sorted alphabetically ("ganska nöjd" before "mycket missnöjd" is the wrong order for a chart).
import { foldText, stripDiacritics, toWords } from './normalise-name';

export type ScaleId = 'satisfaction' | 'extent' | 'frequency' | 'knowledge';

/** Each scale from its lowest to its highest position (1 = lowest). */
export const SCALES: Readonly<Record<ScaleId, readonly string[]>> = {
  satisfaction: ['Mycket missnöjd', 'Ganska missnöjd', 'Varken nöjd eller missnöjd', 'Ganska nöjd', 'Mycket nöjd'],
  extent: ['I mycket låg utsträckning', 'I ganska låg utsträckning', 'I ganska hög utsträckning', 'I mycket hög utsträckning'],
  frequency: ['I enstaka fall eller aldrig', 'Ibland', 'Oftast', 'Alltid'],
  knowledge: ['Inte alls', 'Några få medarbetare', 'De flesta medarbetare'],
};

/** Spellings surveys use for the same step, folded like every other name. */
const ALIASES: Readonly<Record<string, string>> = {
  'varken eller': 'Varken nöjd eller missnöjd',
  'varken nojd eller missnojd': 'Varken nöjd eller missnöjd',
  'i enstaka fall': 'I enstaka fall eller aldrig',
  aldrig: 'I enstaka fall eller aldrig',
  'enstaka fall eller aldrig': 'I enstaka fall eller aldrig',
  'ja de flesta medarbetare': 'De flesta medarbetare',
  'ja nagra fa medarbetare': 'Några få medarbetare',
  'nej inte alls': 'Inte alls',
  // The pilot's final report words the RBM question's steps this way.
  'merparten av personalen': 'De flesta medarbetare',
  'ja merparten av personalen': 'De flesta medarbetare',
  'enstaka ur personalen': 'Några få medarbetare',
  'ja enstaka ur personalen': 'Några få medarbetare',
};

/** Answers that say "no answer on the scale"; they are kept, without a position. */
const NOT_RATED = new Set(['vet ej', 'ej aktuellt', 'deltog inte', 'har inte deltagit', 'ingen asikt']);

/** Case, accents and punctuation do not matter: `Ja, några få medarbetare` = `ja nagra fa medarbetare`. */
function fold(text: string): string {
  return toWords(stripDiacritics(foldText(text)));
}

const POSITIONS = new Map<string, { scale: ScaleId; position: number; label: string }>();
for (const [scale, steps] of Object.entries(SCALES) as [ScaleId, readonly string[]][]) {
  steps.forEach((label, i) => POSITIONS.set(fold(label), { scale, position: i + 1, label }));
}
for (const [alias, label] of Object.entries(ALIASES)) POSITIONS.set(alias, POSITIONS.get(fold(label))!);

export function likertStep(answer: string): { scale: ScaleId; position: number; label: string } | null {
  return POSITIONS.get(fold(answer)) ?? null;
}

export function isNotRated(answer: string): boolean {
  return NOT_RATED.has(fold(answer));
}

/** The scale every answer of a column belongs to (not-rated answers allowed), or null. */
export function likertScaleOf(values: readonly string[]): ScaleId | null {
  const scales = new Set<ScaleId>();
  let rated = 0;
  for (const value of values) {
    const step = likertStep(value);
    if (step) {
      scales.add(step.scale);
      rated++;
    } else if (!isNotRated(value)) return null;
  }
  return rated > 0 && scales.size === 1 ? [...scales][0]! : null;
}
