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
type MethodKind = (typeof METHOD_KINDS)[number];

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
// `MST-team`, `MST-team Norr`, `Dina-programmet`, `SAVRY-bedömning`: the organisation or the act around a
// method (a team may carry its area's name), not another method.
const SUFFIX = / (team|teamet)( [a-z]+)?$| (programmet|bedomning|bedomningar)$/;
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

// `EARL-20B/EARL-21G`, `EARL-20B eller EARL-21G`, `Funktionell familjeterapi, FFT`, `Multisystemisk terapi –
// MST`: parts naming one method.
const COMBINED = /\s*\/\s*|\s*,\s+|\s+-\s+|\s+(?:och|eller|resp\.?|&|\+)\s+/;

/** One name, no column prefix. Failing that, a trailing parenthesis and the rest are tried alone: one may name the method, and if both do they must agree. */
function matchName(name: string, local: ReadonlyMap<string, string> | undefined): string | null {
  const folded = foldText(name).replace(AGE_RANGE, '');
  const whole = lookup(methodKey(folded), local) ?? matchCombined(folded, local);
  if (whole !== null) return whole;
  const parts = TRAILING_PARENS.exec(folded);
  if (!parts) return null;
  const outside = lookup(methodKey(parts[1]!.replace(AGE_RANGE, '')), local);
  const inside = lookup(methodKey(parts[2]!), local);
  // `Familjebehandling (FFT)` names two methods: which one was meant is the user's call.
  if (outside !== null && inside !== null && outside !== inside) return null;
  return outside ?? inside;
}

/** `A/B` or `A och B` where every part names the same method is that method (the catalogue lists the rest). */
function matchCombined(folded: string, local: ReadonlyMap<string, string> | undefined): string | null {
  const parts = folded.split(COMBINED).filter((p) => p !== '');
  if (parts.length < 2) return null;
  const ids = new Set(parts.map((p) => lookup(methodKey(p.replace(AGE_RANGE, '')), local)));
  const [id] = ids;
  return ids.size === 1 && id !== undefined ? id : null;
}

/**
 * A name made of several comma-separated pieces: the whole must be one name. A trailing parenthesis
 * counts only with the text before it (`Kontaktperson, Stödsamtal, Treatment Foster Care Oregon (TFCO)`
 * is three choices, not TFCO).
 */
function matchWhole(name: string, local: ReadonlyMap<string, string> | undefined): string | null {
  const folded = foldText(name).replace(AGE_RANGE, '');
  const whole = lookup(methodKey(folded), local) ?? matchCombined(folded, local);
  if (whole !== null) return whole;
  const parts = TRAILING_PARENS.exec(folded);
  const outside = parts ? lookup(methodKey(parts[1]!.replace(AGE_RANGE, '')), local) : null;
  const inside = parts ? lookup(methodKey(parts[2]!), local) : null;
  return outside !== null && (inside === null || inside === outside) ? outside : null;
}

/**
 * The catalogue id (or the `local` mapping's id) for a method name as a cell or an extract writes it;
 * null when unknown. `local` maps `normaliseMethodName(name)` to an id and wins over the catalogue. A
 * cell is matched whole: `Planerar att starta: KOMET` or `Annat, nämligen: MI` name no method.
 */
export function matchMethod(text: string, local?: ReadonlyMap<string, string>): string | null {
  return matchName(text, local);
}

/**
 * The part of a column header that names a method, or null: the header itself, or the option after the
 * question as survey tools write it: `Insatser: KOMET` (Netigate), `Vilka insatser …? [FFT]` (a Google
 * Forms grid), `Vilka insatser? - Stödsamtal - ungdom` (Esmaker; the option may hold a dash itself).
 */
export function headerOption(header: string, local?: ReadonlyMap<string, string>): string | null {
  const phrases = [header];
  const bracketed = /\[([^\]]+)\]\s*$/.exec(header);
  if (bracketed) phrases.push(bracketed[1]!);
  const colon = header.lastIndexOf(':');
  if (colon >= 0) phrases.push(header.slice(colon + 1));
  for (const dash of header.matchAll(/\s[-–—]\s/g)) phrases.push(header.slice(dash.index + dash[0].length));
  return phrases.map((p) => p.trim()).find((phrase) => phrase !== '' && matchName(phrase, local) !== null) ?? null;
}

/** The name a one-column-per-option survey's option is matched by: the option part of a header (`Insatser: KOMET` → `KOMET`). */
export function flagOptionName(methodName: string, local?: ReadonlyMap<string, string>): string {
  return headerOption(methodName, local) ?? methodName;
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

function splitAtSemicolons(cell: string): string[] {
  return cell.split(';').map((p) => p.trim()).filter((p) => p !== '');
}

// "Annat, nämligen: …", "Övrigt: …": the free text a respondent wrote stays with its option.
const OTHER = /^(annat|annan|andra|övrigt|övriga|other)\b/i;

/**
 * A splitter for the cells of one multiple-choice column. Microsoft Forms joins choices with `;` and
 * ends with one (`KOMET;FFT;`): a column whose cells use `;` is split there and nowhere else. Google
 * Forms joins them with `, `, so an option that holds a comma (`Stödsamtal, enskilt`) comes apart; the
 * column itself tells where: a piece that begins some cell begins an option, and a piece that never does
 * and goes on in lower case continues one, never when either side is a catalogue name on its own. A
 * multi-piece join is a catalogue name only when the whole join is one (a trailing `(TFCO)` alone never
 * decides it). Free text after `Annat` stays one item.
 */
export function choiceSplitter(cells: readonly string[], local?: ReadonlyMap<string, string>): (cell: string) => string[] {
  const texts = cells.map((c) => c.trim()).filter((c) => c !== '' && jsonList(c) === null);
  const semicolons = texts.filter((c) => c.includes(';')).length;
  if (semicolons > 0 && semicolons >= texts.length / 2) return (cell) => jsonList(cell) ?? splitAtSemicolons(cell);

  const known = (piece: string) => matchName(piece, local) !== null;
  // Pieces that begin some cell begin an option (Google writes the choices in the questionnaire's order);
  // a cell that is one whole option shows where that option ends.
  const starts = new Set(texts.map((text) => splitAtCommas(text)[0]));
  const wholeCells = new Set(texts);
  const seen = new Map<string, number>();
  for (const text of texts) for (const piece of new Set(splitAtCommas(text))) seen.set(piece, (seen.get(piece) ?? 0) + 1);
  // Whether `piece` continues the option `segment` rather than starting one: Swedish goes on in lower
  // case after a comma (`Stödsamtal, enskilt`), and free text after `Annat` is the respondent's.
  const continues = (segment: string, piece: string): boolean => {
    if (known(piece) || starts.has(piece)) return false;
    if (OTHER.test(segment)) return true;
    if (known(segment)) return false;
    // `Stödsamtal, enskilt` is a whole answer elsewhere, and `egen föräldrakurs` follows it in this cell
    // only: a respondent's own words after it, not more of the option (`Stödsamtal` + `grupp`, seen in
    // several cells, stays `Stödsamtal, grupp`).
    if (wholeCells.has(segment) && (seen.get(piece) ?? 0) <= 1) return false;
    const first = /\p{L}/u.exec(piece)?.[0] ?? '';
    return first !== '' && first === first.toLowerCase() && first !== first.toUpperCase();
  };

  return (cell) => {
    const list = jsonList(cell);
    if (list) return list;
    if (cell.includes(';') && !cell.includes(', ')) return splitAtSemicolons(cell);
    const pieces = splitAtCommas(cell);
    const choices: string[] = [];
    for (let start = 0; start < pieces.length; ) {
      let end = start + 1;
      // The longest run of pieces that is one catalogue (or local) name as a whole: `Triple P, nivå 4`.
      for (let longest = pieces.length; longest > start + 1; longest--) {
        if (matchWhole(pieces.slice(start, longest).join(', '), local) !== null) {
          end = longest;
          break;
        }
      }
      if (end === start + 1) while (end < pieces.length && continues(pieces.slice(start, end).join(', '), pieces[end]!)) end++;
      choices.push(pieces.slice(start, end).join(', '));
      start = end;
    }
    return choices;
  };
}

/** The choices in one multiple-choice cell, read on its own (see choiceSplitter for a whole column). */
export function splitMultiChoice(cell: string, local?: ReadonlyMap<string, string>): string[] {
  return choiceSplitter([cell], local)(cell);
}

/** What of a cell its choices do not cover, separators aside: '' when every character is accounted for. */
export function unaccountedText(cell: string, choices: readonly string[]): string {
  let rest = cell;
  for (const choice of choices) {
    const at = rest.indexOf(choice);
    if (at >= 0) rest = rest.slice(0, at) + ';' + rest.slice(at + choice.length);
  }
  const list = jsonList(cell);
  if (list && list.length === choices.length && list.every((c, i) => c === choices[i])) return '';
  return rest.replace(/[;,\s]+/g, ' ').trim();
}
