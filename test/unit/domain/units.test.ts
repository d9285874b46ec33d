import { describe, expect, it } from 'vitest';
import {
  CITY_DISTRICTS,
  COUNTIES,
  MUNICIPALITIES,
  SKR_GROUPS,
  countyByCode,
  matchUnit,
  municipalityByCode,
  normaliseUnitName,
  resolveUnitRef,
  type UnitMatch,
  type UnitRef,
} from '../../../renderer/src/domain/units';

/** `0180/Skarpnäck`, `2080/`: what a match resolved to, or its status. */
function describeMatch(match: UnitMatch): string {
  if (match.status === 'matched') return `${match.unit.municipalityCode}/${match.unit.district ?? ''}`;
  if (match.status === 'ambiguous') return `ambiguous: ${match.candidates.map((c) => `${c.municipalityCode}/${c.district ?? ''}`).join(' ')}`;
  return 'unknown';
}

describe('the register', () => {
  it('has 290 municipalities in 21 counties', () => {
    expect(MUNICIPALITIES).toHaveLength(290);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(290);
    expect(COUNTIES).toHaveLength(21);
  });

  it("puts every municipality in the county named by its code's first two digits", () => {
    for (const m of MUNICIPALITIES) {
      expect(m.code, m.name).toMatch(/^\d{4}$/);
      expect(m.countyCode, m.name).toBe(m.code.slice(0, 2));
      expect(countyByCode(m.countyCode), m.name).toBeDefined();
    }
    expect(countyByCode('20')?.name).toBe('Dalarnas län');
    expect(countyByCode('02')).toBeUndefined();
  });

  it('gives every municipality an SKR group of 2023', () => {
    const groups = new Set(SKR_GROUPS.map((g) => g.code));
    for (const m of MUNICIPALITIES) expect(groups.has(m.skrGroup), m.name).toBe(true);
    expect(MUNICIPALITIES.filter((m) => m.skrGroup === 'A1').map((m) => m.name).sort()).toEqual(['Göteborg', 'Malmö', 'Stockholm']);
  });

  it('holds the city districts of Stockholm, Göteborg and Malmö, current and former', () => {
    const current = (code: string) => CITY_DISTRICTS.filter((d) => d.municipalityCode === code && d.validTo === null).map((d) => d.name);
    expect(current('0180')).toHaveLength(11);
    expect(current('1480').sort()).toEqual(['Centrum', 'Hisingen', 'Nordost', 'Sydväst']);
    expect(current('1280')).toEqual([]);
    expect(CITY_DISTRICTS.find((d) => d.name === 'Rinkeby-Kista')?.validTo).toBe('2023-06-30');
  });

  it('looks municipalities up by code', () => {
    expect(municipalityByCode('0840')?.name).toBe('Mörbylånga');
    expect(municipalityByCode('840')).toBeUndefined();
  });
});

describe('matchUnit', () => {
  it.each([
    ['0180', '0180/'],
    ['180', '0180/'],
    ['2080', '2080/'],
    [' 0840 ', '0840/'],
    ['Falun', '2080/'],
    ['Falu kommun', '2080/'],
    ['Kalmar', '0880/'],
    ['Kalmar kommun', '0880/'],
    ['Hofors kommun', '2104/'],
    ['Borås stad', '1490/'],
    ['Västerås stad', '1980/'],
    ['Region Gotland', '0980/'],
    ['Gotland', '0980/'],
    ['Östersunds kommun', '2380/'],
    ['Göteborgs Stad', '1480/'],
    ['Göteborgs stad', '1480/'],
    ['Malmö stad', '1280/'],
    ['Stockholms stad', '0180/'],
    ['Upplands Väsby kommun', '0114/'],
    ['Upplands-Bro kommun', '0139/'],
    ['Upplands\u2011Bro', '0139/'],
    ['Lilla Edets kommun', '1462/'],
    ['Malung-Sälens kommun', '2023/'],
    ['Malung Sälen', '2023/'],
    ['Mörbylånga', '0840/'],
    ['Mörbylånga kommun', '0840/'],
    ['MÖRBYLÅNGA KOMMUN', '0840/'],
    ['  mörbylånga   kommun ', '0840/'],
    ['Håbo', '0305/'],
    ['Habo', '0643/'],
    ['Håbo kommun', '0305/'],
    ['Habo kommun', '0643/'],
    ['Stockholms stad – Skarpnäcks stadsdelsförvaltning', '0180/Skarpnäck'],
    ['Stockholms stad - Skarpnäcks stadsdelsförvaltning', '0180/Skarpnäck'],
    ['Stockholms stad — Skarpnäcks stadsdelsförvaltning', '0180/Skarpnäck'],
    ['STOCKHOLMS STAD  –  SKARPNÄCKS SDF', '0180/Skarpnäck'],
    ['Stockholm, Skarpnäck', '0180/Skarpnäck'],
    ['Skarpnäck (Stockholm)', '0180/Skarpnäck'],
    ['0180 Skarpnäck', '0180/Skarpnäck'],
    ['Skärholmens sdf', '0180/Skärholmen'],
    ['Skärholmen', '0180/Skärholmen'],
    ['Skärholmens stadsdelsnämnd', '0180/Skärholmen'],
    ['Skarpnäck SDF', '0180/Skarpnäck'],
    ['Enskede-Årsta-Vantörs stadsdelsförvaltning', '0180/Enskede-Årsta-Vantör'],
    ['Enskede–Årsta–Vantör', '0180/Enskede-Årsta-Vantör'],
    ['Enskede - Årsta - Vantör', '0180/Enskede-Årsta-Vantör'],
    ['Rinkeby-Kista stadsdelsförvaltning', '0180/Rinkeby-Kista'],
    ['Järva', '0180/Järva'],
    ['Göteborgs Stad – Socialnämnden Nordost', '1480/Nordost'],
    ['Göteborg Centrum', '1480/Centrum'],
    ['Malmö stad, Centrum', '1280/Centrum'],
    ['Malmö stad – Norr', '1280/Norr'],
    ['Göteborg Nordost', '1480/Nordost'],
    ['Hisingen', '1480/Hisingen'],
    ['Mörbylånga, Kalmar län', '0840/'],
    ['Mörbylånga kommun (Kalmar län)', '0840/'],
    ['Stockholms stad – Socialförvaltningen', '0180/'],
  ])('%j → %s', (text, expected) => {
    expect(describeMatch(matchUnit(text))).toBe(expected);
  });

  it('resolves a match to its municipality, county, SKR group and district validity', () => {
    const match = matchUnit('Rinkeby-Kista');
    expect(match).toEqual({
      status: 'matched',
      unit: {
        kind: 'district',
        municipalityCode: '0180',
        municipalityName: 'Stockholm',
        countyCode: '01',
        countyName: 'Stockholms län',
        district: 'Rinkeby-Kista',
        validFrom: null,
        validTo: '2023-06-30',
        skrGroup: 'A1',
      },
    });
    const falun = matchUnit('Falu kommun');
    expect(falun.status === 'matched' && falun.unit).toMatchObject({ kind: 'municipality', municipalityName: 'Falun', countyName: 'Dalarnas län', district: null, validTo: null });
  });

  it.each([
    ['Centrum', 'ambiguous: 1480/Centrum 1280/Centrum'], // Göteborg and Malmö
    ['Norr', 'ambiguous: 1280/Norr'], // a generic name, without its city
    ['Nordost', 'ambiguous: 1480/Nordost'],
    ['Upplands', 'ambiguous: 0114/ 0139/'], // a partial name
    ['Hägersten', 'ambiguous: 0180/Hägersten-Älvsjö 0180/Hägersten-Liljeholmen'],
    ['Norra', 'ambiguous: 0180/Norra innerstaden 1480/Norra Hisingen'],
    ['Årsta', 'ambiguous: 0180/Enskede-Årsta-Vantör'], // partial: confirmed, not assumed
    ['Mala', 'ambiguous: 2418/'], // Malå without its ring: confirmed, not assumed
    ['Orebro kommun', 'ambiguous: 1880/'],
    ['Goteborg', 'ambiguous: 1480/'],
    ['Malmö stad – Skarpnäck', 'ambiguous: 1280/ 0180/Skarpnäck'], // contradicts itself
    ['Mörbylånga, Dalarnas län', 'ambiguous: 0840/'],
    ['Stockholms stad – Okänd enhet', 'ambiguous: 0180/'], // the district part is not in the register
  ])('%j is %s', (text, expected) => {
    expect(describeMatch(matchUnit(text))).toBe(expected);
  });

  it.each([
    'Totalt',
    'Summa',
    'Samtliga',
    'SUMMA:',
    'Totalt Stockholms län',
    'Samtliga kommuner',
    'Kalmar län',
    'Gotlands län',
    'Region Stockholm',
    'Region Kalmar län',
    'Dalarna',
    'Kommun',
    '',
    '14',
    '0000',
    'Ja',
    'KOMET',
    'Köper FFT – via avtalssamverkan',
    'Stockholmsstad',
  ])('%j is unknown', (text) => {
    expect(matchUnit(text)).toEqual({ status: 'unknown' });
  });

  it('matches every municipality by its name, its code and as "X kommun"', () => {
    for (const m of MUNICIPALITIES) {
      expect(describeMatch(matchUnit(m.name)), m.name).toBe(`${m.code}/`);
      expect(describeMatch(matchUnit(m.code)), m.code).toBe(`${m.code}/`);
      if (m.name !== 'Falun') expect(describeMatch(matchUnit(`${m.name} kommun`)), m.name).toBe(`${m.code}/`);
    }
  });

  it('never takes a county for a unit, and narrows a name down by one', () => {
    for (const c of COUNTIES) {
      expect(matchUnit(c.name), c.name).toEqual({ status: 'unknown' });
      expect(matchUnit(`Region ${c.shortName}`), c.shortName).toEqual(c.code === '09' ? expect.objectContaining({ status: 'matched' }) : { status: 'unknown' });
    }
    for (const m of MUNICIPALITIES) {
      expect(describeMatch(matchUnit(`${m.name}, ${countyByCode(m.countyCode)!.name}`)), m.name).toBe(`${m.code}/`);
    }
  });

  it('matches every district named with its municipality', () => {
    for (const d of CITY_DISTRICTS) {
      const city = municipalityByCode(d.municipalityCode)!.name;
      expect(describeMatch(matchUnit(`${city}s stad – ${d.name}s stadsdelsförvaltning`)), d.name).toBe(`${d.municipalityCode}/${d.name}`);
    }
  });
});

describe('remembered choices', () => {
  const skarpnack: UnitRef = { municipalityCode: '0180', district: 'Skarpnäck' };

  it('win over everything, keyed by the normalised name', () => {
    const remembered = new Map<string, UnitRef>([
      [normaliseUnitName('Centrum'), { municipalityCode: '1480', district: 'Centrum' }],
      [normaliseUnitName('Socialtjänsten Norr'), skarpnack],
      [normaliseUnitName('Falun'), { municipalityCode: '2081', district: null }],
    ]);
    expect(describeMatch(matchUnit('Centrum', remembered))).toBe('1480/Centrum');
    expect(describeMatch(matchUnit('SOCIALTJÄNSTEN – NORR', remembered))).toBe('0180/Skarpnäck');
    expect(describeMatch(matchUnit('falun', remembered))).toBe('2081/');
    expect(describeMatch(matchUnit('Falu kommun', remembered))).toBe('2080/');
  });

  it('are ignored once the register no longer has the unit', () => {
    const remembered = new Map<string, UnitRef>([[normaliseUnitName('Skarpnäck'), { municipalityCode: '0180', district: 'Gamla stan' }]]);
    expect(describeMatch(matchUnit('Skarpnäck', remembered))).toBe('0180/Skarpnäck');
    expect(resolveUnitRef({ municipalityCode: '0180', district: 'Gamla stan' })).toBeNull();
    expect(resolveUnitRef({ municipalityCode: '9999', district: null })).toBeNull();
    expect(resolveUnitRef(skarpnack)?.countyName).toBe('Stockholms län');
  });

  it('use a key that ignores case, dash type, punctuation and spacing', () => {
    expect(normaliseUnitName('  Stockholms stad – Skarpnäcks  SDF. ')).toBe('stockholms stad skarpnäcks sdf');
    expect(normaliseUnitName('Stockholms Stad - Skarpnäcks sdf')).toBe(normaliseUnitName('stockholms stad—skarpnäcks sdf'));
    expect(normaliseUnitName('Håbo')).not.toBe(normaliseUnitName('Habo'));
  });
});
