// The export fonts and resvg's wasm under Node (the command line and tests): read from the installed
// packages, the same files the app's build ships.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FontFiles } from '../renderer/src/export/fonts';

const require = createRequire(import.meta.url);
const read = async (specifier: string) => new Uint8Array(await readFile(require.resolve(specifier)));

export async function loadFontFilesNode(): Promise<FontFiles> {
  const [regular, bold, regularWoff2, boldWoff2] = await Promise.all([
    read('@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf'),
    read('@expo-google-fonts/source-sans-3/600SemiBold/SourceSans3_600SemiBold.ttf'),
    read('@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2'),
    read('@fontsource/source-sans-3/files/source-sans-3-latin-600-normal.woff2'),
  ]);
  return { regular, bold, regularWoff2, boldWoff2 };
}

export async function loadResvgWasmNode(): Promise<Uint8Array> {
  return read('@resvg/resvg-wasm/index_bg.wasm');
}
