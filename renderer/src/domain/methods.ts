// The method catalogue (method-catalogue.json: interventions and assessment tools, with the knowledge
// support's recommendation for each) and the matching of names as exports spell them to its ids.
// Matching never guesses: a name is an alias after normalisation, or it is unknown.
import catalogue from './method-catalogue.json';
import { foldText, stripDiacritics, toWords } from './normalise-name';

/** The knowledge support's recommendation types (Socialstyrelsen 2021), in display order, plus the tools. */
export const RECOMMENDATION_IDS = [
  'parenting-programme',
  'cbt-skills-group',
  'family-treatment',
  'tfco',
  'individual-cbt',
  'advised-against',
  'unspecified',
  'assessment',
] as const;
export type RecommendationId = (typeof RECOMMENDATION_IDS)[number];

const METHOD_KINDS = ['intervention', 'tool'] as const;
export type MethodKind = (typeof METHOD_KINDS)[number];

export interface Recommendation {
  readonly name: string;
  readonly nameEn: string;
  /** `6–11`, `12–17`; null where the type has no age band of its own. */
  readonly ageBand: string | null;
}

export interface Method {
  readonly id: string;
  readonly kind: MethodKind;
  readonly name: string;
  readonly nameEn: string;
  readonly recommendation: RecommendationId;
  /** `6–11`, `12–18` …; null where the sources give none. */
  readonly ageBand: string | null;
  readonly aliases: readonly string[];
}

// Typed from the JSON itself: a recommendation id missing from the file fails the typecheck.
export const RECOMMENDATIONS: Readonly<Record<RecommendationId, Recommendation>> = catalogue.recommendations;

/** The catalogue is edited by hand: an unknown kind or recommendation fails at start-up and in tests. */
function oneOf<T extends string>(allowed: readonly T[], value: string, where: string): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new Error(`method-catalogue.json, ${where}: unexpected "${value}"`);
  return found;
}

export const METHODS: readonly Method[] = catalogue.methods.map((m) => ({
  ...m,
  kind: oneOf(METHOD_KINDS, m.kind, m.id),
  recommendation: oneOf(RECOMMENDATION_IDS, m.recommendation, m.id),
}));

const BY_ID = new Map(METHODS.map((m) => [m.id, m]));

export function methodById(id: string): Method | undefined {
  return BY_ID.get(id);
}

// A trailing age range is the target group, not part of the name: `KOMET 12-18`, `Komet (3–11 år)`.
const AGE_RANGE = /[\s,]*\(?\s*\d{1,2}\s*-\s*\d{1,2}\s*(år)?\s*\)?$/;
// `MST-team`, `Dina-programmet`: the organisation around a method, not another method.
const SUFFIX = / (team|teamet|programmet)$/;
// A trailing parenthesis: an abbreviation (`Funktionell familjeterapi (FFT)`) or a qualifier.
const TRAILING_PARENS = /^(.+?)\s*\(([^()]*)\)$/;

/** The key a name is matched by, and the key of a local mapping: case, accents, punctuation, age range and suffix fold away. */
export function normaliseMethodName(text: string): string {
  return methodKey(foldText(text).replace(AGE_RANGE, ''));
}

function methodKey(folded: string): string {
  return toWords(stripDiacritics(folded)).replace(SUFFIX, '');
}

function buildAliasIndex(): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const m of METHODS) {
    for (const spelling of [m.name, m.nameEn, ...m.aliases]) {
      const key = normaliseMethodName(spelling);
      const taken = index.get(key);
      if (taken !== undefined && taken !== m.id) throw new Error(`method-catalogue.json: "${spelling}" names both ${taken} and ${m.id}`);
      index.set(key, m.id);
    }
  }
  return index;
}

const ALIASES = buildAliasIndex();

function lookup(key: string, local: ReadonlyMap<string, string> | undefined): string | null {
  if (key === '') return null;
  return local?.get(key) ?? ALIASES.get(key) ?? null;
}

/** One name, no column prefix. Failing that, a trailing parenthesis and the rest are tried alone: one may name the method, and if both do they must agree. */
function matchName(name: string, local: ReadonlyMap<string, string> | undefined): string | null {
  const folded = foldText(name).replace(AGE_RANGE, '');
  const whole = lookup(methodKey(folded), local);
  if (whole !== null) return whole;
  const parts = TRAILING_PARENS.exec(folded);
  if (!parts) return null;
  const outside = lookup(methodKey(parts[1]!.replace(AGE_RANGE, '')), local);
  const inside = lookup(methodKey(parts[2]!), local);
  // `Familjebehandling (FFT)` names two methods: which one was meant is the user's call.
  if (outside !== null && inside !== null && outside !== inside) return null;
  return outside ?? inside;
}

/**
 * The catalogue id (or the `local` mapping's id) for a method name as an export writes it; null when unknown.
 * `local` maps `normaliseMethodName(name)` to an id and wins over the catalogue. Column headers work too:
 * `Insatser: KOMET` (Netigate), `Vilka insatser …? [FFT]` (a Google Forms grid).
 */
export function matchMethod(text: string, local?: ReadonlyMap<string, string>): string | null {
  const phrases = [text];
  const bracketed = /\[([^\]]+)\]\s*$/.exec(text);
  if (bracketed) phrases.push(bracketed[1]!);
  const colon = text.lastIndexOf(':');
  if (colon >= 0) phrases.push(text.slice(colon + 1));
  for (const phrase of phrases) {
    const id = matchName(phrase, local);
    if (id !== null) return id;
  }
  return null;
}

/** Splits at commas outside parentheses: `KBT (individuell, strukturerad)` is one choice. */
function splitAtCommas(cell: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) {
      parts.push(cell.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(cell.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** JSON exports hold a multiple choice as a list of strings: `["KOMET","FFT"]`, or `[]` for none. */
function jsonList(cell: string): string[] | null {
  const text = cell.trim();
  if (!text.startsWith('[') || !text.endsWith(']')) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return null;
    return value.map((v) => v.trim()).filter((v) => v !== '');
  } catch {
    return null;
  }
}

/**
 * The choices in one multiple-choice cell. Microsoft Forms joins them with `;` and ends with one
 * (`KOMET;FFT;`); Google Forms joins them with `, `, so an option that holds a comma comes apart:
 * adjacent pieces are joined back when together they are a known name (`Triple P, nivå 4`).
 * Never splits at `och` or `/`: `Kontaktperson/kontaktfamilj` is one option.
 */
export function splitMultiChoice(cell: string, local?: ReadonlyMap<string, string>): string[] {
  const list = jsonList(cell);
  if (list) return list;
  if (cell.includes(';')) return cell.split(';').map((p) => p.trim()).filter((p) => p !== '');
  const pieces = splitAtCommas(cell);
  const choices: string[] = [];
  for (let start = 0; start < pieces.length; ) {
    let end = start + 1;
    for (let longest = pieces.length; longest > start + 1; longest--) {
      if (matchName(pieces.slice(start, longest).join(', '), local) !== null) {
        end = longest;
        break;
      }
    }
    choices.push(pieces.slice(start, end).join(', '));
    start = end;
  }
  return choices;
}
