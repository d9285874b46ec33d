// What exporting needs in the app: the fonts and resvg's wasm, files of the build (Vite's `?url`),
// fetched from the app's own origin on the first export only.
import resvgWasmUrl from '@resvg/resvg-wasm/index_bg.wasm?url';
import regularWoff2 from '@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2?url';
import boldWoff2 from '@fontsource/source-sans-3/files/source-sans-3-latin-600-normal.woff2?url';
import regular from '@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf?url';
import bold from '@expo-google-fonts/source-sans-3/600SemiBold/SourceSans3_600SemiBold.ttf?url';
import type { FontFiles } from './fonts';

let loading: Promise<FontFiles> | null = null;

async function bytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export function loadFontFiles(): Promise<FontFiles> {
  loading ??= Promise.all([bytes(regular), bytes(bold), bytes(regularWoff2), bytes(boldWoff2)])
    .then(([r, b, rw, bw]) => ({ regular: r, bold: b, regularWoff2: rw, boldWoff2: bw }))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

export const loadResvgWasm = (): Promise<string> => Promise.resolve(resvgWasmUrl);
