// The installers' configuration as electron-builder reads it: its own loader and schema (the checks
// `npm run dist` runs before building anything), its package.json metadata check, what each target
// requires beyond the schema (the deb's maintainer and homepage, icons, categories, the workspace's file
// association), and what it would pack: the built app, and no node_modules the main process does not load.
import { builtinModules, createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve('.');
// electron-builder's package.json check: internal to app-builder-lib (no type), the one `npm run dist` runs.
const { checkMetadata } = createRequire(import.meta.url)('app-builder-lib/out/util/packageMetadata') as { checkMetadata: (metadata: unknown, devMetadata: unknown, file: string, devFile: string) => void };
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown> & { dependencies?: Record<string, string>; author?: { name?: string; email?: string }; homepage?: string; main: string };
type Config = Awaited<ReturnType<typeof getConfig>>;
let config: Config;

beforeAll(async () => {
  config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
});

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema and package.json checks', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(() => checkMetadata(pkg as never, pkg as never, 'package.json', 'package.json')).not.toThrow();
  });

  it('gives every target what it needs: the deb a maintainer and homepage, icons, categories, the .metodkartan association', () => {
    // Debian (FpmTarget): a maintainer (linux.maintainer, or the author's e-mail) and the project's homepage.
    expect(config.linux?.maintainer ?? (pkg.author?.email ? `${pkg.author.name} <${pkg.author.email}>` : null)).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect([config.linux?.target].flat()).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.mac?.category).toBe('public.app-category.productivity');
    expect(config.win?.target).toBe('nsis');
    // One icon for all: electron-builder makes .ico and .icns from a PNG of at least 512 × 512.
    const icon = readFileSync(path.join(config.directories?.buildResources ?? 'build', 'icon.png'));
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([1024, 1024]);
    expect([config.fileAssociations].flat()).toContainEqual(expect.objectContaining({ ext: 'metodkartan', role: 'Editor' }));
    // The fuses hold as configured (what a release machine checks on the signed build).
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true });
  });
});

describe('what the installer packs', () => {
  it('is the built app only: its files patterns name dist/ and package.json, and no production dependency is left', () => {
    // getConfig normalises the list into one file set (`{ filter }`), as electron-builder packs it.
    expect([config.files].flat().flatMap((set) => (typeof set === 'string' ? [set] : ((set as { filter?: string[] }).filter ?? [])))).toEqual([
      'dist/renderer/**',
      'dist-electron/**',
      'package.json',
    ]);
    // electron-builder copies every production dependency's node_modules; Vite and esbuild bundled them all.
    expect(pkg.dependencies ?? {}).toEqual({});
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { dev?: boolean; devOptional?: boolean }> };
    const production = Object.entries(lock.packages).filter(([name, entry]) => name !== '' && !entry.dev && !entry.devOptional);
    expect(production.map(([name]) => name)).toEqual([]);
  });

  it('needs nothing from node_modules at run time: the built main process and preload require only electron and Node', () => {
    const built = spawnSync(process.execPath, ['electron/build.mjs'], { cwd: root, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    for (const file of [pkg.main, 'dist-electron/preload.cjs']) {
      expect(statSync(file).size, file).toBeGreaterThan(1_000);
      const required = [...readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
      expect(required.filter((name) => name !== 'electron' && !builtins.has(name)), file).toEqual([]);
    }
  });
});
