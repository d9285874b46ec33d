// The query files, inlined by Vite at build time: the app reads no files at run time. An analysis in
// queries/ has its file name as its id (`usage_trend`); the model's SQL in queries/model/ is `model/schema`.
const files = import.meta.glob<string>(['../../../queries/*.sql', '../../../queries/model/*.sql'], { query: '?raw', import: 'default', eager: true });

export const BUNDLED_QUERIES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(files).map(([path, sql]) => [path.replace(/^.*\/queries\/(.+)\.sql$/, '$1'), sql]),
);
