// Lint: typescript-eslint's type-aware recommended rules, React hooks rules, and the layer boundaries
// from STYLE.md enforced rather than hoped for.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-electron/', 'release/', 'test-results/', 'node_modules/', '.dependency-cruiser.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // CommonJS files run by Node itself (the smoke test's stand-in for Electron, loaded with --require).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Only platform/ may touch the preload's API; everything else goes through the Platform interface.
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='metodkartan']", message: 'Use the Platform interface (renderer/src/platform).' },
      ],
      // Node's globals neither: their types reach the renderer's typecheck anyway (apache-arrow's
      // declarations reference Node's), so a Buffer or process here would compile and then fail.
      'no-restricted-globals': [
        'error',
        ...['Buffer', 'process', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate'].map((name) => ({
          name,
          message: 'The renderer runs in a browser: no Node globals.',
        })),
      ],
      // The renderer never reaches Node or Electron: it runs in a sandbox and in plain browsers.
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'fs', 'path', 'child_process'],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node access.' },
            { regex: '(^|/)electron/(?!shared/)', message: 'Only electron/shared is shared with the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/platform/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Security checks in main refuse control characters in names and URLs on purpose.
    files: ['electron/**'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['scripts/**', 'electron/build.mjs', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);
