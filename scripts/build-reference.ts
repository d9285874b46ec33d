// Turns the official register files in ../shared/reference (CSV, with sources and notes) into the small
// JSON files the app ships in renderer/src/domain/reference/. Checks the register on the way, so a bad
// edit of a CSV fails here and not in an analyst's chart. Run: npx tsx scripts/build-reference.ts
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const SOURCE = new URL('../../shared/reference/', import.meta.url);
const TARGET = new URL('../renderer/src/domain/reference/', import.meta.url);

/** RFC 4180: quoted fields may hold commas and doubled quotes; no field here spans lines. */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

async function readCsv(source: URL, name: string): Promise<Record<string, string>[]> {
  const lines = (await readFile(new URL(name, source), 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');
  const [header, ...rows] = lines.map(parseCsvLine);
  if (!header) throw new Error(`${name} is empty`);
  return rows.map((fields, n) => {
    if (fields.length !== header.length) throw new Error(`${name} line ${n + 2}: ${fields.length} fields, expected ${header.length}`);
    return Object.fromEntries(header.map((h, i) => [h, fields[i]!]));
  });
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

/** The wider of two ISO dates bounding a validity; null is an open end (before the records, or still in force). */
function widest(a: string | null, b: string | null, end: 'from' | 'to'): string | null {
  if (a === null || b === null) return null;
  return (end === 'from') === a < b ? a : b;
}

/** One record a line: small, readable and diff-friendly in review. */
function jsonLines(records: readonly unknown[]): string {
  return `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}

/** The JSON files, by name, from the CSV files in `source`. Throws on a register that fails a check. */
export async function buildReference(source: URL = SOURCE): Promise<Record<string, string>> {
  const counties = (await readCsv(source, 'counties.csv')).map((r) => ({ code: r.county_code!, name: r.county_name!, shortName: r.county_name_short! }));
  check(counties.length === 21, `counties.csv: ${counties.length} counties, expected 21`);
  const countyCodes = new Set(counties.map((c) => c.code));

  const skrRows = await readCsv(source, 'skr_kommungrupp_2023.csv');
  const skrByCode = new Map(skrRows.map((r) => [r.municipality_code!, r]));

  const municipalities = (await readCsv(source, 'municipalities.csv')).map((r) => {
    const code = r.municipality_code!;
    const skr = skrByCode.get(code);
    check(/^\d{4}$/.test(code), `municipalities.csv: bad code "${code}"`);
    check(r.county_code === code.slice(0, 2) && countyCodes.has(r.county_code), `municipalities.csv: ${code} has county ${r.county_code}`);
    check(skr?.municipality_name === r.municipality_name, `skr_kommungrupp_2023.csv: no group for ${code} ${r.municipality_name}`);
    return { code, name: r.municipality_name!, countyCode: r.county_code!, skrGroup: skr!.skr_group_code! };
  });
  check(municipalities.length === 290, `municipalities.csv: ${municipalities.length} municipalities, expected 290`);
  check(skrRows.length === 290, `skr_kommungrupp_2023.csv: ${skrRows.length} rows, expected 290`);

  const skrGroups = [...new Map(skrRows.map((r) => [r.skr_group_code!, r])).values()]
    .map((r) => ({ code: r.skr_group_code!, name: r.skr_group_name!, mainGroup: r.skr_main_group_code!, mainGroupName: r.skr_main_group_name! }))
    .sort((a, b) => a.code.localeCompare(b.code));

  // Units below the municipality that social services report by. Malmö's city-wide "fackförvaltning" is
  // the whole municipality, not a district, and other municipalities have administrations of the same name:
  // it stays out. Göteborg had an SDN "Centrum" (2011–2020) and has a stadsområde "Centrum" (2021–): one
  // name, one entry, with the widest validity, since an export cannot tell the two apart either.
  const districtsByKey = new Map<string, { municipalityCode: string; name: string; validFrom: string | null; validTo: string | null }>();
  for (const r of await readCsv(source, 'city_districts.csv')) {
    if (r.unit_type!.startsWith('fackförvaltning')) continue;
    const municipality = municipalities.find((m) => m.code === r.municipality_code);
    check(municipality?.name === r.municipality_name, `city_districts.csv: ${r.unit_name} names unknown municipality ${r.municipality_code}`);
    const validFrom = r.valid_from || null;
    const validTo = r.valid_to || null;
    const key = `${r.municipality_code}/${r.unit_name}`;
    const seen = districtsByKey.get(key);
    districtsByKey.set(key, {
      municipalityCode: r.municipality_code!,
      name: r.unit_name!,
      validFrom: seen ? widest(seen.validFrom, validFrom, 'from') : validFrom,
      validTo: seen ? widest(seen.validTo, validTo, 'to') : validTo,
    });
  }
  const districts = [...districtsByKey.values()];

  return {
    'counties.json': jsonLines(counties),
    'municipalities.json': jsonLines(municipalities),
    'skr-groups.json': jsonLines(skrGroups),
    'city-districts.json': jsonLines(districts),
  };
}

// Writes only when run as a script; the unit tests import buildReference to check the committed files.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const files = await buildReference();
  await mkdir(TARGET, { recursive: true });
  for (const [name, json] of Object.entries(files)) await writeFile(new URL(name, TARGET), json);
  console.log(`wrote ${Object.keys(files).join(', ')} to ${TARGET.pathname}`);
}
