// read-excel-file parses a sheet's XML in chunks, halving the chunk whenever one took over 7 ms, and
// went on to the next chunk by recursion: on a busy laptop a large sheet shrank its chunks to nothing
// and overflowed the stack ("Maximum call stack size exceeded", the import refused a good file).
// patches/read-excel-file+*.patch loops instead and keeps chunks at 4 KiB or more (it also appends each
// chunk's rows in place where concat copied all rows so far: a 50,000-row sheet took 18 s, now 1 s, as
// bench/ measures). Here every chunk looks slow: the clock advances 8 ms each time it is read.
import writeExcelFile from 'write-excel-file/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readWorkbook } from '../../../renderer/src/import/read-xlsx';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('readWorkbook', () => {
  it('reads a 20,000-row sheet when every chunk of its XML parses slowly', async () => {
    const rows = [['Enhet', 'Period', 'Insats', 'Antal'].map((value) => ({ value }))];
    for (let i = 0; i < 20_000; i++) rows.push([{ value: 'Falu kommun' }, { value: `2023-${String((i % 12) + 1).padStart(2, '0')}` }, { value: 'KOMET' }, { value: String(i % 7) }]);
    const bytes = new Uint8Array(await writeExcelFile([{ sheet: 'Uttag', data: rows }]).toBuffer());
    let now = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 8));
    const [sheet] = await readWorkbook(bytes);
    expect(sheet!.name).toBe('Uttag');
    expect(sheet!.rows).toHaveLength(20_001);
    expect(sheet!.rows[20_000]).toEqual(['Falu kommun', '2023-08', 'KOMET', '0']);
  });
});
