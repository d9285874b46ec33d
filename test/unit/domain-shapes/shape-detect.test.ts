// Shape detection with small stand-in matchers, so each rule is visible in the test itself.
import { describe, expect, it } from 'vitest';
import { MATCHERS } from '../../../renderer/src/model/load-source';
import { detectShape, findUnitColumn, MAX_SHAPE_COLUMNS, type ColumnProfile, type Matchers } from '../../../renderer/src/domain/shape-detect';

const UNITS = ['Falu kommun', 'Falun', 'Västerås stad', 'Mörbylånga kommun', 'Skärholmen', 'Enskede-Årsta-Vantör'];
const METHODS: Record<string, string> = { komet: 'komet', fft: 'fft', mst: 'mst', savry: 'savry', earl: 'earl', 'insatser: komet': 'komet', 'insatser: fft': 'fft', 'bedömning: savry': 'savry' };

const m: Matchers = {
  isUnit: (text) => UNITS.includes(text),
  isCounty: (text) => /län$/.test(text),
  methodOf: (text) => METHODS[text.trim().toLowerCase()] ?? null,
  optionOf: (header) => (METHODS[header.trim().toLowerCase()] ? header : null),
  isDistrictOf: () => false,
  splitChoices: (cell) => cell.split(/;\s*/).filter(Boolean),
};

const col = (name: string, type: string, values: string[]): ColumnProfile => ({ name, type, values });

describe('detectShape', () => {
  it('finds a survey with one column per option, whatever marks a tick', () => {
    const guess = detectShape(
      [
        col('Kommun', 'VARCHAR', ['Falu kommun', 'Västerås stad', 'Mörbylånga kommun']),
        col('Insatser: KOMET', 'VARCHAR', ['Ja', 'X', 'Nej', 'KOMET']),
        col('Insatser: FFT', 'BIGINT', ['1', '0']),
        col('Bedömning: SAVRY', 'VARCHAR', ['Ja', 'Nej']),
        col('Kommentar', 'VARCHAR', ['köps från region']),
      ],
      m,
    );
    expect(guess.shape).toBe('survey-wide');
    expect(guess.roles).toEqual({
      Kommun: { role: 'unit' },
      'Insatser: KOMET': { role: 'method-flag', methodName: 'Insatser: KOMET' },
      'Insatser: FFT': { role: 'method-flag', methodName: 'Insatser: FFT' },
      'Bedömning: SAVRY': { role: 'method-flag', methodName: 'Bedömning: SAVRY' },
      Kommentar: { role: 'ignore', reason: 'not-recognised' },
    });
  });

  it('does not take a column of counts under a method header for ticks', () => {
    const guess = detectShape([col('Kommun', 'VARCHAR', ['Falun']), col('Insatser: KOMET', 'BIGINT', ['4', '12'])], m);
    expect(guess.shape).toBe('unknown');
  });

  it('finds a survey with several choices in one cell', () => {
    const guess = detectShape(
      [
        col('ID', 'INTEGER', ['1', '2']),
        col('Kommun', 'VARCHAR', ['Falun', 'Skärholmen']),
        col('Vilka insatser?', 'VARCHAR', ['KOMET;FFT;', 'MST;']),
      ],
      m,
    );
    expect(guess).toEqual({
      shape: 'survey-multi',
      roles: { ID: { role: 'ignore', reason: 'row-id' }, Kommun: { role: 'unit' }, 'Vilka insatser?': { role: 'method-choices' } },
    });
  });

  it('takes one choice per cell, written "MST;" as Microsoft Forms does, for choices, not a long-form method column', () => {
    // The catalogue's matcher reads "MST;" as MST, and the ID column is numeric: the shape of an extract.
    const forgiving: Matchers = { ...m, methodOf: (text) => m.methodOf(text.replace(/;\s*$/, '')) };
    const guess = detectShape(
      [
        col('ID', 'INTEGER', ['1', '2', '3']),
        col('Kommun', 'VARCHAR', ['Falun', 'Skärholmen', 'Västerås stad']),
        col('Vilka insatser?', 'VARCHAR', ['KOMET;', 'MST;', 'FFT;KOMET;']),
      ],
      forgiving,
    );
    expect(guess.shape).toBe('survey-multi');
    expect(guess.roles['Vilka insatser?']).toEqual({ role: 'method-choices' });
  });

  it('finds statistics: a region and its figures, no methods, never units of their own', () => {
    const guess = detectShape([col('Kommun', 'VARCHAR', ['Falun', 'Västerås stad']), col('Folkmängd 0–17 år', 'BIGINT', ['12000', '31000'])], m);
    expect(guess).toEqual({ shape: 'statistics', roles: { Kommun: { role: 'unit' }, 'Folkmängd 0–17 år': { role: 'value' } } });
    // A count under a method's name is not statistics, whatever the other header says.
    expect(detectShape([col('Kommun', 'VARCHAR', ['Falun']), col('KOMET', 'BIGINT', ['4']), col('Befolkning', 'BIGINT', ['12000'])], m).shape).not.toBe('statistics');
  });

  it('reads SCB’s long table: region, age, sex and year beside the figure', () => {
    const guess = detectShape(
      [
        { ...col('region', 'VARCHAR', ['Falun', 'Västerås stad']), filled: 400, distinct: 2 },
        col('ålder', 'VARCHAR', ['0 år', '1 år', '100+ år', 'totalt ålder']),
        col('kön', 'VARCHAR', ['män', 'kvinnor']),
        col('år', 'BIGINT', ['2022', '2023']),
        col('Folkmängd', 'BIGINT', ['310', '295']),
      ],
      m,
    );
    expect(guess).toEqual({
      shape: 'statistics',
      roles: { region: { role: 'unit' }, ålder: { role: 'age' }, kön: { role: 'sex' }, år: { role: 'period' }, Folkmängd: { role: 'value' } },
    });
  });

  it('reads SCB’s wide table, one column per year, and a county table by its counties', () => {
    const wide = detectShape([col('lan', 'VARCHAR', ['Dalarnas län']), col('kommun', 'VARCHAR', ['Falun']), col('2016', 'BIGINT', ['57000']), col('2017', 'BIGINT', ['58340'])], m);
    expect(wide.shape).toBe('statistics');
    expect([wide.roles['2016'], wide.roles['2017'], wide.roles.lan]).toEqual([{ role: 'value' }, { role: 'value' }, { role: 'ignore', reason: 'county' }]);
    const counties = detectShape([col('region', 'VARCHAR', ['01 Stockholms län', 'Dalarnas län']), col('2018', 'BIGINT', ['2344124', '287676'])], m);
    expect(counties).toEqual({ shape: 'statistics', roles: { region: { role: 'unit' }, '2018': { role: 'value' } } });
  });

  it('names a breakdown it cannot sum (RAMS’s sector), so its rows are never added up unsaid', () => {
    const guess = detectShape(
      [
        { ...col('region', 'VARCHAR', ['Falun', 'Västerås stad']), filled: 60, distinct: 2 },
        col('år', 'VARCHAR', ['2008', '2009']),
        col('arbetsställets sektortillhörighet', 'VARCHAR', ['primärkommunal förvaltning', 'kommunalt ägda företag']),
        col('Förvärvsarbetande', 'BIGINT', ['351', '293']),
      ],
      m,
    );
    expect(guess.shape).toBe('statistics');
    expect(guess.roles['arbetsställets sektortillhörighet']).toEqual({ role: 'ignore', reason: 'breakdown' });
  });

  it('reads no shape past 2,000 columns: each column says why, none is guessed', () => {
    const columns = [col('Kommun', 'VARCHAR', ['Falun']), ...Array.from({ length: MAX_SHAPE_COLUMNS }, (_, i) => col(`k${i}`, 'BIGINT', ['1']))];
    const guess = detectShape(columns, m);
    expect(guess.shape).toBe('unknown');
    expect(new Set(Object.values(guess.roles).map((r) => JSON.stringify(r)))).toEqual(new Set([JSON.stringify({ role: 'ignore', reason: 'too-many-columns' })]));
    // One column fewer is read as usual.
    expect(detectShape(columns.slice(0, MAX_SHAPE_COLUMNS), m).roles.Kommun).toEqual({ role: 'unit' });
  });

  it('finds a long-form usage extract with its period and count', () => {
    const guess = detectShape(
      [
        col('Enhet', 'VARCHAR', ['Falun', 'Skärholmen']),
        col('Period', 'VARCHAR', ['2023-01', '2023-02']),
        col('Insats', 'VARCHAR', ['KOMET', 'FFT', 'MST']),
        col('Antal', 'BIGINT', ['4', '0']),
      ],
      m,
    );
    expect(guess).toEqual({
      shape: 'usage',
      roles: { Enhet: { role: 'unit' }, Period: { role: 'period' }, Insats: { role: 'method' }, Antal: { role: 'count' } },
    });
  });

  it('finds a training export by its trained and staff columns', () => {
    const guess = detectShape(
      [
        col('Stadsdel', 'VARCHAR', ['Skärholmen', 'Enskede-Årsta-Vantör']),
        col('Instrument', 'VARCHAR', ['SAVRY', 'EARL']),
        col('Antal utbildade', 'BIGINT', ['8', '23']),
        col('Antal socialsekreterare', 'BIGINT', ['32', '51']),
      ],
      m,
    );
    expect(guess.shape).toBe('training');
    expect(guess.roles['Antal utbildade']).toEqual({ role: 'trained' });
    expect(guess.roles['Antal socialsekreterare']).toEqual({ role: 'staff' });
  });

  it('says unknown when no column names units', () => {
    expect(detectShape([col('Namn', 'VARCHAR', ['Anna', 'Bo']), col('KOMET', 'VARCHAR', ['Ja'])], m).shape).toBe('unknown');
    expect(findUnitColumn([col('Kommun', 'VARCHAR', ['Falun', 'Okänd', 'Okänd 2'])], m)).toBeNull();
  });
});

describe('detectShape on exports as real tools write them (the catalogue and register matchers)', () => {
  const p = (name: string, type: string, values: string[], filled = values.length, distinct = values.length): ColumnProfile => ({ name, type, values, filled, distinct });
  const roleOf = (guess: ReturnType<typeof detectShape>) => Object.fromEntries(Object.entries(guess.roles).map(([k, r]) => [k, r.role === 'ignore' ? `ignore:${r.reason}` : r.role]));

  it('reads a Kolada extract: the year is a period, never the count; a value column with ".." is the count', () => {
    const guess = detectShape(
      [
        p('Kommun-id', 'VARCHAR', ['0180', '2080', '0114'], 12, 3),
        p('Kommun', 'VARCHAR', ['Stockholm', 'Falun', 'Upplands Väsby'], 12, 3),
        p('År', 'BIGINT', ['2022', '2023'], 12, 2),
        p('Insats', 'VARCHAR', ['KOMET', 'FFT', 'BiFF'], 12, 3),
        p('Värde', 'VARCHAR', ['4', '..', '0', '12'], 10, 4),
      ],
      MATCHERS,
    );
    expect(guess.shape).toBe('usage');
    expect(roleOf(guess)).toEqual({ 'Kommun-id': 'unit', Kommun: 'ignore:unit-code', År: 'period', Insats: 'method', Värde: 'count' });
  });

  it.each([['2023'], ['2023-01'], ['jan 2023'], ['2023 M03'], ['2023 T1'], ['2023K1']])('takes a column of %s for a period', (period) => {
    const guess = detectShape(
      [p('Enhet', 'VARCHAR', ['Falun', 'Mora'], 4, 2), p('Tid', 'VARCHAR', [period]), p('Insats', 'VARCHAR', ['KOMET', 'FFT']), p('Antal', 'BIGINT', ['2', '5'])],
      MATCHERS,
    );
    expect(roleOf(guess)).toEqual({ Enhet: 'unit', Tid: 'period', Insats: 'method', Antal: 'count' });
  });

  it('does not take a survey with one numeric question for a usage extract', () => {
    const guess = detectShape(
      [
        p('Tidstämpel', 'VARCHAR', ['2024-03-12 09:41:07', '2024-03-12 10:02:11']),
        p('Kommun', 'VARCHAR', ['Falu kommun', 'Mora kommun', 'Borlänge kommun']),
        p('Vilka insatser erbjuder ni?', 'VARCHAR', ['KOMET', 'FFT', 'Kommunikationsmetoden (KOMET), Stödsamtal till ungdomar']),
        p('Ungefär hur många barn fick en insats under 2023?', 'BIGINT', ['12', '40', '7']),
      ],
      MATCHERS,
    );
    expect(guess.shape).toBe('survey-multi');
    expect(roleOf(guess)).toEqual({
      Tidstämpel: 'ignore:timestamp',
      Kommun: 'unit',
      'Vilka insatser erbjuder ni?': 'method-choices',
      'Ungefär hur många barn fick en insats under 2023?': 'ignore:numeric-answer',
    });
  });

  it('takes a column of codes whose leading zero Excel dropped for the unit', () => {
    const guess = detectShape([p('Kommunkod', 'INTEGER', ['180', '114', '980', '2080']), p('KOMET', 'VARCHAR', ['X']), p('EARL-20B/EARL-21G', 'VARCHAR', ['X', 'x'])], MATCHERS);
    expect(roleOf(guess)).toEqual({ Kommunkod: 'unit', KOMET: 'method-flag', 'EARL-20B/EARL-21G': 'method-flag' });
  });

  it('takes a city district beside its municipality into the unit, never a county or an office', () => {
    const kommun = p('Kommun', 'VARCHAR', ['Göteborg', 'Mölndal'], 8, 2);
    const roles = (other: ColumnProfile) => roleOf(detectShape([kommun, other, p('Insats', 'VARCHAR', ['KOMET', 'FFT'], 8, 2), p('Antal', 'BIGINT', ['1', '4'], 8, 2)], MATCHERS));
    expect(roles(p('Stadsområde', 'VARCHAR', ['Centrum', 'Nordost', 'Hisingen'], 8, 3)).Stadsområde).toBe('district');
    expect(roles(p('Län', 'VARCHAR', ['Västra Götalands län'], 8, 1)).Län).not.toBe('district');
    expect(roles(p('Förvaltning', 'VARCHAR', ['Socialtjänsten', 'IFO', 'Barn och unga'], 8, 3)).Förvaltning).not.toBe('district');
  });

  it('takes a quarter beside the year for part of the period, but a count whose header names a period for the count', () => {
    const base = [p('Enhet', 'VARCHAR', ['Falun', 'Mora'], 8, 2), p('År', 'BIGINT', ['2023'], 8, 1), p('Insats', 'VARCHAR', ['KOMET', 'FFT'], 8, 2)];
    expect(roleOf(detectShape([...base, p('Kvartal', 'BIGINT', ['1', '2', '3', '4'], 8, 4), p('Antal', 'BIGINT', ['2', '5'], 8, 2)], MATCHERS))).toMatchObject({
      Kvartal: 'ignore:period-part',
      Antal: 'count',
    });
    expect(roleOf(detectShape([...base, p('Antal per månad', 'BIGINT', ['1', '3', '12'], 8, 3)], MATCHERS))['Antal per månad']).toBe('count');
  });

  it('asks about an option column whose option the catalogue lacks, by the option’s name', () => {
    const guess = detectShape(
      [p('Kommun', 'VARCHAR', ['Falun', 'Mora']), p('Insatser: KOMET', 'VARCHAR', ['Ja', 'Nej']), p('Insatser: BiFF', 'VARCHAR', ['Ja', 'Nej']), p('Insatser: Annat', 'VARCHAR', [])],
      MATCHERS,
    );
    expect(guess.roles['Insatser: BiFF']).toEqual({ role: 'method-flag', methodName: 'BiFF' });
    expect(guess.roles['Insatser: Annat']).toEqual({ role: 'method-flag', methodName: 'Annat' });
  });

  it('reads the report’s scales and asks to confirm the order of an unknown one', () => {
    const guess = detectShape(
      [
        p('Kommun', 'VARCHAR', ['Falun', 'Mora']),
        p('Gav dagen om RBM stöd?', 'VARCHAR', ['Helt och hållet', 'Delvis', 'Inte alls']),
        p('Hur ofta?', 'VARCHAR', ['Varje vecka', 'Aldrig', 'Någon gång']),
        p('Insatser', 'VARCHAR', ['KOMET;FFT;']),
      ],
      MATCHERS,
    );
    expect(guess.roles['Gav dagen om RBM stöd?']).toEqual({ role: 'likert', scale: 'degree' });
    expect(guess.roles['Hur ofta?']).toEqual({ role: 'ignore', reason: 'scale-order', proposal: ['Aldrig', 'Någon gång', 'Varje vecka'] });
  });
});
