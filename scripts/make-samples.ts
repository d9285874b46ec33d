// Writes the sample exports, byte for byte as the real tools write them. Synthetic data, deterministic
// (a seeded PRNG, never Math.random), calibrated so the analyses reproduce the pilot's final report.
// Run: npx tsx scripts/make-samples.ts
//
// data-samples/ (what the analyses read; see data-samples/README.md):
//   pilot-methods-survey-2023.xlsx     Microsoft Forms export: 56 responding units, methods, tools, frequency questions
//   pilot-methods-survey-2024.xlsx     the same survey a year later (wave 2024): 4 units gone, 3 new, some
//                                      starting and stopping methods (WAVE_2024 below)
//   pilot-activities-survey-2023.csv   Netigate-style CSV: satisfaction and extent questions per pilot activity
//   usage-2022-2024.csv                documentation-system extract, long form, month by month
//   assessment-training-2024.csv       staff trained per assessment tool per Stockholm district (the city audit)
// test/fixtures/samples/ (the shell's first two samples, read by the import and e2e tests):
//   methods-survey-sample.csv / .xlsx
import { mkdir, writeFile } from 'node:fs/promises';
import writeExcelFile, { type SheetData } from 'write-excel-file/node';
import { likertScaleOf, likertStep } from '../renderer/src/domain/likert';
import { matchMethod } from '../renderer/src/domain/methods';
import { matchUnit } from '../renderer/src/domain/units';
import { encodeWindows1252 } from '../test/fixtures/encode-windows-1252';
import { prng } from './prng';

const SAMPLES = 'data-samples';
const FIXTURES = 'test/fixtures/samples';

// ---------------------------------------------------------------------------------------------------
// The shell's first samples (12 units, Netigate CSV and Forms XLSX): kept as they were, now fixtures.

// Unit, county, responding staff, KOMET, FFT, MST, SAVRY, share of staff trained (%), comment
const SHELL_UNITS: [string, string, number, string, string, string, string, number, string][] = [
  ['Falu kommun', 'Dalarnas län', 14, 'Ja', 'Ja', 'Nej', 'Ja', 42.5, ''],
  ['Borlänge kommun', 'Dalarnas län', 11, 'Ja', 'Nej', 'Nej', 'Nej', 18, ''],
  ['Västerås stad', 'Västmanlands län', 23, 'Ja', 'Ja', 'Ja', 'Ja', 61.3, 'MST köps från region'],
  ['Mörbylånga kommun', 'Kalmar län', 6, 'Nej', 'Nej', 'Nej', 'Nej', 0, 'Köper FFT – via avtalssamverkan'],
  ['Stockholms stad – Skarpnäcks stadsdelsförvaltning', 'Stockholms län', 19, 'Ja', 'Ja', 'Ja', 'Ja', 55, '“KOMET 12-18” och BSFT'],
  ['Skärholmens sdf', 'Stockholms län', 17, 'Ja', 'Nej', 'Nej', 'Ja', 25, ''],
  ['Enskede-Årsta-Vantörs stadsdelsförvaltning', 'Stockholms län', 31, 'Ja', 'Ja', 'Nej', 'Ja', 33.3, ''],
  ['Region Gotland', 'Gotlands län', 9, 'Nej', 'Ja', 'Nej', 'Nej', 12.5, ''],
  ['Östersunds kommun', 'Jämtlands län', 12, 'Ja', 'Nej', 'Nej', 'Ja', 40, ''],
  ['Huddinge kommun', 'Stockholms län', 26, 'Ja', 'Ja', 'Ja', 'Ja', 48.1, ''],
  ['Gällivare kommun', 'Norrbottens län', 5, 'Nej', 'Nej', 'Nej', 'Nej', 0, 'Inga manualbaserade insatser'],
  ['Örebro kommun', 'Örebro län', 28, 'Ja', 'Ja', 'Nej', 'Ja', 57.9, ''],
];

function decimalComma(n: number): string {
  return String(n).replace('.', ',');
}

/**
 * An XLSX is a zip whose entries carry the time of writing: pinning it (2023-10-16 12:00) makes every
 * run write the same bytes. Walks the central directory and sets each entry's DOS time and date there
 * and in its local header.
 */
function pinZipTimes(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const time = (12 << 11) | (0 << 5) | 0;
  const date = ((2023 - 1980) << 9) | (10 << 5) | 16;
  let entry = out.readUInt32LE(eocd + 16);
  for (let n = out.readUInt16LE(eocd + 10); n > 0; n--) {
    if (out.readUInt32LE(entry) !== 0x02014b50) throw new Error('bad zip central directory');
    const local = out.readUInt32LE(entry + 42);
    out.writeUInt16LE(time, entry + 12);
    out.writeUInt16LE(date, entry + 14);
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    entry += 46 + out.readUInt16LE(entry + 28) + out.readUInt16LE(entry + 30) + out.readUInt16LE(entry + 32);
  }
  return out;
}

async function writeShellCsv(): Promise<void> {
  const header = 'Kommun/stadsdel;Län;Antal svarande;Insatser: KOMET;Insatser: FFT;Insatser: MST;Bedömning: SAVRY;Andel utbildade (%);Kommentar';
  const lines = SHELL_UNITS.map(([unit, county, staff, komet, fft, mst, savry, share, comment]) =>
    [unit, county, staff, komet, fft, mst, savry, decimalComma(share), comment.includes(';') ? `"${comment}"` : comment].join(';'),
  );
  // Windows line endings, no BOM: what "Spara som CSV" on a Swedish Windows machine produces.
  await writeFile(`${FIXTURES}/methods-survey-sample.csv`, encodeWindows1252([header, ...lines].join('\r\n') + '\r\n'));
}

async function writeShellXlsx(): Promise<void> {
  const question = 'Vilka av följande insatser har ni använt för barn 6–17 år under 2022/23?';
  const header = ['ID', 'Starttid', 'Slutförandetid', 'E-post', 'Namn', 'Kommun', question];
  const rows = SHELL_UNITS.map(([unit, , , komet, fft, mst], i) => {
    const started = new Date(Date.UTC(2023, 9, 2 + i, 8, 15));
    const finished = new Date(started.getTime() + 11 * 60_000);
    const methods = [komet === 'Ja' ? 'KOMET' : '', fft === 'Ja' ? 'FFT' : '', mst === 'Ja' ? 'MST' : '', 'Stödsamtal till ungdomar']
      .filter(Boolean)
      .map((m) => `${m};`)
      .join('');
    return [
      { value: i + 1 },
      { value: started, format: 'yyyy-mm-dd hh:mm' },
      { value: finished, format: 'yyyy-mm-dd hh:mm' },
      { value: 'anonymous' },
      { value: '' },
      { value: unit },
      { value: methods },
    ];
  });
  const xlsx = await writeExcelFile([header.map((value) => ({ value, fontWeight: 'bold' as const })), ...rows]).toBuffer();
  await writeFile(`${FIXTURES}/methods-survey-sample.xlsx`, pinZipTimes(xlsx));
}

// ---------------------------------------------------------------------------------------------------
// The pilot: 65 units invited, 56 answered (12 of them city districts) in 14 counties.

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

interface PilotUnit {
  /** Short key used in the method lists below. */
  key: string;
  /** As the Forms respondent picked it (the methods survey). */
  forms: string;
  /** As the Netigate export writes it (the activities survey). */
  netigate: string;
  /** As the documentation system writes it (the usage extract). */
  system: string;
  county: string;
  /** 1 small, 2 medium, 3 large: scales the monthly counts. */
  size: 1 | 2 | 3;
}

function unit(key: string, forms: string, netigate: string, system: string, county: string, size: 1 | 2 | 3): PilotUnit {
  return { key, forms, netigate, system, county, size };
}

function municipality(name: string, forms: string, county: string, size: 1 | 2 | 3): PilotUnit {
  return unit(name, forms, name, name, county, size);
}

const STHLM = (district: string, forms: string, size: 1 | 2 | 3) =>
  unit(district, forms, `Stockholm – ${district}`, `Stockholm ${district}`, '01', size);
const GBG = (district: string, size: 1 | 2 | 3) =>
  unit(`Göteborg ${district}`, `Göteborgs Stad Socialförvaltning ${district}`, `Göteborg ${district}`, `Göteborg ${district}`, '14', size);

const PILOT_UNITS: readonly PilotUnit[] = [
  // Stockholms län (01): eight districts of Stockholm and nine municipalities of the county.
  STHLM('Skarpnäck', 'Stockholms stad – Skarpnäcks stadsdelsförvaltning', 2),
  STHLM('Skärholmen', 'Skärholmens sdf', 2),
  STHLM('Enskede-Årsta-Vantör', 'Enskede-Årsta-Vantörs stadsdelsförvaltning', 3),
  STHLM('Rinkeby-Kista', 'Rinkeby-Kista stadsdelsförvaltning', 2),
  STHLM('Spånga-Tensta', 'Spånga-Tensta sdf', 2),
  STHLM('Farsta', 'Stockholms stad – Farsta stadsdelsförvaltning', 2),
  STHLM('Hässelby-Vällingby', 'Hässelby-Vällingby stadsdelsförvaltning', 2),
  STHLM('Södermalm', 'Södermalms stadsdelsförvaltning', 3),
  municipality('Huddinge', 'Huddinge kommun', '01', 3),
  municipality('Botkyrka', 'Botkyrka kommun', '01', 3),
  municipality('Haninge', 'Haninge kommun', '01', 2),
  municipality('Järfälla', 'Järfälla kommun', '01', 2),
  municipality('Nacka', 'Nacka kommun', '01', 3),
  municipality('Södertälje', 'Södertälje kommun', '01', 3),
  municipality('Sollentuna', 'Sollentuna kommun', '01', 2),
  municipality('Norrtälje', 'Norrtälje kommun', '01', 2),
  municipality('Upplands Väsby', 'Upplands Väsby kommun', '01', 2),
  // Uppsala län (03)
  municipality('Enköping', 'Enköpings kommun', '03', 2),
  municipality('Tierp', 'Tierps kommun', '03', 1),
  // Jönköpings län (06)
  municipality('Jönköping', 'Jönköpings kommun', '06', 3),
  municipality('Värnamo', 'Värnamo kommun', '06', 1),
  // Kalmar län (08)
  municipality('Mörbylånga', 'Mörbylånga kommun', '08', 1),
  municipality('Kalmar', 'Kalmar kommun', '08', 2),
  municipality('Nybro', 'Nybro kommun', '08', 1),
  // Skåne län (12)
  municipality('Helsingborg', 'Helsingborgs stad', '12', 3),
  municipality('Landskrona', 'Landskrona stad', '12', 2),
  municipality('Trelleborg', 'Trelleborgs kommun', '12', 2),
  // Västra Götalands län (14): four districts of Göteborg and three municipalities.
  GBG('Nordost', 3),
  GBG('Centrum', 2),
  GBG('Sydväst', 2),
  GBG('Hisingen', 3),
  municipality('Borås', 'Borås Stad', '14', 3),
  municipality('Trollhättan', 'Trollhättans stad', '14', 2),
  municipality('Alingsås', 'Alingsås kommun', '14', 2),
  // Värmlands län (17)
  municipality('Karlstad', 'Karlstads kommun', '17', 3),
  municipality('Arvika', 'Arvika kommun', '17', 1),
  // Örebro län (18)
  municipality('Örebro', 'Örebro kommun', '18', 3),
  municipality('Karlskoga', 'Karlskoga kommun', '18', 2),
  municipality('Kumla', 'Kumla kommun', '18', 1),
  // Västmanlands län (19)
  municipality('Västerås', 'Västerås stad', '19', 3),
  municipality('Köping', 'Köpings kommun', '19', 1),
  municipality('Sala', 'Sala kommun', '19', 1),
  // Dalarnas län (20)
  municipality('Falun', 'Falu kommun', '20', 2),
  municipality('Borlänge', 'Borlänge kommun', '20', 2),
  municipality('Ludvika', 'Ludvika kommun', '20', 1),
  municipality('Avesta', 'Avesta kommun', '20', 1),
  municipality('Mora', 'Mora kommun', '20', 1),
  municipality('Leksand', 'Leksands kommun', '20', 1),
  municipality('Hedemora', 'Hedemora kommun', '20', 1),
  // Gävleborgs län (21)
  municipality('Gävle', 'Gävle kommun', '21', 3),
  municipality('Sandviken', 'Sandvikens kommun', '21', 2),
  municipality('Hudiksvall', 'Hudiksvalls kommun', '21', 1),
  // Jämtlands län (23), Västerbottens län (24), Norrbottens län (25)
  municipality('Östersund', 'Östersunds kommun', '23', 2),
  municipality('Umeå', 'Umeå kommun', '24', 3),
  municipality('Skellefteå', 'Skellefteå kommun', '24', 2),
  municipality('Gällivare', 'Gällivare kommun', '25', 1),
];

const N = PILOT_UNITS.length; // 56

/**
 * Who used what in 2022/23, by catalogue id, with the count each list must have: the report's shares
 * of 56 (FFT 23/56 = 41 %, KOMET 19/56 = 34 % …). Hand-made so a county's or a unit type's figures
 * can be counted by hand; the generator refuses to write a list of the wrong length.
 */
const USED: Readonly<Record<string, { count: number; units: readonly string[] }>> = {
  // Every Stockholm district has KOMET: the city provides it (Skarpnäck's answer, seed 002).
  komet: {
    count: 19,
    units: [
      'Skarpnäck', 'Skärholmen', 'Enskede-Årsta-Vantör', 'Rinkeby-Kista', 'Spånga-Tensta', 'Farsta', 'Hässelby-Vällingby', 'Södermalm',
      'Huddinge', 'Botkyrka', 'Haninge', 'Järfälla', 'Sollentuna', 'Västerås', 'Falun', 'Borlänge', 'Örebro', 'Östersund', 'Gävle',
    ],
  },
  cope: { count: 1, units: ['Karlstad'] },
  'de-otroliga-aren': { count: 2, units: ['Umeå', 'Helsingborg'] },
  // BSFT through Framtid Stockholm (seed 002).
  bsft: { count: 2, units: ['Skarpnäck', 'Rinkeby-Kista'] },
  fft: {
    count: 23,
    units: [
      'Västerås', 'Falun', 'Huddinge', 'Enskede-Årsta-Vantör', 'Botkyrka', 'Haninge', 'Nacka', 'Södertälje', 'Örebro', 'Karlskoga',
      'Jönköping', 'Helsingborg', 'Borås', 'Trollhättan', 'Göteborg Centrum', 'Göteborg Sydväst', 'Gävle', 'Sandviken', 'Umeå',
      'Skellefteå', 'Karlstad', 'Kalmar', 'Enköping',
    ],
  },
  mdft: { count: 1, units: ['Göteborg Nordost'] },
  mst: { count: 8, units: ['Västerås', 'Huddinge', 'Enskede-Årsta-Vantör', 'Hässelby-Vällingby', 'Göteborg Hisingen', 'Örebro', 'Jönköping', 'Umeå'] },
  tfco: { count: 9, units: ['Västerås', 'Huddinge', 'Botkyrka', 'Södertälje', 'Göteborg Nordost', 'Helsingborg', 'Örebro', 'Falun', 'Gävle'] },
  'kbt-individual': {
    count: 16,
    units: [
      'Farsta', 'Södermalm', 'Spånga-Tensta', 'Nacka', 'Järfälla', 'Sollentuna', 'Norrtälje', 'Upplands Väsby', 'Mora', 'Leksand',
      'Ludvika', 'Avesta', 'Hedemora', 'Tierp', 'Värnamo', 'Nybro',
    ],
  },
  'stodsamtal-ungdom': { count: 52, units: allBut(['Tierp', 'Arvika', 'Kumla', 'Gällivare']) },
  'stodsamtal-foralder': { count: 51, units: allBut(['Tierp', 'Arvika', 'Gällivare', 'Sala', 'Leksand']) },
  familjebehandling: {
    count: 47,
    units: allBut(['Nacka', 'Huddinge', 'Västerås', 'Örebro', 'Umeå', 'Helsingborg', 'Jönköping', 'Göteborg Centrum', 'Södermalm']),
  },
  kontaktperson: {
    count: 45,
    units: allBut([
      'Skarpnäck', 'Farsta', 'Nacka', 'Sollentuna', 'Göteborg Nordost', 'Göteborg Centrum', 'Borås', 'Karlstad', 'Umeå', 'Helsingborg', 'Mora',
    ]),
  },
  mi: {
    count: 38,
    units: allBut([
      'Skärholmen', 'Spånga-Tensta', 'Haninge', 'Norrtälje', 'Tierp', 'Värnamo', 'Mörbylånga', 'Nybro', 'Landskrona', 'Trollhättan',
      'Arvika', 'Kumla', 'Köping', 'Sala', 'Avesta', 'Hedemora', 'Hudiksvall', 'Gällivare',
    ]),
  },
  // Tools. Erador (ERASOR) is the most common, as the report found and wondered at; several units use two
  // or three tools, so the cells hold many different combinations, as real answers do.
  erasor: {
    count: 16,
    units: [
      'Huddinge', 'Jönköping', 'Gävle', 'Umeå', 'Kalmar', 'Trelleborg', 'Sala', 'Alingsås', 'Arvika', 'Kumla', 'Hudiksvall',
      'Gällivare', 'Borlänge', 'Ludvika', 'Mora', 'Köping',
    ],
  },
  savry: {
    count: 12,
    units: ['Västerås', 'Falun', 'Örebro', 'Huddinge', 'Jönköping', 'Gävle', 'Helsingborg', 'Botkyrka', 'Södertälje', 'Haninge', 'Karlstad', 'Östersund'],
  },
  // Enskede-Årsta-Vantör had used EARL for a couple of years; SAVRY only from 2024 (the city audit).
  earl: { count: 8, units: ['Västerås', 'Falun', 'Örebro', 'Huddinge', 'Umeå', 'Enskede-Årsta-Vantör', 'Farsta', 'Södermalm'] },
  ester: { count: 6, units: ['Kalmar', 'Trelleborg', 'Helsingborg', 'Mörbylånga', 'Nybro', 'Landskrona'] },
};

function allBut(excluded: readonly string[]): string[] {
  return PILOT_UNITS.map((u) => u.key).filter((key) => !excluded.includes(key));
}

/** The survey's options, in the form's order: the catalogue's Swedish names, Erador as the report spells it. */
const INTERVENTION_OPTIONS: readonly [string, string][] = [
  ['komet', 'KOMET'],
  ['cope', 'COPE'],
  ['de-otroliga-aren', 'De otroliga åren'],
  ['triple-p', 'Triple P'],
  ['coping-power', 'Coping Power Program'],
  ['dina', 'Dina-programmet'],
  ['snap', 'SNAP'],
  ['bsft', 'BSFT'],
  ['fft', 'FFT'],
  ['mdft', 'MDFT'],
  ['mst', 'MST'],
  ['tfco', 'TFCO'],
  ['kbt-individual', 'Individuell strukturerad KBT'],
  ['scared-straight', 'Scared Straight'],
  ['stodsamtal-ungdom', 'Stödsamtal till ungdomar'],
  ['stodsamtal-foralder', 'Stödsamtal till föräldrar'],
  ['familjebehandling', 'Ospecificerad familjebehandling'],
  ['kontaktperson', 'Kontaktperson/kontaktfamilj'],
  ['mi', 'Motiverande samtal'],
];
const TOOL_OPTIONS: readonly [string, string][] = [
  ['savry', 'SAVRY'],
  ['earl', 'EARL'],
  ['ester', 'ESTER'],
  ['yls-cmi', 'YLS/CMI'],
  ['erasor', 'Erador'],
];

const uses = (u: PilotUnit, id: string) => USED[id]?.units.includes(u.key) ?? false;

// --- Scale questions: the exact number of units giving each answer, highest step first. ----------

/** One question: its header, and how many units give each answer (in the order listed); the rest leave it blank. */
interface ScaleQuestion {
  header: string;
  answers: readonly [answer: string, count: number][];
  /** Units that left the question blank or did not take part come from this pool first (shared pools keep the answers consistent). */
  absentPool?: string;
}

const SATISFACTION = ['Mycket nöjd', 'Ganska nöjd', 'Varken nöjd eller missnöjd', 'Ganska missnöjd', 'Mycket missnöjd'] as const;
const EXTENT = ['I mycket hög utsträckning', 'I ganska hög utsträckning', 'I ganska låg utsträckning', 'I mycket låg utsträckning'] as const;
const FREQUENCY = ['Alltid', 'Oftast', 'Ibland', 'I enstaka fall eller aldrig'] as const;
const NOT_PART = 'Har inte deltagit';

function scale(steps: readonly string[], counts: readonly number[], extra: [string, number][] = []): [string, number][] {
  return [...steps.map((step, i): [string, number] => [step, counts[i]!]), ...extra];
}

// Satisfaction: "ganska eller mycket nöjda" = the first two counts over the rated answers.
//   introduction 37/52 = 71 %, RBM lecture 46/53 = 87 %, workshops 36/51 = 71 %, method representatives
//   34/52 = 65 %, inter-municipal agreements 15/38 = 39 % (38 of 56 took part, about 2/3), the pilot 40/55 = 73 %.
// Extent: "i mycket eller ganska hög utsträckning" = the first two counts over the rated answers.
//   purpose achieved 41/53 = 77 %, understanding 26/53 = 49 %, reusable 45/54 = 83 %, conditions 25/54 = 46 %,
//   target group's needs 36/54 = 67 %, inter-municipal agreements 22/54 = 41 %.
// Prior knowledge of RBM, over all 56 answers: most staff 9 = 16 %, a few 32 = 57 %, not at all 14 = 25 %, 1 "Vet ej".
const ACTIVITY_QUESTIONS: readonly ScaleQuestion[] = [
  {
    header: 'Hur nöjd är du med aktiviteten Introduktion till samverkanspiloten och kunskapsstödet?',
    answers: scale(SATISFACTION, [15, 22, 10, 4, 1], [[NOT_PART, 4]]),
  },
  {
    header: 'Hur nöjd är du med föreläsningen om risk, behov och mottaglighet (RBM-dagen)?',
    answers: scale(SATISFACTION, [24, 22, 5, 2, 0], [[NOT_PART, 3]]),
    absentPool: 'rbm',
  },
  { header: 'Hur nöjd är du med de regionala workshopparna?', answers: scale(SATISFACTION, [12, 24, 10, 4, 1], [[NOT_PART, 5]]) },
  { header: 'Hur nöjd är du med aktiviteten Samla metodföreträdare?', answers: scale(SATISFACTION, [10, 24, 12, 5, 1], [[NOT_PART, 4]]) },
  {
    header: 'Hur nöjd är du med aktiviteten Introduktion till avtalssamverkan och andra samverkansformer?',
    answers: scale(SATISFACTION, [4, 11, 14, 6, 3], [[NOT_PART, 18]]),
  },
  { header: 'Hur nöjd är du med samverkanspiloten i sin helhet?', answers: scale(SATISFACTION, [13, 27, 11, 3, 1]), absentPool: 'late' },
  {
    header: 'I vilken utsträckning uppnåddes syftet med RBM-dagen, att beskriva RBM-modellen och hur den kan tillämpas i socialtjänstens arbete?',
    answers: scale(EXTENT, [15, 26, 10, 2], [[NOT_PART, 3]]),
    absentPool: 'rbm',
  },
  {
    header: 'I vilken utsträckning ökade RBM-dagen deltagarnas förståelse av vad som behöver utvecklas för att kunskapsstödet ska kunna implementeras lokalt?',
    answers: scale(EXTENT, [6, 20, 22, 5], [[NOT_PART, 3]]),
    absentPool: 'rbm',
  },
  {
    header: 'I vilken utsträckning kan samverkanspilotens koncept användas för spridning och implementering av andra kunskapsstöd?',
    answers: scale(EXTENT, [16, 29, 7, 2]),
    absentPool: 'late',
  },
  {
    header: 'I vilken utsträckning har samverkanspilotens koncept skapat förutsättningar att omsätta kunskapen i kunskapsstödet i praktiken?',
    answers: scale(EXTENT, [5, 20, 23, 6]),
    absentPool: 'late',
  },
  {
    header: 'I vilken utsträckning har konceptet medfört ökad kunskap om målgruppens behov och vilka rekommenderade insatser som finns för målgruppen?',
    answers: scale(EXTENT, [9, 27, 15, 3]),
    absentPool: 'late',
  },
  {
    header: 'I vilken utsträckning har samverkanspiloten medfört ökade kunskaper om hur kommunen kan föra in de rekommenderade insatserna via avtalssamverkan eller andra samverkansformer?',
    answers: scale(EXTENT, [4, 18, 24, 8]),
    absentPool: 'late',
  },
  {
    // The report's own words for the steps ("merparten av personalen", "enstaka ur personalen").
    header: 'Kände personalen till RBM-modellen innan samverkanspiloten?',
    answers: [
      ['Ja, merparten av personalen', 9],
      ['Ja, enstaka ur personalen', 32],
      ['Nej, inte alls', 14],
      ['Vet ej', 1],
    ],
  },
];

// Frequency, "alltid eller oftast" over the units that answered (some left these blank):
//   standardised tool in investigations 6/51 = 12 %; risk factors always 3/53 = 6 %, in single cases or
//   never 18/53 = 34 %; scientifically evaluated interventions always or mostly 15/54 = 28 %.
const FREQUENCY_QUESTIONS: readonly ScaleQuestion[] = [
  {
    header:
      'Hur ofta tar ni stöd av standardiserade risk- och behovsbedömningsmetoder i utredningar för att bedöma barns risk för fortsatt normbrytande beteende/kriminalitet?',
    answers: scale(FREQUENCY, [1, 5, 17, 28]),
    absentPool: 'frequency',
  },
  {
    header: 'Gör ni en bedömning av vilka riskfaktorer som påverkar och driver det enskilda barnets normbrytande beteende och/eller kriminalitet?',
    answers: scale(FREQUENCY, [3, 15, 17, 18]),
    absentPool: 'frequency',
  },
  {
    header: 'Erbjuder ni målgruppen vetenskapligt utvärderade insatser som bygger på social inlärningsteori och KBT?',
    answers: scale(FREQUENCY, [4, 11, 21, 18]),
    absentPool: 'frequency',
  },
];

/**
 * Each unit's answer to each question, or null (blank). Units absent from a question (blank or not
 * taking part) are drawn first from a shared pool, so the same units skip every RBM-day question.
 */
function assignAnswers(questions: readonly ScaleQuestion[], seed: number): (string | null)[][] {
  const random = prng(seed);
  const small = PILOT_UNITS.map((u, i) => ({ i, weight: u.size + random() * 1.5 }))
    .sort((a, b) => a.weight - b.weight)
    .map((x) => x.i);
  const pools = new Map<string, number[]>();
  const table: (string | null)[][] = PILOT_UNITS.map(() => questions.map(() => null));
  questions.forEach((q, col) => {
    const answered = q.answers.reduce((sum, [answer, count]) => sum + (answer === NOT_PART ? 0 : count), 0);
    const notTakingPart = q.answers.find(([answer]) => answer === NOT_PART)?.[1] ?? 0;
    const absent = N - answered;
    if (absent < 0) throw new Error(`${q.header}: more answers than units`);
    // The absent: the pool's units first (smaller units are likelier to skip), then other small units.
    const pool = q.absentPool ? (pools.get(q.absentPool) ?? []) : [];
    const others = shuffled(small.slice(0, 24), random).filter((i) => !pool.includes(i));
    const absentUnits = [...pool, ...others].slice(0, absent);
    if (q.absentPool && absentUnits.length > pool.length) pools.set(q.absentPool, absentUnits);
    // Of the absent, the first answer "Har inte deltagit"; the rest leave the question blank.
    absentUnits.forEach((i, k) => (table[i]![col] = k < notTakingPart ? NOT_PART : null));
    const present = shuffled(
      PILOT_UNITS.map((_, i) => i).filter((i) => !absentUnits.includes(i)),
      random,
    );
    let next = 0;
    for (const [answer, count] of q.answers) {
      if (answer === NOT_PART) continue;
      for (let k = 0; k < count; k++) table[present[next++]!]![col] = answer;
    }
    if (next !== present.length) throw new Error(`${q.header}: ${present.length} units present, ${next} answers`);
  });
  return table;
}

function checkScale(question: ScaleQuestion): void {
  const values = question.answers.map(([answer]) => answer);
  if (likertScaleOf(values) === null) throw new Error(`likert.ts does not recognise the answers of: ${question.header}`);
}

// --- Checks: every name the samples write must match what it is meant to. ------------------------

function checkUnit(name: string, key: string): void {
  const match = matchUnit(name);
  if (match.status !== 'matched') throw new Error(`unit "${name}" (${key}) is ${match.status} in the register`);
}

function checkMethod(name: string, id: string): void {
  const found = matchMethod(name);
  if (found !== id) throw new Error(`method "${name}" matches ${found ?? 'nothing'}, not ${id}`);
}

function checkCounts(): void {
  const keys = new Set(PILOT_UNITS.map((u) => u.key));
  if (keys.size !== 56) throw new Error(`${keys.size} pilot units, not 56`);
  for (const [id, { count, units }] of Object.entries(USED)) {
    if (units.length !== count || new Set(units).size !== count) throw new Error(`${id}: ${units.length} units listed, ${count} wanted`);
    const unknown = units.filter((key) => !keys.has(key));
    if (unknown.length > 0) throw new Error(`${id}: unknown units ${unknown.join(', ')}`);
  }
  for (const u of PILOT_UNITS) {
    for (const name of [u.forms, u.netigate, u.system]) checkUnit(name, u.key);
    // Every unit reports at least one tracked method or tool, so it appears in the usage extract too.
    if (![...TRACKED.keys()].some((id) => uses(u, id))) throw new Error(`${u.key} uses no tracked method`);
  }
  const counties = new Set(PILOT_UNITS.map((u) => u.county));
  if (counties.size !== 14) throw new Error(`${counties.size} counties, not 14`);
}

// --- 1. The methods survey: Microsoft Forms, one row per responding unit. ----------------------------

async function writeMethodsSurvey(): Promise<void> {
  const random = prng(2023);
  for (const [id, name] of [...INTERVENTION_OPTIONS, ...TOOL_OPTIONS]) checkMethod(name, id);
  FREQUENCY_QUESTIONS.forEach(checkScale);
  const frequency = assignAnswers(FREQUENCY_QUESTIONS, 17);
  // Answers arrive in the order the contacts filled the form in: 4 September to 13 October 2023.
  const order = shuffled(
    PILOT_UNITS.map((_, i) => i),
    random,
  );
  const units = order.map((i) => ({ u: PILOT_UNITS[i]!, answers: frequency[i]!, uses: (id: string) => uses(PILOT_UNITS[i]!, id) }));
  await writeFormsMethodsSurvey(`${SAMPLES}/pilot-methods-survey-2023.xlsx`, '2022/23', units, random, Date.UTC(2023, 8, 4, 7, 30));
}

/**
 * The methods survey as Microsoft Forms exports it: a row per unit in the order given (the order they
 * answered in), each answered some hours after the one before from `clock` on (the times drawn from
 * `random`), its interventions and tools ticked as `uses` says, its frequency answers as given.
 */
async function writeFormsMethodsSurvey(
  file: string,
  period: string,
  units: readonly { u: PilotUnit; answers: readonly (string | null)[]; uses: (id: string) => boolean }[],
  random: () => number,
  clock: number,
): Promise<void> {
  const unitQuestion = 'Vilken kommun eller stadsdelsförvaltning svarar du för?';
  const interventions = `Vilka av följande öppenvårdsinsatser har ni använt för barn 6–17 år med normbrytande beteende eller kriminalitet under ${period}?`;
  const tools = `Vilka standardiserade bedömningsmetoder har ni använt för barn 6–17 år med normbrytande beteende eller kriminalitet under ${period}?`;
  const header = ['ID', 'Starttid', 'Slutförandetid', 'E-post', 'Namn', unitQuestion, interventions, tools, ...FREQUENCY_QUESTIONS.map((q) => q.header)];
  const rows = units.map(({ u, answers, uses: isUsing }, row) => {
    clock += Math.floor((0.4 + random() * 1.4) * 15 * 3600_000);
    const started = new Date(clock - (clock % 60_000));
    const finished = new Date(started.getTime() + Math.floor(6 + random() * 25) * 60_000);
    const chosen = (options: readonly [string, string][]) =>
      options
        .filter(([id]) => isUsing(id))
        .map(([, name]) => `${name};`)
        .join('');
    const toolCell = chosen(TOOL_OPTIONS);
    return [
      { value: row + 1 },
      { value: started, format: 'yyyy-mm-dd hh:mm:ss' },
      { value: finished, format: 'yyyy-mm-dd hh:mm:ss' },
      { value: 'anonymous' },
      null,
      { value: u.forms },
      { value: chosen(INTERVENTION_OPTIONS) },
      toolCell === '' ? null : { value: toolCell },
      ...answers.map((answer) => (answer === null ? null : { value: answer })),
    ];
  });
  const sheet: SheetData = [header.map((value) => ({ value, fontWeight: 'bold' as const })), ...rows];
  const xlsx = await writeExcelFile(sheet, { sheet: 'Form1' }).toBuffer();
  await writeFile(file, pinZipTimes(xlsx));
}

// --- 1b. The methods survey's second wave, 2024: the same Forms questionnaire a year later. -----------

/**
 * What changed between the waves, so the change view and its tests can be counted by hand: units that did
 * not answer in 2024, units answering for the first time (with what they use), and among the units that
 * answered both years (the panel, 52) those that started and stopped each method.
 */
const WAVE_2024 = {
  gone: ['Tierp', 'Arvika', 'Gällivare', 'Köping'],
  added: [
    { unit: municipality('Sundsvall', 'Sundsvalls kommun', '22', 2), uses: ['fft', 'komet', 'mi', 'stodsamtal-ungdom', 'stodsamtal-foralder', 'familjebehandling', 'kontaktperson', 'savry'] },
    { unit: municipality('Linköping', 'Linköpings kommun', '05', 3), uses: ['fft', 'mst', 'tfco', 'kbt-individual', 'stodsamtal-ungdom', 'stodsamtal-foralder', 'savry', 'earl'] },
    { unit: municipality('Uppsala', 'Uppsala kommun', '03', 3), uses: ['komet', 'kbt-individual', 'stodsamtal-ungdom', 'stodsamtal-foralder', 'mi', 'erasor'] },
  ],
  started: {
    fft: ['Borlänge', 'Östersund', 'Norrtälje', 'Göteborg Hisingen'],
    komet: ['Nacka', 'Södertälje', 'Göteborg Nordost'],
    // The Stockholm audit's districts moving to SAVRY.
    savry: ['Enskede-Årsta-Vantör', 'Farsta', 'Södermalm', 'Skarpnäck', 'Borås'],
    mst: ['Falun'],
    tfco: ['Jönköping'],
  },
  stopped: {
    komet: ['Sollentuna'],
    mst: ['Hässelby-Vällingby'],
    erasor: ['Kalmar', 'Trelleborg'],
    earl: ['Farsta'],
    'kbt-individual': ['Mora'],
  },
} as const satisfies {
  gone: readonly string[];
  added: readonly { unit: PilotUnit; uses: readonly string[] }[];
  started: Readonly<Record<string, readonly string[]>>;
  stopped: Readonly<Record<string, readonly string[]>>;
};

/** Whether a unit of the 2024 wave uses a method: its 2023 use, changed as WAVE_2024 says (new units: their own list). */
function uses2024(key: string, id: string): boolean {
  const added = WAVE_2024.added.find((a) => a.unit.key === key);
  if (added) return (added.uses as readonly string[]).includes(id);
  const started = (WAVE_2024.started as Record<string, readonly string[]>)[id] ?? [];
  const stopped = (WAVE_2024.stopped as Record<string, readonly string[]>)[id] ?? [];
  if (started.includes(key)) return true;
  if (stopped.includes(key)) return false;
  return USED[id]?.units.includes(key) ?? false;
}

function checkWave2024(): void {
  const keys = new Set(PILOT_UNITS.map((u) => u.key));
  for (const key of WAVE_2024.gone) if (!keys.has(key)) throw new Error(`2024: unknown unit ${key} gone`);
  for (const { unit: u } of WAVE_2024.added) {
    if (keys.has(u.key)) throw new Error(`2024: ${u.key} is not new`);
    checkUnit(u.forms, u.key);
  }
  for (const [id, units] of Object.entries(WAVE_2024.started)) {
    for (const key of units) if (!keys.has(key) || (WAVE_2024.gone as readonly string[]).includes(key) || uses(PILOT_UNITS.find((u) => u.key === key)!, id)) throw new Error(`2024: ${key} cannot start ${id}`);
  }
  for (const [id, units] of Object.entries(WAVE_2024.stopped)) {
    for (const key of units) if (!keys.has(key) || !uses(PILOT_UNITS.find((u) => u.key === key)!, id)) throw new Error(`2024: ${key} cannot stop ${id}`);
  }
}

async function writeMethodsSurvey2024(): Promise<void> {
  checkWave2024();
  const random = prng(2024);
  // The frequency questions as in 2023: the panel's answers kept, the new units answering "Oftast".
  const frequency = assignAnswers(FREQUENCY_QUESTIONS, 17);
  const units = [
    ...PILOT_UNITS.map((u, i) => ({ u, answers: frequency[i]! })).filter(({ u }) => !(WAVE_2024.gone as readonly string[]).includes(u.key)),
    ...WAVE_2024.added.map(({ unit: u }) => ({ u, answers: FREQUENCY_QUESTIONS.map(() => 'Oftast') as (string | null)[] })),
  ];
  // Answers from 2 September to 18 October 2024.
  const answered = shuffled(units, random).map(({ u, answers }) => ({ u, answers, uses: (id: string) => uses2024(u.key, id) }));
  await writeFormsMethodsSurvey(`${SAMPLES}/pilot-methods-survey-2024.xlsx`, '2023/24', answered, random, Date.UTC(2024, 8, 2, 7, 30));
}

// --- 2. The activities survey: Netigate-style CSV (semicolon, Windows-1252, CRLF). ---------------------

function csvCell(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function writeActivitiesSurvey(): Promise<void> {
  const random = prng(1152);
  ACTIVITY_QUESTIONS.forEach(checkScale);
  for (const q of ACTIVITY_QUESTIONS) {
    for (const [answer] of q.answers) {
      if (likertStep(answer) === null && answer !== NOT_PART && answer !== 'Vet ej') throw new Error(`not on a scale: ${answer}`);
    }
  }
  const answers = assignAnswers(ACTIVITY_QUESTIONS, 4711);
  const header = ['Respondent', 'Inskickad', 'Kommun/stadsdel', ...ACTIVITY_QUESTIONS.map((q) => q.header)];
  let clock = Date.UTC(2023, 10, 20, 8, 0);
  const lines = PILOT_UNITS.map((u, i) => {
    clock += Math.floor((0.5 + random()) * 9 * 3600_000);
    const at = new Date(clock).toISOString().slice(0, 16).replace('T', ' ');
    return [String(1001 + i), at, u.netigate, ...answers[i]!.map((a) => a ?? '')].map(csvCell).join(';');
  });
  await writeFile(
    `${SAMPLES}/pilot-activities-survey-2023.csv`,
    encodeWindows1252([header.map(csvCell).join(';'), ...lines].join('\r\n') + '\r\n'),
  );
}

// --- 3. The usage extract: one row per unit × month × method, from the documentation systems. ----------

/** The methods the extract follows, with the spellings documentation systems use for them. */
const TRACKED = new Map<string, readonly string[]>([
  ['komet', ['KOMET', 'Komet', 'KOMET 12-18', 'Kommunikationsmetoden KOMET']],
  ['cope', ['COPE']],
  ['de-otroliga-aren', ['De otroliga åren']],
  ['bsft', ['BSFT']],
  ['fft', ['FFT', 'Funktionell familjeterapi (FFT)', 'Funktionell familjeterapi']],
  ['mdft', ['MDFT']],
  ['mst', ['MST', 'MST-team', 'Multisystemisk terapi (MST)']],
  ['tfco', ['TFCO', 'Treatment Foster Care Oregon (TFCO)']],
  ['kbt-individual', ['Strukturerad individuell KBT', 'Individuell KBT']],
  ['erasor', ['ERASOR', 'Erador']],
  ['savry', ['SAVRY', 'Savry']],
  ['earl', ['EARL', 'EARL-20B/21G']],
  ['ester', ['ESTER', 'ESTER-bedömning']],
]);
const TOOLS = new Set(['erasor', 'savry', 'earl', 'ester']);
/** Named in the knowledge support, used by no unit: every unit reports 0 for them in the first month. */
const NEVER_USED: readonly [string, string][] = [
  ['triple-p', 'Triple P'],
  ['coping-power', 'Coping Power Program'],
  ['dina', 'Dina-programmet'],
  ['snap', 'SNAP'],
  ['yls-cmi', 'YLS/CMI'],
];
/** A local method outside the catalogue, left unmatched on purpose: the mapping view must list it. */
const LOCAL_METHOD = 'Sociala insatsgrupper (SIG)';
const LOCAL_METHOD_UNITS = ['Enskede-Årsta-Vantör', 'Skärholmen', 'Rinkeby-Kista'];

const MONTHS = Array.from({ length: 36 }, (_, i) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
/** The survey asks about 2022/23: a unit that ticked a method started it by June 2023 (month index 17). */
const LAST_START = 17;

function poisson(mean: number, random: () => number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

async function writeUsage(): Promise<number> {
  const random = prng(36);
  for (const [id, spellings] of TRACKED) for (const s of spellings) checkMethod(s, id);
  for (const [id, name] of NEVER_USED) checkMethod(name, id);
  checkMethod('RePULSE', 'kbt-individual');
  if (matchMethod(LOCAL_METHOD) !== null) throw new Error(`${LOCAL_METHOD} is meant to be unknown`);

  const rows: [string, string, string, number][] = [];
  for (const u of PILOT_UNITS) {
    for (const [id, spellings] of TRACKED) {
      if (!uses(u, id)) continue;
      // Each unit's system has its own spelling; Stockholm's districts register individual CBT as RePULSE.
      const name = id === 'kbt-individual' && u.system.startsWith('Stockholm ') ? 'RePULSE' : pick(spellings, random);
      const start = random() < 0.45 ? 0 : 1 + Math.floor(random() * LAST_START);
      const factor = id === 'komet' ? 1.6 : id === 'tfco' || id === 'mdft' || id === 'cope' ? 0.35 : 1;
      const level = (u.size === 1 ? 1.2 : u.size === 2 ? 2.6 : 5) * factor;
      for (let m = start; m < MONTHS.length; m++) {
        // Adoption grows: more children each month after the start, with some noise.
        const grown = level * (0.55 + (0.9 * (m - start)) / (MONTHS.length - start));
        let count = TOOLS.has(id) ? poisson(grown * 0.6, random) : Math.max(0, Math.round(grown + (random() - 0.5) * 2.2));
        if (m === start) count = Math.max(1, count);
        // Tools: the assessments made that month, listed only when there were any. Interventions:
        // children with the intervention ongoing, a row every month once it has started (0 between cases).
        if (TOOLS.has(id) && count === 0) continue;
        rows.push([u.system, MONTHS[m]!, name, count]);
      }
    }
    if (LOCAL_METHOD_UNITS.includes(u.key)) {
      for (let m = 6; m < MONTHS.length; m++) rows.push([u.system, MONTHS[m]!, LOCAL_METHOD, 2 + Math.floor(random() * 5)]);
    }
    for (const [, name] of NEVER_USED) rows.push([u.system, MONTHS[0]!, name, 0]);
  }
  // The extract is sorted as the system writes it: by period, then unit, then method.
  rows.sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0], 'sv') || a[2].localeCompare(b[2], 'sv'));
  const lines = ['Enhet;Period;Insats;Antal', ...rows.map((r) => r.join(';'))];
  // UTF-8 with BOM, CRLF: Excel's "CSV UTF-8".
  await writeFile(`${SAMPLES}/usage-2022-2024.csv`, `\uFEFF${lines.join('\r\n')}\r\n`);
  return rows.length;
}

// --- 4. Training per Stockholm district: staff in post and trained per tool (the city audit, 2024). -----

// Enskede-Årsta-Vantör (51 staff, 23 EARL, 17 SAVRY) and Skärholmen (32 staff, 8 SAVRY, 8 EARL) are the
// audit's own figures; the other districts and every ADAD count are invented, within the city-wide totals
// (148 trained in SAVRY, 138 in EARL 2020–24, 86 in ADAD 2022–24).
const TRAINING: readonly [district: string, staff: number, savry: number, earl: number, adad: number][] = [
  ['Enskede-Årsta-Vantör', 51, 17, 23, 9],
  ['Farsta', 30, 11, 12, 6],
  ['Hässelby-Vällingby', 36, 14, 10, 7],
  ['Rinkeby-Kista', 38, 12, 9, 8],
  ['Skarpnäck', 28, 9, 7, 5],
  ['Skärholmen', 32, 8, 8, 4],
  ['Spånga-Tensta', 27, 7, 6, 4],
  ['Södermalm', 41, 18, 15, 10],
];

async function writeTraining(): Promise<void> {
  for (const [district] of TRAINING) checkUnit(district, district);
  const lines = ['Stadsdel;Instrument;Antal utbildade;Antal socialsekreterare'];
  for (const [district, staff, savry, earl, adad] of TRAINING) {
    lines.push(`${district};SAVRY;${savry};${staff}`, `${district};EARL;${earl};${staff}`, `${district};ADAD;${adad};${staff}`);
  }
  // Hand-made sheets end with totals: they must never count as a unit.
  const sum = (pickCount: (row: (typeof TRAINING)[number]) => number) => TRAINING.reduce((total, row) => total + pickCount(row), 0);
  const staff = sum((t) => t[1]);
  lines.push(`Totalt;SAVRY;${sum((t) => t[2])};${staff}`, `Totalt;EARL;${sum((t) => t[3])};${staff}`, `Totalt;ADAD;${sum((t) => t[4])};${staff}`);
  await writeFile(`${SAMPLES}/assessment-training-2024.csv`, `\uFEFF${lines.join('\r\n')}\r\n`);
}

await mkdir(FIXTURES, { recursive: true });
await writeShellCsv();
await writeShellXlsx();
checkCounts();
await writeMethodsSurvey();
await writeMethodsSurvey2024();
await writeActivitiesSurvey();
const usageRows = await writeUsage();
await writeTraining();
console.log(`Wrote ${SAMPLES}/ (usage extract: ${usageRows} rows) and ${FIXTURES}/.`);
