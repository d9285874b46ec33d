// Every file in queries/ runs against data-samples/ through DuckDB-WASM under Node.
// A new query file without a case here fails the suite, so no analysis ships untested.
//
// The samples (scripts/make-samples.ts, data-samples/README.md) are calibrated to the pilot's final
// report: 56 responding units, 12 of them city districts, in 14 counties. Every figure the report
// publishes is asserted below, rounded to whole per cent as the report rounds it. Filtered cases use
// units that can be counted by hand in the samples: Dalarnas län (20) has 7 units, all municipalities;
// Stockholms län (01) has 17, 8 of them districts of Stockholm; the 12 districts (Stockholm and
// Göteborg) are exactly the SKR group A1.
import { readdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, Row } from '../../renderer/src/db/engine';
import { parametersUsed, runQuery, type QueryId } from '../../renderer/src/db/query-files';
import { loadSource } from '../../renderer/src/model/load-source';
import type { ImportedTable } from '../../renderer/src/import/import-file';
import { startNodeEngine } from '../support/node-engine';
import { bundledSamples } from '../support/samples';

let engine: Engine;
const loaded = new Map<string, ImportedTable>();

beforeAll(async () => {
  engine = await startNodeEngine();
  for (const name of bundledSamples()) {
    const bytes = new Uint8Array(await readFile(`data-samples/${name}`));
    const { table, guess } = await loadSource(engine, { name, bytes }, new Set([...loaded.values()].map((t) => t.table)));
    expect(guess.shape, name).not.toBe('unknown');
    loaded.set(name, table);
  }
});

afterAll(async () => {
  await engine?.close();
});

/** The view filters, in the order every view query binds them: county, SKR group, unit type. */
const ALL = [null, null, null];
const DALARNA = ['20', null, null];
const STOCKHOLMS_LAN = ['01', null, null];
const DISTRICTS = [null, null, 'district'];
const MUNICIPALITIES = [null, null, 'municipality'];

/** A share as the report prints it: whole per cent. */
const pct = (n: number, total: number) => Math.round((100 * n) / total);

/** `id n/total` for each row: short, and every number visible in a failing diff. */
const counts = (rows: Row[], id = 'id') => rows.map((r) => `${String(r[id])} ${Number(r.units_using)}/${Number(r.units_total)}`);

const CASES: Record<QueryId, () => Promise<void>> = {
  async table_columns() {
    const rows = await runQuery(engine, 'table_columns', ['assessment_training_2024']);
    expect(rows.map((r: Row) => [r.column_name, r.data_type])).toEqual([
      ['Stadsdel', 'VARCHAR'],
      ['Instrument', 'VARCHAR'],
      ['Antal utbildade', 'BIGINT'],
      ['Antal socialsekreterare', 'BIGINT'],
    ]);
    expect(await runQuery(engine, 'table_columns', ['no_such_table'])).toEqual([]);
  },

  async method_adoption() {
    // The methods survey (56 units) and the usage extract (the same 56 units, methods counted where a
    // month is above zero) together: each unit counts once, by its register identity, so the shares
    // are the report's. The extract's zeros make Triple P, CPP, Dina, SNAP and YLS/CMI a measured 0 %.
    const rows = await runQuery(engine, 'method_adoption', ALL);
    expect(counts(rows)).toEqual([
      'komet 19/56',
      'cope 1/56',
      'de-otroliga-aren 2/56',
      'triple-p 0/56',
      'coping-power 0/56',
      'dina 0/56',
      'snap 0/56',
      'bsft 2/56',
      'fft 23/56',
      'mdft 1/56',
      'mst 8/56',
      'tfco 9/56',
      'kbt-individual 16/56',
      'stodsamtal-ungdom 52/56',
      'stodsamtal-foralder 51/56',
      'familjebehandling 47/56',
      'kontaktperson 45/56',
      'mi 38/56',
      'savry 12/56',
      'earl 8/56',
      'ester 6/56',
      'yls-cmi 0/56',
      'erasor 16/56',
    ]);
    const share = new Map(rows.map((r) => [String(r.id), Math.round(100 * Number(r.share))]));
    const report = {
      'stodsamtal-ungdom': 93,
      'stodsamtal-foralder': 91,
      fft: 41,
      komet: 34,
      mst: 14,
      'kbt-individual': 29,
      tfco: 16,
      'triple-p': 0,
      'coping-power': 0,
      dina: 0,
      snap: 0,
      erasor: 29,
      savry: 21,
      earl: 14,
      ester: 11,
      'yls-cmi': 0,
    };
    for (const [id, figure] of Object.entries(report)) expect(share.get(id), id).toBe(figure);
    // "Few": COPE, De otroliga åren, BSFT and MDFT, one or two units each.
    for (const id of ['cope', 'de-otroliga-aren', 'bsft', 'mdft']) expect(share.get(id), id).toBeLessThanOrEqual(4);
    expect(rows[0]).toMatchObject({ kind: 'intervention', recommendation: 'parenting-programme', age_band: '6–11' });
    expect(rows.find((r) => r.id === 'savry')).toMatchObject({ kind: 'tool', recommendation: 'assessment', age_band: '12–18' });

    // Dalarna: Falun and Borlänge have KOMET; Falun FFT, TFCO, SAVRY and EARL; five small ones individual
    // CBT; Borlänge, Ludvika and Mora use Erador.
    const dalarna = new Map(counts(await runQuery(engine, 'method_adoption', DALARNA)).map((c) => [c.split(' ')[0], c]));
    expect([...dalarna.values()].every((c) => c.endsWith('/7'))).toBe(true);
    expect(['komet', 'fft', 'mst', 'tfco', 'kbt-individual', 'savry', 'earl', 'erasor'].map((id) => dalarna.get(id))).toEqual([
      'komet 2/7',
      'fft 1/7',
      'mst 0/7',
      'tfco 1/7',
      'kbt-individual 5/7',
      'savry 1/7',
      'earl 1/7',
      'erasor 3/7',
    ]);
    // The 12 districts: every Stockholm district has KOMET (8); BSFT in Skarpnäck and Rinkeby-Kista; MDFT
    // and TFCO in Göteborg Nordost; no district names SAVRY, ESTER or Erador.
    const districts = await runQuery(engine, 'method_adoption', DISTRICTS);
    expect(counts(districts).filter((c) => !c.startsWith('stodsamtal') && !/ 0\/12$/.test(c))).toEqual([
      'komet 8/12',
      'bsft 2/12',
      'fft 3/12',
      'mdft 1/12',
      'mst 3/12',
      'tfco 1/12',
      'kbt-individual 3/12',
      'familjebehandling 10/12',
      'kontaktperson 8/12',
      'mi 10/12',
      'earl 3/12',
    ]);
    // SKR group A1 (the big cities) holds exactly the districts; the two filters agree.
    expect(counts(await runQuery(engine, 'method_adoption', [null, 'A1', null]))).toEqual(counts(districts));
    // Municipalities and districts add up to the whole.
    const municipalities = await runQuery(engine, 'method_adoption', MUNICIPALITIES);
    expect(municipalities.find((r) => r.id === 'fft')).toMatchObject({ units_using: 20, units_total: 44 });
  },

  async unit_matches() {
    // Every unit name as the four files write it: 56 in the Forms export, 56 in the activities survey,
    // 8 more in the usage extract (its district names), 8 in the training export; all in the register.
    const rows = await runQuery(engine, 'unit_matches');
    // 128 names in the surveys and extracts; the population file's 46 codes are statistics, never units.
    expect(rows).toHaveLength(128);
    expect(rows.every((r) => r.status === 'matched')).toBe(true);
    const byName = new Map(rows.map((r) => [r.name_in_file, r]));
    expect(byName.get('Stockholms stad – Skarpnäcks stadsdelsförvaltning')).toMatchObject({ municipality_code: '0180', county_code: '01', district: 'Skarpnäck' });
    expect(byName.get('Skärholmens sdf')).toMatchObject({ municipality_code: '0180', district: 'Skärholmen' });
    expect(byName.get('Stockholm – Skärholmen')).toMatchObject({ municipality_code: '0180', district: 'Skärholmen' });
    expect(byName.get('Stockholm Skärholmen')).toMatchObject({ municipality_code: '0180', district: 'Skärholmen' });
    expect(byName.get('Göteborgs Stad Socialförvaltning Nordost')).toMatchObject({ municipality_code: '1480', county_code: '14', district: 'Nordost' });
    expect(byName.get('Falu kommun')).toMatchObject({ municipality_code: '2080', county_code: '20', district: null });
    expect(byName.get('Västerås stad')).toMatchObject({ municipality_code: '1980', county_code: '19' });
    expect(byName.get('Mörbylånga kommun')).toMatchObject({ municipality_code: '0840', county_code: '08' });
    expect(byName.has('Totalt')).toBe(false);
  },

  async unmatched_methods() {
    // Every name in the samples is in the catalogue but one local method, left out of it on purpose.
    expect(await runQuery(engine, 'unmatched_methods')).toEqual([{ method_name: 'Sociala insatsgrupper (SIG)' }]);
  },

  async overview() {
    // The pilot: 56 responding units (of 65 invited), 12 of them city districts, in 14 counties.
    expect(await runQuery(engine, 'overview', ALL)).toEqual([{ units: 56, municipalities: 44, districts: 12, counties: 14, sources: 5 }]);
    expect(await runQuery(engine, 'overview', STOCKHOLMS_LAN)).toEqual([{ units: 17, municipalities: 9, districts: 8, counties: 1, sources: 5 }]);
    expect(await runQuery(engine, 'overview', DISTRICTS)).toEqual([{ units: 12, municipalities: 0, districts: 12, counties: 2, sources: 5 }]);
    expect(await runQuery(engine, 'overview', ['01', null, 'district'])).toEqual([{ units: 8, municipalities: 0, districts: 8, counties: 1, sources: 5 }]);
    expect(await runQuery(engine, 'overview', ['20', 'A1', null])).toEqual([{ units: 0, municipalities: 0, districts: 0, counties: 0, sources: 5 }]);
  },

  async overview_sources() {
    expect(await runQuery(engine, 'overview_sources', ALL)).toEqual([
      { file_name: 'assessment-training-2024.csv', shape: 'training', wave: '2024', units: 8 },
      { file_name: 'pilot-activities-survey-2023.csv', shape: 'survey-wide', wave: '2023', units: 56 },
      { file_name: 'pilot-methods-survey-2023.xlsx', shape: 'survey-multi', wave: '2023', units: 56 },
      { file_name: 'population-0-17-2023.csv', shape: 'statistics', wave: null, units: 46 },
      { file_name: 'usage-2022-2024.csv', shape: 'usage', wave: null, units: 56 },
    ]);
    // Dalarna has no district, so the training export (Stockholm's districts) holds none of its units.
    expect((await runQuery(engine, 'overview_sources', DALARNA)).map((r) => r.units)).toEqual([0, 7, 7, 7, 7]);
    // The population file gives Stockholm and Göteborg figures as municipalities, beside the 44 others;
    // with districts chosen, it has none.
    expect((await runQuery(engine, 'overview_sources', DISTRICTS)).map((r) => r.units)).toEqual([8, 12, 12, 0, 12]);
    expect((await runQuery(engine, 'overview_sources', MUNICIPALITIES)).map((r) => r.units)).toEqual([0, 44, 44, 46, 44]);
  },

  async scale_answers() {
    const rows = await runQuery(engine, 'scale_answers', ALL);
    const question = (start: string) => {
      const found = rows.filter((r) => String(r.question).startsWith(start));
      expect(new Set(found.map((r) => r.question)).size, start).toBe(1);
      return found;
    };
    const n = (answers: Row[], positions: number[]) =>
      answers.filter((r) => positions.includes(Number(r.position))).reduce((sum, r) => sum + Number(r.n), 0);
    const total = (answers: Row[]) => Number(answers[0]!.total);
    /** `n/total = pct %` of the answers at these positions, over the rated answers. */
    const figure = (start: string, positions: number[]) => {
      const answers = question(start);
      const top = n(answers, positions);
      return `${top}/${total(answers)} = ${pct(top, total(answers))} %`;
    };

    // Satisfaction, "ganska eller mycket nöjda" (positions 4–5); non-participants are not rated.
    const SATISFIED = [4, 5];
    expect(figure('Hur nöjd är du med aktiviteten Introduktion till samverkanspiloten', SATISFIED)).toBe('37/52 = 71 %');
    expect(figure('Hur nöjd är du med föreläsningen om risk, behov och mottaglighet', SATISFIED)).toBe('46/53 = 87 %');
    expect(figure('Hur nöjd är du med de regionala workshopparna', SATISFIED)).toBe('36/51 = 71 %');
    expect(figure('Hur nöjd är du med aktiviteten Samla metodföreträdare', SATISFIED)).toBe('34/52 = 65 %');
    expect(figure('Hur nöjd är du med aktiviteten Introduktion till avtalssamverkan', SATISFIED)).toBe('15/38 = 39 %');
    expect(figure('Hur nöjd är du med samverkanspiloten i sin helhet', SATISFIED)).toBe('40/55 = 73 %');
    // About 2/3 took part in the introduction to inter-municipal agreements: 38 rated, 18 did not take part.
    const agreements = question('Hur nöjd är du med aktiviteten Introduktion till avtalssamverkan');
    expect(agreements.filter((r) => r.position === null)).toEqual([expect.objectContaining({ answer: 'Har inte deltagit', n: 18, total: 38 })]);
    expect(pct(38, 38 + 18)).toBe(68);

    // Extent, "i mycket eller ganska hög utsträckning" (positions 3–4).
    const HIGH = [3, 4];
    expect(figure('I vilken utsträckning uppnåddes syftet med RBM-dagen', HIGH)).toBe('41/53 = 77 %');
    expect(figure('I vilken utsträckning ökade RBM-dagen deltagarnas förståelse', HIGH)).toBe('26/53 = 49 %');
    expect(figure('I vilken utsträckning kan samverkanspilotens koncept användas', HIGH)).toBe('45/54 = 83 %');
    expect(figure('I vilken utsträckning har samverkanspilotens koncept skapat förutsättningar', HIGH)).toBe('25/54 = 46 %');
    expect(figure('I vilken utsträckning har konceptet medfört ökad kunskap om målgruppens behov', HIGH)).toBe('36/54 = 67 %');
    expect(figure('I vilken utsträckning har samverkanspiloten medfört ökade kunskaper om hur kommunen', HIGH)).toBe('22/54 = 41 %');

    // Frequency: always or mostly (positions 3–4), always (4), in single cases or never (1).
    expect(figure('Hur ofta tar ni stöd av standardiserade risk- och behovsbedömningsmetoder', [3, 4])).toBe('6/51 = 12 %');
    expect(figure('Gör ni en bedömning av vilka riskfaktorer', [4])).toBe('3/53 = 6 %');
    expect(figure('Gör ni en bedömning av vilka riskfaktorer', [1])).toBe('18/53 = 34 %');
    expect(figure('Erbjuder ni målgruppen vetenskapligt utvärderade insatser', [3, 4])).toBe('15/54 = 28 %');

    // Prior knowledge of RBM: the report's shares are of all 56 answers, "Vet ej" included (16 + 57 + 25
    // = 98 %), so the base is the rated total plus the unrated answers.
    const knowledge = question('Kände personalen till RBM-modellen');
    expect(knowledge.map((r) => [r.scale, r.answer, r.position, r.n, r.total])).toEqual([
      ['knowledge', 'Inte alls', 1, 14, 55],
      ['knowledge', 'Några få medarbetare', 2, 32, 55],
      ['knowledge', 'De flesta medarbetare', 3, 9, 55],
      ['knowledge', 'Vet ej', null, 1, 55],
    ]);
    const all = knowledge.reduce((sum, r) => sum + Number(r.n), 0);
    expect([3, 2, 1].map((p) => pct(n(knowledge, [p]), all))).toEqual([16, 57, 25]);

    // Ordered by question, then position (unrated last); each question on one scale.
    expect(rows.map((r) => r.question)).toEqual([...rows.map((r) => String(r.question))].sort());
    expect(new Set(rows.map((r) => r.scale))).toEqual(new Set(['satisfaction', 'extent', 'frequency', 'knowledge']));
    expect(new Set(rows.map((r) => r.question)).size).toBe(16);

    // Dalarna's 7 answers to "the pilot as a whole" and to prior knowledge (count them in the CSV).
    const dalarna = await runQuery(engine, 'scale_answers', DALARNA);
    const of = (start: string) => dalarna.filter((r) => String(r.question).startsWith(start)).map((r) => [r.answer, r.n, r.total]);
    expect(of('Hur nöjd är du med samverkanspiloten i sin helhet')).toEqual([
      ['Ganska missnöjd', 1, 7],
      ['Varken nöjd eller missnöjd', 2, 7],
      ['Ganska nöjd', 2, 7],
      ['Mycket nöjd', 2, 7],
    ]);
    expect(of('Kände personalen till RBM-modellen')).toEqual([
      ['Inte alls', 3, 7],
      ['Några få medarbetare', 4, 7],
    ]);
  },

  async training_coverage() {
    const rows = await runQuery(engine, 'training_coverage', ALL);
    // 8 districts × SAVRY, EARL, ADAD; the totals rows are not units.
    expect(rows).toHaveLength(24);
    const of = (label: string) => rows.filter((r) => r.unit_label === label).map((r) => [r.method_id, r.trained, r.staff]);
    // The Stockholm audit's figures.
    expect(of('Stockholm – Enskede-Årsta-Vantör')).toEqual([
      ['savry', 17, 51],
      ['earl', 23, 51],
      ['adad', 9, 51],
    ]);
    expect(of('Stockholm – Skärholmen')).toEqual([
      ['savry', 8, 32],
      ['earl', 8, 32],
      ['adad', 4, 32],
    ]);
    const eav = rows.find((r) => r.unit_name === 'Enskede-Årsta-Vantör' && r.method_id === 'earl')!;
    expect(eav.share_trained).toBeCloseTo(23 / 51, 10);
    expect(rows[0]).toMatchObject({ unit_name: 'Enskede-Årsta-Vantör', unit_label: 'Stockholm – Enskede-Årsta-Vantör', method_id: 'savry' });
    expect(rows.some((r) => String(r.unit_name).startsWith('Totalt'))).toBe(false);
    expect(await runQuery(engine, 'training_coverage', STOCKHOLMS_LAN)).toHaveLength(24);
    expect(await runQuery(engine, 'training_coverage', DALARNA)).toEqual([]);
    expect(await runQuery(engine, 'training_coverage', MUNICIPALITIES)).toEqual([]);
  },

  async county_method_share() {
    const rows = await runQuery(engine, 'county_method_share', ALL);
    expect([...new Set(rows.map((r) => r.county_code))]).toEqual(['01', '03', '06', '08', '12', '14', '17', '18', '19', '20', '21', '23', '24', '25']);
    // Per county, the same counting as method_adoption: the counties add up to the whole.
    for (const id of ['komet', 'fft', 'mst', 'tfco', 'erasor', 'triple-p']) {
      const ofMethod = rows.filter((r) => r.method_id === id);
      expect(ofMethod.reduce((sum, r) => sum + Number(r.units_total), 0), id).toBe(56);
    }
    const using = (id: string) => rows.filter((r) => r.method_id === id).reduce((sum, r) => sum + Number(r.units_using), 0);
    expect([using('komet'), using('fft'), using('mst'), using('tfco'), using('erasor')]).toEqual([19, 23, 8, 9, 16]);
    // Stockholms län: 17 units, 13 with KOMET (8 districts, Huddinge, Botkyrka, Haninge, Järfälla,
    // Sollentuna), FFT in 6 (Huddinge, Enskede-Årsta-Vantör, Botkyrka, Haninge, Nacka, Södertälje).
    const stockholm = rows.filter((r) => r.county_code === '01');
    expect(stockholm[0]).toMatchObject({ county_name: 'Stockholms län', method_id: 'komet', kind: 'intervention', units_using: 13, units_total: 17 });
    expect(counts(stockholm.filter((r) => ['fft', 'mst', 'tfco', 'kbt-individual', 'savry', 'earl'].includes(String(r.method_id))), 'method_id')).toEqual([
      'fft 6/17',
      'mst 3/17',
      'tfco 3/17',
      'kbt-individual 8/17',
      'savry 4/17',
      'earl 4/17',
    ]);
    // Filtered to Dalarna: one county, the figures of method_adoption for it.
    const dalarna = await runQuery(engine, 'county_method_share', DALARNA);
    expect(new Set(dalarna.map((r) => r.county_name))).toEqual(new Set(['Dalarnas län']));
    expect(counts(dalarna, 'method_id')).toEqual(counts(await runQuery(engine, 'method_adoption', DALARNA)));
    expect(dalarna.find((r) => r.method_id === 'kbt-individual')!.share).toBeCloseTo(5 / 7, 10);
    // Districts only: Stockholm (8) and Västra Götaland (Göteborg's 4).
    const districts = await runQuery(engine, 'county_method_share', DISTRICTS);
    expect(counts(districts.filter((r) => r.method_id === 'komet' || r.method_id === 'fft'), 'method_id')).toEqual([
      'komet 8/8',
      'fft 1/8',
      'komet 0/4',
      'fft 2/4',
    ]);
  },

  async county_units() {
    const rows = await runQuery(engine, 'county_units', ALL);
    expect(rows).toHaveLength(56);
    const of = (label: string) => rows.find((r) => r.unit_label === label);
    expect(of('Falun')).toEqual({
      county_code: '20',
      county_name: 'Dalarnas län',
      unit_label: 'Falun',
      unit_type: 'municipality',
      methods: 'komet,fft,tfco,stodsamtal-ungdom,stodsamtal-foralder,familjebehandling,kontaktperson,mi,savry,earl',
    });
    // Skarpnäck's answer (seed 002): KOMET and BSFT through Framtid Stockholm.
    expect(of('Stockholm – Skarpnäck')).toMatchObject({ county_code: '01', unit_type: 'district', methods: 'komet,bsft,stodsamtal-ungdom,stodsamtal-foralder,familjebehandling,mi' });
    expect(of('Göteborg – Nordost')).toMatchObject({ county_code: '14', unit_type: 'district', methods: 'mdft,tfco,stodsamtal-ungdom,stodsamtal-foralder,familjebehandling,mi' });
    expect(of('Gällivare')).toMatchObject({ county_code: '25', county_name: 'Norrbottens län', methods: 'familjebehandling,kontaktperson,erasor' });
    // Ordered by county, then label.
    expect(rows.map((r) => r.county_code)).toEqual([...rows.map((r) => String(r.county_code))].sort());
    expect((await runQuery(engine, 'county_units', DALARNA)).map((r) => r.unit_label)).toEqual([
      'Avesta',
      'Borlänge',
      'Falun',
      'Hedemora',
      'Leksand',
      'Ludvika',
      'Mora',
    ]);
    const districts = await runQuery(engine, 'county_units', DISTRICTS);
    expect(districts).toHaveLength(12);
    expect(districts.every((r) => r.unit_type === 'district' && /^(Stockholm|Göteborg) – /.test(String(r.unit_label)))).toBe(true);
  },

  async coverage_gaps() {
    const rows = await runQuery(engine, 'coverage_gaps', ALL);
    // 56 units × the five recommended intervention types.
    expect(rows).toHaveLength(280);
    const covered = (rec: string) => rows.filter((r) => r.recommendation === rec && r.is_covered === true).length;
    // Parenting: 19 KOMET, plus COPE in Karlstad and De otroliga åren in Umeå and Helsingborg. Family
    // treatment: FFT, BSFT, MDFT or MST in 28. No unit has a multimodal CBT skills programme.
    expect(['parenting-programme', 'cbt-skills-group', 'family-treatment', 'tfco', 'individual-cbt'].map(covered)).toEqual([22, 0, 28, 9, 16]);
    expect(rows.filter((r) => r.is_covered === true).every((r) => r.offered_nearby === null)).toBe(true);

    // Dalarna, by hand: KOMET in Borlänge and Falun; FFT and TFCO in Falun; individual CBT in Avesta,
    // Hedemora, Leksand, Ludvika and Mora; CBT skills programmes nowhere.
    const dalarna = await runQuery(engine, 'coverage_gaps', DALARNA);
    expect(dalarna).toHaveLength(35);
    const avesta = dalarna.filter((r) => r.unit_label === 'Avesta').map((r) => [r.recommendation, r.is_covered, r.offered_nearby]);
    expect(avesta).toEqual([
      ['parenting-programme', false, 'Borlänge, Falun'],
      ['cbt-skills-group', false, null],
      ['family-treatment', false, 'Falun'],
      ['tfco', false, 'Falun'],
      ['individual-cbt', true, null],
    ]);
    expect(dalarna.find((r) => r.unit_label === 'Falun' && r.recommendation === 'individual-cbt')).toEqual({
      county_code: '20',
      unit_label: 'Falun',
      recommendation: 'individual-cbt',
      is_covered: false,
      offered_nearby: 'Avesta, Hedemora, Leksand, Ludvika, Mora',
    });

    // Districts only: the neighbours offering a method are looked for among all units of the county,
    // so Enskede-Årsta-Vantör sees TFCO in three municipalities of Stockholms län.
    const districts = await runQuery(engine, 'coverage_gaps', DISTRICTS);
    expect(districts).toHaveLength(60);
    expect(districts.find((r) => r.unit_label === 'Stockholm – Enskede-Årsta-Vantör' && r.recommendation === 'tfco')).toMatchObject({
      county_code: '01',
      is_covered: false,
      offered_nearby: 'Botkyrka, Huddinge, Södertälje',
    });
  },

  async usage_trend() {
    const rows = await runQuery(engine, 'usage_trend', ALL);
    const at = (period: string) => rows.filter((r) => r.period === period).map((r) => `${String(r.method_id)} ${Number(r.units_using)}/${Number(r.total_count)}`);
    // The first month holds the zeros of the methods nobody uses; by the survey's last month (June 2023)
    // every unit that reported a method has started it, and adoption keeps growing through 2024.
    expect(at('2022-01')).toEqual([
      'komet 8/26',
      'cope 1/1',
      'triple-p 0/0',
      'coping-power 0/0',
      'dina 0/0',
      'snap 0/0',
      'bsft 2/4',
      'fft 12/23',
      'mdft 1/1',
      'mst 3/9',
      'tfco 2/3',
      'kbt-individual 7/11',
      'savry 5/5',
      'earl 4/4',
      'ester 4/5',
      'yls-cmi 0/0',
      'erasor 9/11',
    ]);
    expect(at('2024-12')).toEqual([
      'komet 19/151',
      'cope 1/2',
      'de-otroliga-aren 2/15',
      'bsft 2/9',
      'fft 23/133',
      'mdft 1/3',
      'mst 8/53',
      'tfco 9/20',
      'kbt-individual 16/54',
      'savry 11/50',
      'earl 8/21',
      'ester 5/13',
      'erasor 11/28',
    ]);
    // 36 months, in order; the local method outside the catalogue (SIG) is left out.
    expect([...new Set(rows.map((r) => r.period))]).toHaveLength(36);
    // N: the 56 units of the extract, on every row.
    expect(new Set(rows.map((r) => r.units_total))).toEqual(new Set([56]));
    expect(rows.map((r) => r.period)).toEqual([...rows.map((r) => String(r.period))].sort());
    expect(rows.every((r) => typeof r.method_id === 'string')).toBe(true);
    // No month has more units using a method than the survey reported.
    const surveyed = new Map((await runQuery(engine, 'method_adoption', ALL)).map((r) => [r.id, Number(r.units_using)]));
    expect(rows.filter((r) => Number(r.units_using) > surveyed.get(r.method_id)!)).toEqual([]);

    // Dalarna in January 2022 (count them in the extract): Falun's KOMET (3 children) and FFT (1),
    // Ludvika's individual CBT (1), one ERASOR assessment in Mora; zeros for the five unused methods.
    expect((await runQuery(engine, 'usage_trend', DALARNA)).filter((r) => r.period === '2022-01').map((r) => [r.method_id, r.units_using, r.total_count])).toEqual([
      ['komet', 1, 3],
      ['triple-p', 0, 0],
      ['coping-power', 0, 0],
      ['dina', 0, 0],
      ['snap', 0, 0],
      ['fft', 1, 1],
      ['kbt-individual', 1, 1],
      ['yls-cmi', 0, 0],
      ['erasor', 1, 1],
    ]);
    expect(await runQuery(engine, 'usage_trend', [null, 'C9', 'district'])).toEqual([]);
    // A year: its twelve months only, the same figures as without it.
    const in2023 = await runQuery(engine, 'usage_trend', [...ALL, '2023']);
    expect([...new Set(in2023.map((r) => r.period))]).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2023-${m}`));
    expect(in2023).toEqual(rows.filter((r) => String(r.period).startsWith('2023')));
  },

  async unit_method_use() {
    const rows = await runQuery(engine, 'unit_method_use', ALL);
    // Every one of the 56 units is placed in a municipality; each is asked about KOMET.
    const komet = rows.filter((r) => r.method_id === 'komet');
    expect(komet).toHaveLength(56);
    // Stockholm's 8 districts roll up to municipality 0180, each one a unit of it.
    const stockholm = komet.filter((r) => r.municipality_code === '0180');
    expect(stockholm.map((r) => r.district)).toHaveLength(8);
    expect(stockholm.every((r) => r.is_using === true)).toBe(true);
    // Rolled up to counties, the same counts as county_method_share for every county and method.
    const byCounty = new Map<string, [number, number]>();
    for (const r of rows) {
      const key = `${String(r.county_code)}|${String(r.method_id)}`;
      const [n, total] = byCounty.get(key) ?? [0, 0];
      byCounty.set(key, [n + (r.is_using ? 1 : 0), total + 1]);
    }
    const shares = await runQuery(engine, 'county_method_share', ALL);
    expect(shares.map((r) => `${String(r.county_code)}|${String(r.method_id)} ${Number(r.units_using)}/${Number(r.units_total)}`)).toEqual(
      shares.map((r) => `${String(r.county_code)}|${String(r.method_id)} ${byCounty.get(`${String(r.county_code)}|${String(r.method_id)}`)!.join('/')}`),
    );
    // Filtered to Dalarna: its 7 municipalities only, Falun among the KOMET users.
    const dalarna = (await runQuery(engine, 'unit_method_use', DALARNA)).filter((r) => r.method_id === 'komet');
    expect(new Set(dalarna.map((r) => r.county_code))).toEqual(new Set(['20']));
    expect(dalarna.filter((r) => r.is_using).map((r) => r.unit_label).sort()).toEqual(['Borlänge', 'Falun']);
  },

  async population_rate() {
    const rows = await runQuery(engine, 'population_rate', ALL);
    // One row per municipality of the population file, method reported that year, and year of the extract.
    expect(new Set(rows.map((r) => r.municipality_code)).size).toBe(46);
    expect([...new Set(rows.map((r) => Number(r.year)))]).toEqual([2022, 2023, 2024]);
    const trend = await runQuery(engine, 'usage_trend', ALL);
    for (const year of ['2022', '2023', '2024']) {
      const reported = new Set(trend.filter((r) => String(r.period).startsWith(year)).map((r) => r.method_id));
      expect(rows.filter((r) => String(r.year) === year)).toHaveLength(46 * reported.size);
    }
    // The population file holds 2023 (its name says so): every year's rate rests on it, and says so.
    expect(new Set(rows.map((r) => `${String(r.population_year)} ${String(r.age_band)} ${String(r.population_file)}`))).toEqual(new Set(['2023 0-17 population-0-17-2023.csv']));
    // A municipality without a row for a method the extract reports elsewhere has 0, not no figure.
    const pairs = await engine.query(`SELECT DISTINCT u.municipality_code || '/' || m.method_id AS pair FROM usage AS x
      JOIN unit_map AS u USING (unit_name) JOIN method_map AS m USING (method_name) WHERE m.method_id IS NOT NULL`);
    const withRows = new Set(pairs.toArray().map((r: { pair: string }) => r.pair));
    const zeros = rows.filter((r) => !withRows.has(`${r.municipality_code}/${r.method_id}`));
    expect(zeros.length).toBeGreaterThan(0);
    expect(zeros.every((r) => r.per_month === 0 && r.rate === 0)).toBe(true);
    // Stockholm's KOMET in 2023: its districts' counts summed, over the year's 12 months, per 10,000 children.
    const stockholm = rows.find((r) => r.municipality_code === '0180' && r.method_id === 'komet' && Number(r.year) === 2023)!;
    const [sum] = (await engine.query(`SELECT sum(x.count)::DOUBLE AS total FROM usage AS x JOIN unit_map AS u USING (unit_name)
      JOIN method_map AS m USING (method_name) WHERE u.municipality_code = '0180' AND m.method_id = 'komet' AND x.period LIKE '2023%'`)).toArray().map((r: { toJSON(): Row }) => r.toJSON());
    const [children] = (await engine.query(`SELECT population FROM population WHERE municipality_code = '0180' AND year = 2023`)).toArray().map((r: { toJSON(): Row }) => r.toJSON());
    expect(stockholm.children).toBe(children!.population);
    expect(stockholm.per_month).toBeCloseTo(Number(sum!.total) / 12, 9);
    expect(stockholm.rate).toBeCloseTo((Number(sum!.total) / 12 / Number(children!.population)) * 10_000, 9);
    // A year chosen: that year's rows only, the same figures.
    const in2023 = await runQuery(engine, 'population_rate', [...ALL, '2023']);
    expect(in2023).toEqual(rows.filter((r) => Number(r.year) === 2023));
    // Dalarna: its seven municipalities only.
    expect(new Set((await runQuery(engine, 'population_rate', DALARNA)).map((r) => r.county_code))).toEqual(new Set(['20']));
  },

  async wave_use() {
    // Both surveys answered in 2023 (their response dates say so): the wave 2023.
    const W2023 = [null, null, null, null, '2023'];
    const rows = await runQuery(engine, 'wave_use', W2023);
    const komet = rows.filter((r) => r.method_id === 'komet');
    // The survey's 56 units, 19 of them using KOMET (34 %); the extract's units are not the survey's.
    expect([komet.length, komet.filter((r) => r.is_using).length]).toEqual([56, 19]);
    expect(new Set(rows.map((r) => r.unit_key)).size).toBe(56);
    expect(komet.find((r) => r.unit_label === 'Borlänge')).toMatchObject({ county_code: '20', skr_group: 'B3', is_using: true, kind: 'intervention' });
    // A wave no file has: nothing.
    expect(await runQuery(engine, 'wave_use', [null, null, null, null, '2031'])).toEqual([]);
    // NULL: the surveys without a wave, of which there is none here.
    expect(await runQuery(engine, 'wave_use', ALL)).toEqual([]);
    const dalarna = (await runQuery(engine, 'wave_use', ['20', null, null, null, '2023'])).filter((r) => r.method_id === 'komet');
    expect(dalarna.filter((r) => r.is_using).map((r) => r.unit_label).sort()).toEqual(['Borlänge', 'Falun']);
  },

  async wave_sources() {
    // Both surveys are of 2023: they count in 2023 and, as the latest wave up to it, in 2024; in 2022 neither.
    const rows = async (wave: string | null) => runQuery(engine, 'wave_sources', [null, null, null, null, wave]);
    const names = async (wave: string | null) => (await rows(wave)).filter((r) => r.kind === 'survey').map((r) => `${String(r.source)} ${String(r.wave)}`);
    const both = ['pilot_activities_survey_2023 2023', 'pilot_methods_survey_2023 2023'];
    expect(await names(null)).toEqual(both);
    expect(await names('2024')).toEqual(both);
    expect(await names('2022')).toEqual([]);
    // The extract, whatever the wave, with the months it spans.
    expect((await rows('2022')).map((r) => [r.source, r.kind, r.first_period, r.last_period])).toEqual([['usage_2022_2024', 'extract', '2022-01', '2024-12']]);
  },

  async usage_periods() {
    expect((await runQuery(engine, 'usage_periods')).map((r) => r.year)).toEqual(['2022', '2023', '2024']);
  },
};

describe('queries/', () => {
  it('has a test case for every query file and a file for every case', async () => {
    const files = (await readdir('queries')).filter((f) => f.endsWith('.sql')).map((f) => f.replace(/\.sql$/, ''));
    expect(Object.keys(engine.queryFiles).filter((id) => !id.startsWith('model/')).sort()).toEqual(files.sort());
    expect(Object.keys(CASES).sort()).toEqual(files.sort());
  });

  it('every view query takes the unit filters (and some the period), and NULL for each means all', async () => {
    for (const id of Object.keys(CASES) as QueryId[]) {
      if (['table_columns', 'unit_matches', 'unmatched_methods', 'usage_periods', 'wave_sources'].includes(id)) continue;
      expect(parametersUsed(engine.queryFiles[id]!).slice(0, 3), id).toEqual([1, 2, 3]);
      expect(engine.queryFiles[id], id).toMatch(/\$1[\s\S]*\$2[\s\S]*\$3/);
    }
  });

  for (const [id, check] of Object.entries(CASES)) {
    it(`${id}.sql gives the expected result on the samples`, check);
  }
});
