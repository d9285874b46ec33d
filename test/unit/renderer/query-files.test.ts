import { describe, expect, it } from 'vitest';
import { parameterCount } from '../../../renderer/src/db/query-files';

describe('parameterCount', () => {
  it('finds the highest $n in the statement, not in its comments', () => {
    expect(parameterCount('SELECT 1')).toBe(0);
    expect(parameterCount('-- $1 county, $4 period\nSELECT * FROM t WHERE a = $1 AND b = $3')).toBe(3);
    expect(parameterCount('SELECT $2, $10, $1')).toBe(10);
  });
});
