// The answer scales surveys use, in order, so answers stay ordered categories rather than text sorted
// alphabetically ("ganska nöjd" before "mycket missnöjd" is the wrong order for a chart).
//
// Three kinds of scale id, all plain strings so that they travel in the database and in workspaces:
// - a named scale below (the pilot's four, and the ones survey tools commonly write);
// - `numbered:K`: steps written as numbers 1…K, the ends often labelled (`1 – Instämmer inte alls`);
// - `custom:A|B|C`: an order the user confirmed in the mapping view for answers no named scale knows.
import { matchMethod } from './methods';
import { foldText, stripDiacritics, toWords } from './normalise-name';

export const NAMED_SCALES = {
  // The pilot's own scales (its final report's figures).
  satisfaction: ['Mycket missnöjd', 'Ganska missnöjd', 'Varken nöjd eller missnöjd', 'Ganska nöjd', 'Mycket nöjd'],
  extent: ['I mycket låg utsträckning', 'I ganska låg utsträckning', 'I ganska hög utsträckning', 'I mycket hög utsträckning'],
  frequency: ['I enstaka fall eller aldrig', 'Ibland', 'Oftast', 'Alltid'],
  knowledge: ['Inte alls', 'Några få medarbetare', 'De flesta medarbetare'],
  // The report's question on the RBM day (its 49 %), and the other scales survey tools write.
  degree: ['Inte alls', 'Delvis', 'Till stor del', 'Helt och hållet'],
  'yes-partly': ['Nej', 'Ja, delvis', 'Ja, helt'],
  agreement: ['Instämmer inte alls', 'Instämmer i liten grad', 'Instämmer delvis', 'Instämmer i hög grad', 'Instämmer helt'],
  quality: ['Mycket dåligt', 'Ganska dåligt', 'Varken bra eller dåligt', 'Ganska bra', 'Mycket bra'],
  often: ['Aldrig', 'Sällan', 'Ibland', 'Ofta', 'Alltid'],
} as const satisfies Record<string, readonly string[]>;

type NamedScale = keyof typeof NAMED_SCALES;
export type ScaleId = NamedScale | `numbered:${number}` | `custom:${string}`;

/** Spellings surveys use for the same step, folded like every other name. */
const ALIASES: Readonly<Record<string, [NamedScale, string]>> = {
  'varken eller': ['satisfaction', 'Varken nöjd eller missnöjd'],
  // The common five steps `Mycket nöjd / Nöjd / Varken eller / Missnöjd / Mycket missnöjd`.
  nojd: ['satisfaction', 'Ganska nöjd'],
  missnojd: ['satisfaction', 'Ganska missnöjd'],
  'varken nojd eller missnojd': ['satisfaction', 'Varken nöjd eller missnöjd'],
  'i enstaka fall': ['frequency', 'I enstaka fall eller aldrig'],
  aldrig: ['frequency', 'I enstaka fall eller aldrig'],
  'enstaka fall eller aldrig': ['frequency', 'I enstaka fall eller aldrig'],
  'ja de flesta medarbetare': ['knowledge', 'De flesta medarbetare'],
  'ja nagra fa medarbetare': ['knowledge', 'Några få medarbetare'],
  'nej inte alls': ['knowledge', 'Inte alls'],
  // The pilot's final report words the RBM question's steps this way.
  'merparten av personalen': ['knowledge', 'De flesta medarbetare'],
  'ja merparten av personalen': ['knowledge', 'De flesta medarbetare'],
  'enstaka ur personalen': ['knowledge', 'Några få medarbetare'],
  'ja enstaka ur personalen': ['knowledge', 'Några få medarbetare'],
  'i liten grad': ['degree', 'Delvis'],
  'i stor grad': ['degree', 'Till stor del'],
  helt: ['degree', 'Helt och hållet'],
  'ja helt och hallet': ['yes-partly', 'Ja, helt'],
  'ja till viss del': ['yes-partly', 'Ja, delvis'],
  'nej inte alls ': ['yes-partly', 'Nej'],
  'instammer i stor grad': ['agreement', 'Instämmer i hög grad'],
  'instammer till stor del': ['agreement', 'Instämmer i hög grad'],
  'instammer helt och hallet': ['agreement', 'Instämmer helt'],
  'instammer till viss del': ['agreement', 'Instämmer delvis'],
  'tar helt avstand': ['agreement', 'Instämmer inte alls'],
  'varken bra eller daligt': ['quality', 'Varken bra eller dåligt'],
  'mycket ofta': ['often', 'Ofta'],
  'ganska ofta': ['often', 'Ofta'],
};

/** Answers that say "no answer on the scale"; they are kept, without a position. */
const NOT_RATED = new Set(['vet ej', 'vet inte', 'ej aktuellt', 'inte aktuellt', 'deltog inte', 'har inte deltagit', 'ingen asikt', 'kan inte bedoma', 'ej svar']);

/** Case, accents and punctuation do not matter: `Ja, några få medarbetare` = `ja nagra fa medarbetare`. */
function fold(text: string): string {
  return toWords(stripDiacritics(foldText(text)));
}

export interface ScaleStep {
  scale: ScaleId;
  position: number;
  label: string;
}

/** Every named scale a folded answer is a step of (one answer, such as `Inte alls`, may be on several). */
const POSITIONS = new Map<string, ScaleStep[]>();
function addPosition(key: string, step: ScaleStep): void {
  POSITIONS.set(key, [...(POSITIONS.get(key) ?? []).filter((s) => s.scale !== step.scale), step]);
}
for (const [scale, steps] of Object.entries(NAMED_SCALES) as [NamedScale, readonly string[]][]) {
  steps.forEach((label, i) => addPosition(fold(label), { scale, position: i + 1, label }));
}
for (const [alias, [scale, label]] of Object.entries(ALIASES)) {
  const position = (NAMED_SCALES[scale] as readonly string[]).indexOf(label) + 1;
  addPosition(fold(alias), { scale, position, label });
}

// `1`, `5 – Instämmer helt`, `3. Varken eller`: a numbered step (1 to 10), its label optional.
// `1 = Inte alls`, `1 (Instämmer inte alls)` too.
const NUMBERED = /^(10|[1-9])(?:\s*[-–—:.)=]\s*(\S.*)|\s*\((.+)\))?$/;

/** A numbered step's words, if written: `5 – Instämmer helt` → `Instämmer helt`. */
const stepWords = (n: RegExpExecArray): string | undefined => n[2] ?? n[3];

/** The steps of a scale, lowest first: a named scale's, `1`…`K` for a numbered one, the user's order for a custom one. */
export function scaleSteps(scale: ScaleId): readonly string[] {
  if (scale.startsWith('custom:')) return scale.slice('custom:'.length).split('|');
  if (scale.startsWith('numbered:')) return Array.from({ length: Number(scale.slice('numbered:'.length)) }, (_, i) => String(i + 1));
  return NAMED_SCALES[scale as NamedScale] ?? [];
}

function isNotRated(answer: string): boolean {
  return NOT_RATED.has(fold(answer));
}

/** An answer's step on `scale`, or, without a scale, on the first named scale that has it. Null when off the scale. */
export function likertStep(answer: string, scale?: ScaleId): ScaleStep | null {
  if (scale?.startsWith('numbered:')) {
    const number = NUMBERED.exec(answer.trim());
    const position = number ? Number(number[1]) : NaN;
    return position <= scaleSteps(scale).length ? { scale, position, label: String(position) } : null;
  }
  if (scale?.startsWith('custom:')) {
    const position = scaleSteps(scale).findIndex((step) => fold(step) === fold(answer)) + 1;
    return position > 0 ? { scale, position, label: scaleSteps(scale)[position - 1]! } : null;
  }
  const steps = POSITIONS.get(fold(answer)) ?? [];
  return (scale === undefined ? steps[0] : steps.find((s) => s.scale === scale)) ?? null;
}

/**
 * The scale every answer of a column belongs to (not-rated answers allowed), or null: the first named
 * scale holding every rated answer, else a numbered scale when every rated answer is a numbered step.
 */
export function likertScaleOf(values: readonly string[]): ScaleId | null {
  const rated = values.filter((v) => !isNotRated(v));
  if (rated.length === 0) return null;
  // `Nej` (or `Ja`) alone is a yes/no answer, not a step of a scale.
  if (rated.every((v) => ['ja', 'nej'].includes(fold(v)))) return null;
  // Of the named scales holding every answer, the one whose own words they are (`Aldrig, Ibland, Alltid`
  // is the five-step frequency scale, not the pilot's, where `aldrig` is only another spelling).
  const exact = (scale: NamedScale) => rated.filter((v) => (NAMED_SCALES[scale] as readonly string[]).some((step) => fold(step) === fold(v))).length;
  const fitting = (Object.keys(NAMED_SCALES) as NamedScale[]).filter((scale) => rated.every((v) => likertStep(v, scale) !== null));
  const named = fitting.reduce<NamedScale | null>((best, scale) => (best === null || exact(scale) > exact(best) ? scale : best), null);
  if (named) return named;
  const numbers = rated.map((v) => NUMBERED.exec(v.trim()));
  // A column of bare numbers is a count; at least one step must carry its words, and words that grade
  // (`1 – Instämmer inte alls`), not a numbered list of options (`1. KOMET`).
  if (numbers.some((n) => n === null) || !numbers.some((n) => stepWords(n!) !== undefined)) return null;
  if (numbers.some((n) => stepWords(n!) !== undefined && matchMethod(stepWords(n!)!) !== null)) return null;
  // The scale's length: its labelled top step where the answers reach it; else the usual 5, 7 or 10.
  const top = Math.max(...numbers.map((n) => Number(n![1])));
  const topLabelled = numbers.some((n) => Number(n![1]) === top && stepWords(n!) !== undefined);
  if (top < 3) return null;
  return `numbered:${topLabelled ? top : top <= 5 ? 5 : top <= 7 ? 7 : 10}`;
}

// Words that grade an answer, from 0 (none) to 5 (all), most specific first: the first that matches
// decides (`Mycket låg` is 1, not the 2 of `låg`; `inte alls` is 0, not the 5 of `alls`).
const GRADE_WORDS: readonly [RegExp, number][] = [
  [/\b(varken|neutral|medel)\b/, 3],
  [/\b(inte alls|aldrig|ingen|inga|nej)\b/, 0],
  [/\b(mycket (liten|låg|lite|dålig|dåligt|sällan|missnöjd)|helt oense)\b/, 1],
  [/\b(mycket (stor|hög|bra|god|ofta|nöjd)|helt|alltid|samtliga|alla|varje vecka|varje dag|dagligen|veckovis)\b/, 5],
  [/\b(missnöjd)\b/, 1],
  [/\b(liten|låg|lite|sällan|dålig|dåligt|något|delvis|viss|vissa|någon gång|enstaka)\b/, 2],
  [/\b(varken|medel|neutral|ibland|flera|några)\b/, 3],
  [/\b(stor|hög|ofta|bra|god|goda|mestadels|oftast|många|flesta|varje månad|månatligen|ganska|nöjd)\b/, 4],
];

function grade(answer: string): number | null {
  const text = foldText(answer);
  const found = GRADE_WORDS.find(([pattern]) => pattern.test(text));
  if (!found) return null;
  // "inte" before a grading word turns it down: "inte särskilt bra".
  return found[1] > 0 && /\binte\b/.test(text) ? 1 : found[1];
}

/**
 * For answers no scale knows: an order to propose, lowest first, when the column looks like an ordered
 * scale (2–7 short answers, each graded by its words, no two the same grade). The user confirms it;
 * it is never applied unasked.
 */
export function proposeScaleOrder(values: readonly string[]): string[] | null {
  const rated = [...new Set(values.map((v) => v.trim()).filter((v) => v !== '' && !isNotRated(v)))];
  if (rated.length < 2 || rated.length > 7 || rated.some((v) => v.length > 60)) return null;
  const graded = rated.map((v) => ({ v, g: grade(v) }));
  if (graded.some((x) => x.g === null)) return null;
  if (new Set(graded.map((x) => x.g)).size !== graded.length) return null;
  return graded.sort((a, b) => a.g! - b.g!).map((x) => x.v);
}

/** The id of a scale in the order the user confirmed. */
export function customScale(steps: readonly string[]): ScaleId {
  return `custom:${steps.map((s) => s.replace(/\|/g, '/')).join('|')}`;
}
