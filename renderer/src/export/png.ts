// SVG → PNG with resvg (WebAssembly), in the app and on the command line alike, with the app's font
// given as bytes: the picture does not depend on the fonts of the computer it is made on.
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { FONT_FAMILY, type FontFiles } from './fonts';

let ready: Promise<void> | null = null;

/** `wasm` gives resvg's .wasm (bytes or a URL); it is loaded once per process or window. */
export async function svgToPng(svg: string, scale: number, fonts: FontFiles, wasm: () => Promise<Uint8Array | URL | string>): Promise<Uint8Array> {
  ready ??= wasm()
    .then((module) => initWasm(module))
    .catch((error: unknown) => {
      ready = null;
      throw error;
    });
  await ready;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { fontBuffers: [fonts.regular, fonts.bold], defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  });
  try {
    return resvg.render().asPng();
  } finally {
    resvg.free();
  }
}
