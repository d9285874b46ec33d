// The import graph's rules, checked by `npm run lint` (and so by `npm test`):
// - no module imports, directly or through others, a module that imports it back (type-only imports
//   count: a cycle of types still ties the layers together);
// - the renderer's layers, from the bottom up: each imports only its own layer and those below it. The
//   data path is db → import → model (the SQL over the canonical tables, on the pure domain: catalogue,
//   register, matching, shapes) → shaping (query rows → chart specs) → views, export and report.
/** Lowest first. A folder (or file) of renderer/src/ in each. */
const LAYERS = [
  ['db', 'safe-text.ts', 'focus-ring.ts', 'roving-keys.ts'],
  ['import', 'platform', 'i18n', 'format.ts', 'maps'],
  ['domain'],
  ['model', 'export'],
  ['app', 'charts'],
  ['components', 'shaping'],
  ['workspace', 'report', 'views'],
  ['App.tsx', 'main.tsx', 'render-app.tsx'],
];

const pathOf = (names) => `^renderer/src/(${names.map((n) => n.replace(/\./g, '[.]') + (n.includes('.') ? '$' : '/')).join('|')})`;

const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${i + 1}-imports-upward`,
  severity: 'error',
  comment: `${layer.join(', ')} may import only their own layer and those below (see LAYERS).`,
  from: { path: pathOf(layer) },
  to: { path: pathOf(LAYERS.slice(i + 1).flat()) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: move what both sides need into a module of its own, below both.',
      from: {},
      to: { circular: true },
    },
    ...upward,
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'domain/ is plain rules over plain data (catalogue, register, matching, shapes): no database, no files. SQL belongs in model/.',
      from: { path: '^renderer/src/domain/' },
      to: { path: '^renderer/src/(?!domain/)' },
    },
    {
      name: 'renderer-imports-main-process',
      severity: 'error',
      comment: 'The renderer shares only the IPC contract with Electron (electron/shared/); its words are in renderer/src/i18n/.',
      from: { path: '^renderer/' },
      to: { path: '^electron/', pathNot: '^electron/shared/' },
    },
    {
      name: 'main-process-imports-renderer',
      severity: 'error',
      comment: 'The main process is built and shipped apart from the renderer; what both need goes in electron/shared/.',
      from: { path: '^electron/' },
      to: { path: '^renderer/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|dist-electron|bench/probe|bench/[.]data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
