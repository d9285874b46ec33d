// The query files, inlined by Vite at build time: the app reads no files at run time.
const files = import.meta.glob<string>('../../../queries/*.sql', { query: '?raw', import: 'default', eager: true });

export const BUNDLED_QUERIES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(files).map(([path, sql]) => [path.replace(/^.*\/([^/]+)\.sql$/, '$1'), sql]),
);
