// The entry: DuckDB-WASM takes most of a second to start (its worker, a 34 MB module, the database), so
// it is asked for first, from a small chunk, and the window is drawn while it starts: React, the app
// and its styles come in a chunk of their own. The app awaits this same start (getEngine starts once);
// a failure is shown by the app when it asks.
import { getEngine } from './db/duckdb-browser';

getEngine().catch(() => undefined);
void import('./render-app');
