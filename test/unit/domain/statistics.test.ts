// What a statistics file's ages, sexes and headers can honestly give: children 0–17 only where the
// bands tile 0–17 exactly, both sexes in, and a value column that is a population.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextYearOf, fileNameYear, headerYear, parseAge, parseSex, populationBand, textBand, tileAges, valueMeaning, type AgeBand } from '../../../renderer/src/domain/statistics';

/** Cut points inside 1..17 → consecutive bands from 0 to 17 (`0-4`, `5-9`, `10-17` …). */
const childBands = fc.uniqueArray(fc.integer({ min: 1, max: 17 }), { maxLength: 17 }).map((cuts) => {
  const starts = [0, ...[...cuts].sort((a, b) => a - b)];
  return starts.map((from, i) => ({ from, to: (starts[i + 1] ?? 18) - 1 }));
});

const label = (band: AgeBand) => (band.to === null ? `${band.from}+ år` : band.from === band.to ? `${band.from} år` : `${band.from}-${band.to} år`);

describe('parseAge', () => {
  it('reads every age label SCB, SKR and the regions write', () => {
    expect(parseAge('0 år')).toEqual({ from: 0, to: 0 });
    expect(parseAge('17 år')).toEqual({ from: 17, to: 17 });
    expect(parseAge('100+ år')).toEqual({ from: 100, to: null });
    expect(parseAge('0-4 år')).toEqual({ from: 0, to: 4 });
    expect(parseAge('15–19 år')).toEqual({ from: 15, to: 19 });
    expect(parseAge('-29')).toEqual({ from: 0, to: 29 });
    expect(parseAge('60-')).toEqual({ from: 60, to: null });
    expect(parseAge('95 år och äldre')).toEqual({ from: 95, to: null });
    expect(parseAge('under 1 år')).toEqual({ from: 0, to: 0 });
    expect(parseAge('1 years')).toEqual({ from: 1, to: 1 });
    expect(parseAge('100+ years')).toEqual({ from: 100, to: null });
    expect(parseAge('totalt ålder')).toBe('total');
    expect(parseAge('Samtliga åldrar')).toBe('total');
    // Not ages: a year, a sex, a word.
    for (const text of ['2017', 'kvinnor', 'okänd', '', '5-2 år']) expect(parseAge(text)).toBeNull();
  });

  it('reads back every band it is given, as written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 110 }), fc.integer({ min: 0, max: 20 }), fc.boolean(), (from, width, open) => {
        const band = { from, to: open ? null : from + width };
        expect(parseAge(label(band))).toEqual(band);
      }),
    );
  });
});

describe('parseSex', () => {
  it('knows SCB, Kolada and English spellings, and nothing else', () => {
    expect(['totalt', 'T', 'båda könen', 'män och kvinnor'].map(parseSex)).toEqual(['total', 'total', 'total', 'total']);
    expect(['kvinnor', 'K', 'flickor', 'women'].map(parseSex)).toEqual(['women', 'women', 'women', 'women']);
    expect(['män', 'M', 'pojkar', 'men'].map(parseSex)).toEqual(['men', 'men', 'men', 'men']);
    expect(parseSex('okänt')).toBeNull();
  });
});

describe('tileAges', () => {
  it('covers 0–17 exactly once whenever it answers, whatever other bands lie beside', () => {
    fc.assert(
      fc.property(childBands, fc.array(fc.record({ from: fc.integer({ min: 0, max: 30 }), to: fc.integer({ min: 0, max: 12 }) })), (tiling, noise) => {
        const extra = noise.map(({ from, to }) => ({ from, to: from + to }));
        const bands = [...extra, ...tiling];
        const chosen = tileAges(bands, 0, 17);
        // A tiling exists (the child bands), so one is found, and it covers each age once.
        expect(chosen).not.toBeNull();
        const covered = chosen!.flatMap((i) => Array.from({ length: bands[i]!.to! - bands[i]!.from + 1 }, (_, k) => bands[i]!.from + k));
        expect(covered.sort((a, b) => a - b)).toEqual(Array.from({ length: 18 }, (_, k) => k));
      }),
    );
  });

  it('never cuts a band that reaches past 17 (SCB’s 15-19 år)', () => {
    const fiveYear = [0, 5, 10, 15, 20].map((from) => ({ from, to: from + 4 }));
    expect(tileAges(fiveYear, 0, 17)).toBeNull();
    expect(tileAges(fiveYear, 0, 19)).toEqual([0, 1, 2, 3]);
  });
});

describe('populationBand', () => {
  const singles = [...Array.from({ length: 100 }, (_, a) => `${a} år`), '100+ år'];

  it('builds children 0–17 from single ages by sex, summing both sexes', () => {
    const band = populationBand(singles, ['kvinnor', 'män'], null);
    expect(band).toMatchObject({ measure: 'children_0_17', ageBand: '0-17', sex: 'all', why: null });
    expect(band.ages).toEqual(singles.slice(0, 18));
    expect(band.sexes).toEqual(['kvinnor', 'män']);
  });

  it('takes the total beside men and women, never all three', () => {
    expect(populationBand(singles, ['män', 'kvinnor', 'totalt'], null).sexes).toEqual(['totalt']);
  });

  it('prefers single ages to a total, and groups that tile 0–17 to both', () => {
    expect(populationBand(['totalt ålder', ...singles], null, null).ages).toEqual(singles.slice(0, 18));
    const groups = ['0-5 år', '6-9 år', '10-15 år', '16-17 år', '18-64 år', '65+ år'];
    expect(populationBand(groups, ['totalt'], null)).toMatchObject({ measure: 'children_0_17', ages: groups.slice(0, 4) });
  });

  it('says what a file holds when it cannot give 0–17', () => {
    // SCB's five-year groups: the smallest band from 0 that holds the children.
    const fiveYear = [...Array.from({ length: 20 }, (_, k) => `${k * 5}-${k * 5 + 4} år`), '100+ år'];
    expect(populationBand(fiveYear, null, null)).toMatchObject({ measure: 'inhabitants', ageBand: '0-19', ages: fiveYear.slice(0, 4) });
    // Region Halland's groups.
    expect(populationBand(['0-19 år', '20-64 år', '65-79 år', '80+ år'], null, null)).toMatchObject({ measure: 'inhabitants', ageBand: '0-19', ages: ['0-19 år'] });
    // Only the total.
    expect(populationBand(['totalt ålder'], null, null)).toMatchObject({ measure: 'inhabitants', ageBand: 'all', ages: ['totalt ålder'] });
    // No age column: all ages, unless the header names the band.
    expect(populationBand(null, null, null)).toMatchObject({ measure: 'inhabitants', ageBand: 'all' });
    expect(populationBand(null, null, { from: 0, to: 17 })).toMatchObject({ measure: 'children_0_17', ageBand: '0-17' });
    // Women aged 55+: no children, one sex.
    const older = ['55-59 år', '60-64 år', '65-69 år', '70-74 år', '75-79 år', '80-84 år', '85-89 år', '90-94 år', '95-99 år', '100+ år'];
    expect(populationBand(older, ['kvinnor'], null)).toMatchObject({ measure: 'other', ageBand: '55+', sex: 'women', why: 'no-children' });
    // Girls only: a band of children, but not the children.
    expect(populationBand(singles, ['flickor'], null)).toMatchObject({ measure: 'other', sex: 'women', why: 'one-sex' });
    // Labels that are not ages are listed, and nothing is guessed.
    expect(populationBand(['0 år', 'okänd ålder'], null, null)).toMatchObject({ measure: 'other', why: 'ages-unknown', unknownAges: ['okänd ålder'] });
  });
});

describe('valueMeaning', () => {
  it('reads a population from the header, the title, the file name or SCB’s bare layout', () => {
    expect(valueMeaning('Folkmängd', '', 'x.csv')).toMatchObject({ kind: 'population', evidence: 'header' });
    expect(valueMeaning('pop2018', '', 'x.csv')).toMatchObject({ kind: 'population', evidence: 'header' });
    expect(valueMeaning('Befolkning', '', 'x.csv')).toMatchObject({ kind: 'population' });
    expect(valueMeaning('Antal', 'Folkmängd efter region och år', 'x.csv')).toMatchObject({ kind: 'population', evidence: 'title' });
    expect(valueMeaning('2017', '', 'befolkning.csv')).toMatchObject({ kind: 'population', evidence: 'file-name' });
    expect(valueMeaning('2017', '', 'data.csv')).toMatchObject({ kind: 'population', evidence: 'layout' });
    expect(valueMeaning('n01951', '', 'x.csv')).toMatchObject({ kind: 'population', evidence: 'kolada' });
  });

  it('never takes an employment count, a share, a rate or an unnamed value for one', () => {
    expect(valueMeaning('Förvärvsarbetande 16+ år med bostad i regionen (nattbefolkning) (RAMS)', '', 'x.csv').kind).toBe('other');
    expect(valueMeaning('Children', '', 'x.csv').kind).toBe('other');
    expect(valueMeaning('n33816', '', 'x.csv')).toMatchObject({ kind: 'other', said: 'N33816' });
    expect(valueMeaning('Andel med eftergymnasial utbildning (%) 2023', '', 'x.csv').kind).toBe('other');
    expect(valueMeaning('Antal', 'Antal anställda efter ålder och kommun nov 2017', 'x.xlsx').kind).toBe('other');
    expect(valueMeaning('Värde', '', 'export.csv').kind).toBe('other');
    expect(valueMeaning('Invånare per km²', '', 'x.csv').kind).toBe('other');
    // A part of the children, named in the header or the title, is not the children.
    expect(valueMeaning('Barn 0-17 år i trångbodda hushåll', '', 'x.csv').kind).toBe('other');
    expect(valueMeaning('2023', 'Barn 0-17 år som bor med en ensamstående förälder', 'x.csv').kind).toBe('other');
    expect(valueMeaning('Antal barn 0–17 år', '', 'x.csv').kind).toBe('population');
    // A title that says something, but no population: not SCB's plain population table.
    expect(valueMeaning('2023', 'Tabell 4', 'x.csv')).toMatchObject({ kind: 'other', evidence: 'title' });
  });
});

describe('years and bands in words', () => {
  it('finds the one year a header, a title or a file name gives', () => {
    expect(headerYear('Folkmängd 2017')).toEqual({ year: 2017, rest: 'Folkmängd' });
    expect(headerYear('2017')).toEqual({ year: 2017, rest: '' });
    expect(headerYear('1968-2017')).toBeNull();
    expect(fileNameYear('population-0-17-2023.csv')).toBe(2023);
    expect(fileNameYear('scb-BE0101N1-kommun-1968-2017-wide.csv')).toBeNull();
    // A date is when the file was fetched, not the year of its figures.
    expect(fileNameYear('scb-export-hamtad-2025-01-15.csv')).toBeNull();
    expect(fileNameYear('folkmangd-2023-uttag-20240105.csv')).toBe(2023);
    expect(contextYearOf('Senaste uppdatering 2021-02-22')).toBeNull();
    expect(textBand('Folkmängd 0–17 år')).toEqual({ from: 0, to: 17 });
    expect(textBand('Invånare 65+ år')).toEqual({ from: 65, to: null });
    expect(textBand('Folkmängd')).toBeNull();
  });
});
