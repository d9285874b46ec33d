import { readFileSync } from 'node:fs';
import { parseFile } from './renderer/src/import/parse-file';
import { readWorkbook } from './renderer/src/import/read-xlsx';
const bytes = new Uint8Array(readFileSync('bench/.data/usage-xlsx-50k.xlsx'));
for (let i = 0; i < 2; i++) {
  try { const r = await readWorkbook(bytes.slice()); console.log('wb ok', r[0]!.rows.length); } catch (e) { console.log('wb ERR', (e as Error).message); }
  try { const r = await parseFile({ name: 'x.xlsx', bytes: bytes.slice() }, {}, {}, () => {}); console.log('pf ok', r.report); } catch (e) { console.log('pf ERR', (e as any).detail, (e as any).stack?.split('\n').slice(0,3).join('|')); }
}
