import { describe, expect, it } from 'vitest';
import {
  METHODS,
  RECOMMENDATION_IDS,
  RECOMMENDATIONS,
  choiceSplitter,
  flagOptionName,
  headerOption,
  matchMethod,
  methodById,
  normaliseMethodName,
  splitMultiChoice,
} from '../../../renderer/src/domain/methods';

/** The method a column header names: its option part, matched as a cell is. */
function matchHeader(header: string, local?: ReadonlyMap<string, string>): string | null {
  const option = headerOption(header, local);
  return option === null ? null : matchMethod(option, local);
}

describe('the method catalogue', () => {
  it('has exactly the stable ids, interventions first, in order', () => {
    expect(METHODS.filter((m) => m.kind === 'intervention').map((m) => m.id)).toEqual([
      'komet', 'cope', 'de-otroliga-aren', 'triple-p', 'coping-power', 'dina', 'snap', 'bsft', 'fft', 'mdft', 'mst', 'tfco',
      'kbt-individual', 'scared-straight', 'stodsamtal-ungdom', 'stodsamtal-foralder', 'familjebehandling', 'kontaktperson', 'mi',
    ]);
    expect(METHODS.filter((m) => m.kind === 'tool').map((m) => m.id)).toEqual(['savry', 'earl', 'ester', 'yls-cmi', 'erasor', 'adad', 'irk', 'irisk']);
    expect(METHODS.findIndex((m) => m.kind === 'tool')).toBe(19);
  });

  it('gives every intervention a recommendation type and every tool "assessment"', () => {
    for (const m of METHODS) {
      if (m.kind === 'tool') expect(m.recommendation, m.id).toBe('assessment');
      else expect(m.recommendation, m.id).not.toBe('assessment');
    }
  });

  it('gives an intervention the age band of its recommendation type', () => {
    for (const m of METHODS.filter((x) => x.kind === 'intervention')) expect(m.ageBand, m.id).toBe(RECOMMENDATIONS[m.recommendation].ageBand);
    expect(methodById('savry')?.ageBand).toBe('12–18');
    expect(methodById('earl')?.ageBand).toBe('6–12');
  });

  it('names every recommendation type in Swedish and English, and no other', () => {
    expect(Object.keys(RECOMMENDATIONS)).toEqual([...RECOMMENDATION_IDS]);
    for (const id of RECOMMENDATION_IDS) {
      expect(RECOMMENDATIONS[id].name).toMatch(/\p{L}{4}/u);
      expect(RECOMMENDATIONS[id].nameEn).toMatch(/\p{L}{4}/u);
    }
    expect(RECOMMENDATIONS['parenting-programme'].name).toBe('Beteendebaserade föräldraskapsstödsprogram');
    expect(RECOMMENDATIONS['family-treatment'].ageBand).toBe('12–17');
  });

  it('has no spelling that names two methods', () => {
    const owner = new Map<string, string>();
    for (const m of METHODS) {
      for (const spelling of [m.name, m.nameEn, ...m.aliases]) {
        const key = normaliseMethodName(spelling);
        expect(key, spelling).not.toBe('');
        expect(owner.get(key) ?? m.id, `${spelling} (${m.id})`).toBe(m.id);
        owner.set(key, m.id);
      }
    }
  });

  it('matches each of its own names and aliases back to the method', () => {
    for (const m of METHODS) for (const spelling of [m.name, m.nameEn, ...m.aliases]) expect(matchMethod(spelling), spelling).toBe(m.id);
  });

  it('looks methods up by id', () => {
    expect(methodById('fft')?.name).toBe('FFT');
    expect(methodById('nope')).toBeUndefined();
  });
});

describe('matchMethod', () => {
  it.each([
    ['Komet', 'komet'],
    ['KOMET', 'komet'],
    ['KOMET 12-18', 'komet'],
    ['Komet 3–11 år', 'komet'],
    ['KOMET (12–18 år)', 'komet'],
    ['  komet  ', 'komet'],
    ['Kommunikationsmetoden', 'komet'],
    ['KOMET-programmet', 'komet'],
    ['COPE', 'cope'],
    ['Incredible Years', 'de-otroliga-aren'],
    ['De otroliga åren', 'de-otroliga-aren'],
    ['De otroliga aren', 'de-otroliga-aren'],
    ['De otroliga åren (Incredible Years)', 'de-otroliga-aren'],
    ['Triple P', 'triple-p'],
    ['Triple-P', 'triple-p'],
    ['Triple P, nivå 4', 'triple-p'],
    ['Coping Power Program (CPP)', 'coping-power'],
    ['CPP', 'coping-power'],
    ['Dina-programmet', 'dina'],
    ['Dina', 'dina'],
    ['SNAP', 'snap'],
    ['Stop Now And Plan', 'snap'],
    ['SNAP (Stop Now And Plan)', 'snap'],
    ['BSFT', 'bsft'],
    ['Brief Strategic Family Treatment (BFST)', 'bsft'],
    ['FFT', 'fft'],
    ['Funktionell familjeterapi (FFT)', 'fft'],
    ['Funktionell familjeterapi', 'fft'],
    ['FFT-team', 'fft'],
    ['MDFT', 'mdft'],
    ['MST', 'mst'],
    ['MST-team', 'mst'],
    ['Multisystemisk terapi', 'mst'],
    ['Multisystemisk terapi (MST)', 'mst'],
    ['TFCO', 'tfco'],
    ['Treatment Foster Care Oregon', 'tfco'],
    ['Treatment Foster Care Oregon (TFCO)', 'tfco'],
    ['KBT (individuell strukturerad)', 'kbt-individual'],
    ['RePULSE', 'kbt-individual'],
    ['Scared Straight', 'scared-straight'],
    ['Stödsamtal till ungdomar', 'stodsamtal-ungdom'],
    ['Stödsamtal till föräldrar', 'stodsamtal-foralder'],
    ['Ospecificerad familjebehandling', 'familjebehandling'],
    ['Familjebehandling (ej manualbaserad)', 'familjebehandling'],
    ['Kontaktperson/kontaktfamilj', 'kontaktperson'],
    ['Kontaktperson/-familj', 'kontaktperson'],
    ['Motiverande samtal (MI)', 'mi'],
    ['MI', 'mi'],
    ['SAVRY', 'savry'],
    ['Savry', 'savry'],
    ['EARL', 'earl'],
    ['EARL-20B', 'earl'],
    ['EARL-20B/EARL-21G', 'earl'],
    ['EARL-20B / EARL-21G', 'earl'],
    ['EARL 20B och 21G', 'earl'],
    ['Earl-20b & Earl-21g', 'earl'],
    ['EARL-20B eller EARL-21G', 'earl'],
    ['EARL-20B resp. 21G', 'earl'],
    ['YLS/CMI 2.0', 'yls-cmi'],
    ['Stödsamtal ungdomar', 'stodsamtal-ungdom'],
    ['Kontaktperson och kontaktfamilj', 'kontaktperson'],
    ['EARL-21G', 'earl'],
    ['EARL 20B', 'earl'],
    ['ESTER', 'ester'],
    ['YLS/CMI', 'yls-cmi'],
    ['YLS-CMI', 'yls-cmi'],
    ['ERASOR', 'erasor'],
    ['Erador', 'erasor'],
    ['ADAD', 'adad'],
    ['IRK', 'irk'],
    ['iRisk', 'irisk'],
    ['iRisK', 'irisk'],
    ['Stödsamtal\u00a0till  ungdomar', 'stodsamtal-ungdom'],
    ['KOMET 12\u201318', 'komet'],
  ])('%s → %s', (text, id) => {
    expect(matchMethod(text)).toBe(id);
  });

  it.each([
    ['Insatser: KOMET', 'komet'],
    ['Bedömning: SAVRY', 'savry'],
    ['Insatser: Funktionell familjeterapi (FFT)', 'fft'],
    ['Vilka insatser har ni använt för barn 6–17 år under 2022/23? [FFT]', 'fft'],
    ['Vilka bedömningsmetoder använder ni? [YLS/CMI]', 'yls-cmi'],
  ])('column header %s → %s', (header, id) => {
    expect(matchHeader(header)).toBe(id);
  });

  it.each([
    'Komethus',
    'FFT-liknande',
    'Familjebehandling (FFT)', // names two methods
    'KBT', // group or individual: not said
    'Stödsamtal', // to youths or to parents: not said
    'Särskilt kvalificerad kontaktperson', // a different intervention
    'SIG',
    'Annat',
    'Team',
    '12-18',
    '',
    'Insatser: Annat',
    'Kommentar',
    'Familjebehandling/FFT', // two methods
    'SAVRY/SIG',
  ])('%j is unknown', (text) => {
    expect(matchMethod(text)).toBeNull();
  });

  it('lets a local mapping name local programmes and overrule the catalogue', () => {
    const local = new Map([
      [normaliseMethodName('SIG'), 'local:sig'],
      [normaliseMethodName('Familjebehandling'), 'fft'],
    ]);
    expect(matchMethod('SIG', local)).toBe('local:sig');
    expect(matchHeader('Insatser: SIG', local)).toBe('local:sig');
    expect(matchMethod('familjebehandling ', local)).toBe('fft');
    expect(matchMethod('KOMET', local)).toBe('komet');
    expect(matchMethod('SIG')).toBeNull();
  });
});

describe('splitMultiChoice', () => {
  it.each([
    ['KOMET;FFT;Stödsamtal till ungdomar;', ['KOMET', 'FFT', 'Stödsamtal till ungdomar']],
    ['KOMET;', ['KOMET']],
    ['Triple P, nivå 4;KOMET;', ['Triple P, nivå 4', 'KOMET']],
    ['KOMET, FFT', ['KOMET', 'FFT']],
    ['KOMET, Triple P, nivå 4, FFT', ['KOMET', 'Triple P, nivå 4', 'FFT']],
    ['Kontaktperson/kontaktfamilj, Stödsamtal till föräldrar', ['Kontaktperson/kontaktfamilj', 'Stödsamtal till föräldrar']],
    ['Kontaktperson, kontaktfamilj', ['Kontaktperson, kontaktfamilj']],
    ['Strukturerad individuell KBT-baserad beteende- och färdighetsträning, MI', ['Strukturerad individuell KBT-baserad beteende- och färdighetsträning', 'MI']],
    ['KBT (individuell, strukturerad), MI', ['KBT (individuell, strukturerad)', 'MI']],
    ['Stödsamtal till ungdomar, Stödsamtal till föräldrar', ['Stödsamtal till ungdomar', 'Stödsamtal till föräldrar']],
    ['Annat, nämligen SIG', ['Annat, nämligen SIG']],
    // Google Forms: a trailing parenthesis never decides a join of several pieces.
    [
      'Kontaktperson/kontaktfamilj, Stödsamtal till ungdomar, Treatment Foster Care Oregon (TFCO)',
      ['Kontaktperson/kontaktfamilj', 'Stödsamtal till ungdomar', 'Treatment Foster Care Oregon (TFCO)'],
    ],
    ['Kommunikationsmetoden (KOMET), Stödsamtal till ungdomar', ['Kommunikationsmetoden (KOMET)', 'Stödsamtal till ungdomar']],
    // An option's own comma: lower case goes on; free text after Annat stays one item.
    ['KOMET, Stödsamtal, enskilt, Stödsamtal, grupp', ['KOMET', 'Stödsamtal, enskilt', 'Stödsamtal, grupp']],
    ['FFT, Annat, nämligen: Föräldrakurs, Trappan', ['FFT', 'Annat, nämligen: Föräldrakurs, Trappan']],
    ['Stödsamtal, enskilt;Stödsamtal, grupp;KOMET;', ['Stödsamtal, enskilt', 'Stödsamtal, grupp', 'KOMET']],
    ['FFT', ['FFT']],
    ['', []],
    ['  ;  ', []],
    ['["KOMET","FFT"]', ['KOMET', 'FFT']],
    ['[]', []],
  ])('%j → %j', (cell, choices) => {
    expect(splitMultiChoice(cell)).toEqual(choices);
  });

  it('uses the column: a whole answer elsewhere ends an option, a piece seen in several cells goes on', () => {
    const own = ['Stödsamtal, enskilt', 'KOMET, Stödsamtal, enskilt', 'Stödsamtal, enskilt, egen föräldrakurs'];
    expect(own.map(choiceSplitter(own))).toEqual([['Stödsamtal, enskilt'], ['KOMET', 'Stödsamtal, enskilt'], ['Stödsamtal, enskilt', 'egen föräldrakurs']]);
    const longer = ['Stödsamtal', 'KOMET, Stödsamtal, grupp', 'Stödsamtal, grupp'];
    expect(longer.map(choiceSplitter(longer))).toEqual([['Stödsamtal'], ['KOMET', 'Stödsamtal, grupp'], ['Stödsamtal, grupp']]);
  });

  it('joins pieces a local mapping knows as one name', () => {
    const local = new Map([[normaliseMethodName('Annat, nämligen SIG'), 'local:sig']]);
    expect(splitMultiChoice('KOMET, Annat, nämligen SIG', local)).toEqual(['KOMET', 'Annat, nämligen SIG']);
  });
});

describe('option column headers as survey tools write them', () => {
  it.each([
    ['Vilka insatser använder ni? - KOMET', 'komet'],
    ['Vilka insatser använder ni? – Funktionell familjeterapi (FFT)', 'fft'],
    ['Bedömningsinstrument - EARL-20B / EARL-21G', 'earl'],
    ['Bedömning: EARL-20B / EARL-21G', 'earl'],
    ['Vilka insatser erbjuder ni? - Stödsamtal - ungdom', 'stodsamtal-ungdom'],
  ])('%s → %s', (header, id) => {
    expect(matchHeader(header)).toBe(id);
  });

  it('does not take a hyphenated name for a question and an option', () => {
    expect(matchHeader('Strukturerad individuell KBT-baserad beteende- och färdighetsträning')).toBe('kbt-individual');
    expect(matchHeader('Vilka insatser - Annat')).toBeNull();
  });

  it('reads a cell whole: a question-like prefix or free text after Annat names no method', () => {
    expect(matchMethod('Planerar att starta: KOMET')).toBeNull();
    expect(matchMethod('Har tidigare använt - MST')).toBeNull();
    expect(matchMethod('Annat, nämligen: MI')).toBeNull();
    expect(matchMethod('Vilka insatser? [FFT]')).toBeNull();
    expect(flagOptionName('Insatser: KOMET')).toBe('KOMET');
    expect(flagOptionName('Insatser: BiFF')).toBe('Insatser: BiFF');
  });
});
