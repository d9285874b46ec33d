// The store behind a view's busy mark and its failure message.
import { describe, expect, it } from 'vitest';
import { queriesRunning, queryFailures, setQueryFailure, trackQuery } from '../../../renderer/src/views/query-activity';

describe('query activity', () => {
  it('is busy while any tracked query runs, and passes its result and its failure through', async () => {
    let finish!: (rows: string[]) => void;
    let fail!: (error: Error) => void;
    const first = trackQuery(new Promise<string[]>((resolve) => (finish = resolve)));
    const second = trackQuery(new Promise<string[]>((_, reject) => (fail = reject)));
    expect(queriesRunning()).toBe(true);
    finish(['a']);
    expect(await first).toEqual(['a']);
    expect(queriesRunning()).toBe(true);
    fail(new Error('Out of Memory Error'));
    await expect(second).rejects.toThrow('Out of Memory Error');
    expect(queriesRunning()).toBe(false);
  });

  it('keeps one failure per query until the query succeeds or its view closes', () => {
    setQueryFailure('usage_trend', 'Out of Memory Error');
    setQueryFailure('method_adoption', 'Binder Error');
    const before = queryFailures();
    setQueryFailure('usage_trend', 'Out of Memory Error');
    // The same failure again is no change: the view does not redraw for it.
    expect(queryFailures()).toBe(before);
    expect([...queryFailures()]).toEqual([
      ['usage_trend', 'Out of Memory Error'],
      ['method_adoption', 'Binder Error'],
    ]);
    setQueryFailure('usage_trend', null);
    expect([...queryFailures()]).toEqual([['method_adoption', 'Binder Error']]);
    setQueryFailure('method_adoption', null);
    expect(queryFailures().size).toBe(0);
  });
});
