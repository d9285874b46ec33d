import { describe, expect, it } from 'vitest';
import { parametersUsed } from '../../../renderer/src/db/query-files';

describe('parametersUsed', () => {
  it('finds the $n the statement reads, in order, not those in its comments', () => {
    expect(parametersUsed('SELECT 1')).toEqual([]);
    expect(parametersUsed('-- $1 county, $4 period\nSELECT * FROM t WHERE a = $1 AND b = $3')).toEqual([1, 3]);
    expect(parametersUsed('SELECT $2, $10, $1, $2')).toEqual([1, 2, 10]);
  });
});
