// The committed JSON in renderer/src/domain/reference/ must be what scripts/build-reference.ts makes of
// the register files in ../shared/reference: nobody edits the JSON by hand and forgets the source.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildReference } from '../../../scripts/build-reference';

describe('reference data', () => {
  it('is generated from the current register files', async () => {
    const files = await buildReference();
    expect(Object.keys(files).sort()).toEqual(['city-districts.json', 'counties.json', 'municipalities.json', 'skr-groups.json']);
    for (const [name, json] of Object.entries(files)) {
      const committed = await readFile(new URL(`../../../renderer/src/domain/reference/${name}`, import.meta.url), 'utf8');
      expect(committed, `${name} is stale: run npx tsx scripts/build-reference.ts`).toBe(json);
    }
  });
});
