// Runs a query file for a view, again whenever the filters or the loaded data change. A newer run
// replaces an older one that finishes late, so a quick series of filter clicks never shows stale rows.
import { useEffect, useState } from 'react';
import type { Engine, Row } from '../db/engine';
import { runQuery, type QueryId } from '../db/query-files';
import { filterParams, type Filters } from '../shaping/filters';
import { setQueryFailure, trackQuery } from './query-activity';

/** `enabled: false` runs nothing and gives null (a query only some states need). */
export function useQuery(engine: () => Promise<Engine>, id: QueryId, filters: Filters, dataVersion: number, enabled = true): Row[] | null {
  const [rows, setRows] = useState<Row[] | null>(null);
  const { county, skrGroup, unitType, period, wave } = filters;
  useEffect(() => {
    if (!enabled) return;
    let isCurrent = true;
    void trackQuery(engine().then((db) => runQuery(db, id, filterParams({ county, skrGroup, unitType, period, wave, method: null }))))
      .then(
        (result) => {
          if (!isCurrent) return;
          setRows(result);
          setQueryFailure(id, null);
        },
        (error: unknown) => {
          console.error(error);
          if (!isCurrent) return;
          setRows([]);
          setQueryFailure(id, error instanceof Error ? error.message : String(error));
        },
      );
    return () => {
      isCurrent = false;
    };
  }, [engine, id, county, skrGroup, unitType, period, wave, dataVersion, enabled]);
  // A view that is closed has no failure to show.
  useEffect(() => () => setQueryFailure(id, null), [id]);
  return enabled ? rows : null;
}
