// Every chart type drawn for export: SVG with the embedded font, the texts on the image in Swedish
// number format, and PNG at 1×, 2× and 3× through resvg with the app's font.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../renderer/src/i18n/translate';
import type { ChartSpec } from '../../../renderer/src/export/chart-spec';
import { withEdits } from '../../../renderer/src/export/chart-edits';
import { figuresOf } from '../../../renderer/src/export/chart-files';
import { dataTableToCsv } from '../../../renderer/src/export/table-export';
import { chartSvg, niceTicks, wrap } from '../../../renderer/src/export/chart-svg';
import { fontFaceCss, measureWith, type FontFiles, type TextMeasure } from '../../../renderer/src/export/fonts';
import { svgToPng } from '../../../renderer/src/export/png';
import { adoptionSpec, countyHeatSpec, scaleSpec, trendShape, trendSpec, type SpecContext } from '../../../renderer/src/shaping/specs';
import { adoptionGroups } from '../../../renderer/src/shaping/shape-adoption';
import { scaleQuestions } from '../../../renderer/src/shaping/shape-scales';
import { loadFontFilesNode, loadResvgWasmNode } from '../../../scripts/export-assets-node';

let fonts: FontFiles;
let measure: TextMeasure;
const ctx: SpecContext = { lang: 'sv', t: (key, params) => translate('sv', key, params), files: ['pilot-methods-survey-2023.xlsx'] };
const NBSP = '\u00a0';
const OUT = path.resolve('test-results/export');

beforeAll(async () => {
  fonts = await loadFontFilesNode();
  measure = measureWith(fonts);
  await mkdir(OUT, { recursive: true });
});

const adoption = (n: number, id: string, kind = 'intervention', recommendation = 'family-treatment') => ({
  id,
  kind,
  recommendation,
  units_using: n,
  units_total: 56,
  share: n / 56,
});

function specs(): Record<string, ChartSpec> {
  const [family] = adoptionGroups([adoption(23, 'fft'), adoption(8, 'mst'), adoption(0, 'bsft')], 'intervention', 'sv');
  const q = 'Hur nöjd är du med samverkanspiloten i sin helhet?';
  const satisfaction = scaleQuestions([
    { question: q, scale: 'satisfaction', answer: 'Mycket nöjd', position: 5, n: 12, total: 55 },
    { question: q, scale: 'satisfaction', answer: 'Ganska nöjd', position: 4, n: 28, total: 55 },
    { question: q, scale: 'satisfaction', answer: 'Ganska missnöjd', position: 2, n: 15, total: 55 },
  ]);
  const heat = countyHeatSpec(
    [
      { county_code: '01', county_name: 'Stockholms län', method_id: 'komet', units_using: 13, units_total: 17, share: 13 / 17 },
      { county_code: '20', county_name: 'Dalarnas län', method_id: 'komet', units_using: 2, units_total: 7, share: 2 / 7 },
      { county_code: '01', county_name: 'Stockholms län', method_id: 'fft', units_using: 6, units_total: 17, share: 6 / 17 },
    ],
    ctx,
  );
  const trendRows = ['2023-01', '2023-02', '2023-03'].flatMap((period, i) => [
    { period, method_id: 'fft', units_using: 1000 + i * 234, total_count: 0, units_total: 2000 },
    { period, method_id: 'komet', units_using: 400, total_count: 0, units_total: 2000 },
  ]);
  return {
    bars: adoptionSpec(family!, 'intervention', ctx),
    diverging: scaleSpec('satisfaction', satisfaction, ctx),
    heat,
    lines: trendSpec(trendShape(trendRows, 'fft'), ctx, 'fft'),
  };
}

/** PNG width and height from its IHDR chunk. */
const pngSize = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
};

describe('chart export', () => {
  it('wraps text in the export font and picks round axis ticks', () => {
    const lines = wrap('Hur nöjd är du med aktiviteten Introduktion till avtalssamverkan och andra samverkansformer?', 200, 14, measure);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(measure.width(line, 14)).toBeLessThanOrEqual(200);
    expect(niceTicks(23)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(niceTicks(1468)).toEqual([0, 500, 1000, 1500]);
  });

  for (const kind of ['bars', 'diverging', 'heat', 'lines'] as const) {
    it(`draws ${kind} as SVG with the font, texts and Swedish numbers, and as PNG`, async () => {
      const spec = specs()[kind]!;
      const a4 = chartSvg(spec, 'a4', measure, fontFaceCss(fonts));
      expect(a4.width).toBe(640);
      expect(a4.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="640" height="\d+"/);
      // The font travels inside the file.
      expect(a4.svg).toContain("@font-face{font-family:'Source Sans 3';font-weight:400;src:url(data:font/woff2;base64,d09GMg");
      expect(a4.svg).toContain('font-weight:600');
      // Title, n/N, source and byline are on the image, and the alt text is its description.
      expect(a4.svg).toContain(`>${spec.text.title.split(' ').slice(0, 2).join(' ')}`);
      expect(a4.svg).toContain(`>${spec.text.count}</text>`);
      expect(a4.svg).toContain('>Källa: pilot-methods-survey-2023.xlsx, egen bearbetning.</text>');
      expect(a4.svg).toContain('>Diagram: Metodkartan</text>');
      expect(a4.svg).toContain(`<desc id="desc">`);

      const slide = chartSvg(spec, 'slide', measure);
      expect([slide.width, slide.height]).toEqual([960, 540]);

      for (const scale of [1, 2, 3]) {
        const png = await svgToPng(a4.svg, scale, fonts, loadResvgWasmNode);
        expect(pngSize(png)).toEqual([640 * scale, a4.height * scale]);
        if (scale === 2) await writeFile(path.join(OUT, `${kind}-a4@2x.png`), png);
      }
      await writeFile(path.join(OUT, `${kind}-slide.png`), await svgToPng(slide.svg, 1, fonts, loadResvgWasmNode));
    });
  }

  it('writes shares and counts as Swedish readers expect them', () => {
    const { bars, lines, diverging } = specs();
    expect(chartSvg(bars!, 'a4', measure).svg).toContain(`>41${NBSP}% (23 av 56)</text>`);
    expect(chartSvg(bars!, 'a4', measure).svg).toContain(`>0${NBSP}% (0 av 56)</text>`);
    expect(chartSvg(bars!, 'a4', measure).svg).toContain(`>100${NBSP}%</text>`);
    expect(chartSvg(lines!, 'a4', measure).svg).toContain(`>1${NBSP}500</text>`);
    // The headline wraps beside its bar; the description holds it whole.
    expect(chartSvg(diverging!, 'a4', measure).svg).toContain(`>73${NBSP}% ganska eller`);
    expect(diverging!.alt).toContain(`73${NBSP}% ganska eller mycket nöjda (40 av 55)`);
  });

  it('says above the title, in its description and below its figures when they are sample data; an edit cannot drop it', async () => {
    const [family] = adoptionGroups([adoption(23, 'fft'), adoption(8, 'mst')], 'intervention', 'sv');
    const mark = 'Exempeldata – påhittade siffror, inte verkliga uppgifter.';
    const sample = adoptionSpec(family!, 'intervention', { ...ctx, sample: true });
    expect(sample.text.sample).toBe(mark);
    expect(sample.text.source).toBe('Källa: exempelfilerna som följer med Metodkartan (pilot-methods-survey-2023.xlsx), egen bearbetning.');
    const edited = withEdits(sample, { title: 'Egen rubrik', note: '', alt: 'Egen beskrivning.' });
    const { svg } = chartSvg(edited, 'a4', measure);
    expect(svg.indexOf(`>${mark}</text>`)).toBeGreaterThan(0);
    expect(svg.indexOf(`>${mark}</text>`)).toBeLessThan(svg.indexOf('>Egen rubrik</text>'));
    expect(svg).toContain(`<desc id="desc">${mark} Egen beskrivning.</desc>`);
    expect(chartSvg(edited, 'slide', measure).svg).toContain(`>${mark}</text>`);
    const csv = new TextDecoder().decode(dataTableToCsv(figuresOf(edited)));
    expect(csv.split('\r\n')).toContain(mark);
    // The user's own files: no mark anywhere.
    const own = adoptionSpec(family!, 'intervention', ctx);
    expect(own.text.sample).toBeUndefined();
    expect(chartSvg(own, 'a4', measure).svg).not.toContain('Exempeldata');
    expect(figuresOf(own)).toBe(own.table);
  });
});
