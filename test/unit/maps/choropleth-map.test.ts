// The map component (server-rendered: no DOM needed), its buttons (the view called as a function, its
// handlers called as React would), and the exported SVG and PNG (written to test-results/maps/ for a
// person to look at; the PNG's pixels are read back at the units' centres).
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createElement, type ReactElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { COUNTIES, MUNICIPALITIES } from '../../../renderer/src/domain/units';
import { escapeXml } from '../../../renderer/src/safe-text';
import { FONT_FAMILY, type FontFiles, measureWith } from '../../../renderer/src/export/fonts';
import { choropleth, classBreaks, colourOf, legendItems, NO_DATA_COLOUR, type MapLevel } from '../../../renderer/src/maps/choropleth';
import { ChoroplethMap, ChoroplethView, type ChoroplethViewProps } from '../../../renderer/src/maps/ChoroplethMap';
import { isSelectKey, itemForKey as unitForKey } from '../../../renderer/src/roving-keys';
import { rankUnits } from '../../../renderer/src/maps/MapPanel';
import { unitBoxes, unitView } from '../../../renderer/src/maps/geo';
import { FOCUS_RING } from '../../../renderer/src/focus-ring';
import { choroplethSvg, choroplethSvgString } from '../../../renderer/src/export/choropleth-svg';
import { loadFontFilesNode, loadResvgWasmNode } from '../../../scripts/export-assets-node';

const percent = (v: number) => `${Math.round(v * 100)}\u00a0%`;
const NO_DATA = 'Uppgift saknas';

/** Made-up shares: every unit but every seventh, rising from south to north-ish by code. */
function madeUp(codes: readonly string[]): Map<string, number> {
  return new Map(codes.filter((_, i) => i % 7 !== 3).map((code, i) => [code, ((i * 37) % 100) / 100]));
}
const municipalityValues = madeUp(MUNICIPALITIES.map((m) => m.code));
const countyValues = madeUp(COUNTIES.map((c) => c.code));
const municipalityBreaks = classBreaks([...municipalityValues.values()], 'quantile', 5);
const countyBreaks = classBreaks([...countyValues.values()], 'fixed', 5, [0.2, 0.4, 0.6, 0.8]);

/** resvg's wasm, started once for the file (it cannot be started twice). */
let started: Promise<void> | null = null;
const resvgReady = {
  then: (resolve: () => void, reject: (error: unknown) => void) => (started ??= loadResvgWasmNode().then((wasm) => initWasm(wasm))).then(resolve, reject),
};

const decode = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const pathTags = (html: string) => html.match(/<path [^>]*data-code="[^"]+"[^>]*>/g) ?? [];
const attr = (tag: string, name: string) => decode(tag.match(new RegExp(` ${name}="([^"]*)"`))?.[1] ?? '');

describe('ChoroplethMap', () => {
  const render = (props: Partial<Parameters<typeof ChoroplethMap>[0]> = {}) =>
    renderToStaticMarkup(
      createElement(ChoroplethMap, {
        level: 'municipality',
        values: municipalityValues,
        breaks: municipalityBreaks,
        format: percent,
        label: 'Andel som använder KOMET, per kommun',
        noDataLabel: NO_DATA,
        width: 900,
        height: 560,
        ...props,
      }),
    );
  const mapOf = (html: string) => html.slice(html.indexOf('<svg class="choropleth-map"'), html.indexOf('</svg>', html.indexOf('<svg class="choropleth-map"')));

  it('draws one labelled path per municipality inside a named group', () => {
    const html = render();
    expect(html).toMatch(/<svg class="choropleth-map" [^>]*role="group"[^>]*aria-label="Andel som använder KOMET, per kommun"/);
    const tags = pathTags(html);
    expect(tags).toHaveLength(290);
    expect(tags.map((t) => attr(t, 'data-code')).sort()).toEqual(MUNICIPALITIES.map((m) => m.code).sort());
    const byCode = new Map(tags.map((t) => [attr(t, 'data-code'), t]));
    for (const m of MUNICIPALITIES) {
      const value = municipalityValues.get(m.code);
      const tag = byCode.get(m.code)!;
      expect(attr(tag, 'aria-label')).toBe(`${m.name}: ${value === undefined ? NO_DATA : percent(value)}`);
      expect(attr(tag, 'fill')).toBe(value === undefined ? NO_DATA_COLOUR : colourOf(value, municipalityBreaks));
      expect(attr(tag, 'd')).toMatch(/^M[\d.]+,[\d.]+L/);
    }
    // Without onSelect no unit is a button or a tab stop.
    expect(mapOf(html)).not.toContain('tabindex');
    expect(mapOf(html)).not.toContain('role="button"');
  });

  it('makes every county a button when it can be selected, and marks the selected one', () => {
    const html = render({ level: 'county', values: countyValues, breaks: countyBreaks, selected: '20', onSelect: () => {} });
    const tags = pathTags(html);
    expect(tags).toHaveLength(21);
    for (const tag of tags) {
      expect(attr(tag, 'role')).toBe('button');
      // One Tab stop for the whole map: the selected county (the arrow keys reach the others).
      expect(attr(tag, 'tabindex')).toBe(attr(tag, 'data-code') === '20' ? '0' : '-1');
      expect(attr(tag, 'aria-pressed')).toBe(attr(tag, 'data-code') === '20' ? 'true' : 'false');
    }
    const dalarna = tags.find((t) => attr(t, 'data-code') === '20')!;
    expect(attr(dalarna, 'aria-label')).toBe(`Dalarnas län: ${percent(countyValues.get('20')!)}`);
    const missing = COUNTIES.find((c) => !countyValues.has(c.code))!;
    expect(attr(tags.find((t) => attr(t, 'data-code') === missing.code)!, 'aria-label')).toBe(`${missing.name}: ${NO_DATA}`);
    // The selected county's outline, drawn dark over the map, on Dalarna's own path.
    const outline = html.match(/<path d="([^"]+)" fill="none" stroke="#1b2430"/);
    expect(outline?.[1]).toBe(attr(dalarna, 'd'));
  });

  it('shows the legend beside the map: its title, one swatch a class and the grey no-data item', () => {
    const html = render({ level: 'county', values: countyValues, breaks: countyBreaks, legendTitle: 'Andel enheter' });
    const side = html.slice(html.indexOf('<aside class="map-side"'));
    expect(html.indexOf('<aside class="map-side"')).toBeGreaterThan(html.indexOf('</svg>'));
    expect(side).toMatch(/<h4 id="([^"]+)">Andel enheter<\/h4><ul class="choropleth-legend" aria-labelledby="\1">/);
    const items = [...side.matchAll(/<li><span aria-hidden="true" class="choropleth-swatch" style="background:([^;"]+)"><\/span>([^<]*)<\/li>/g)].map((m) => ({ colour: m[1], label: decode(m[2]!) }));
    expect(items).toEqual(legendItems(countyBreaks, percent, NO_DATA));
    expect(items.map((i) => i.label)).toEqual(['< 20\u00a0%', '20\u00a0%–40\u00a0%', '40\u00a0%–60\u00a0%', '60\u00a0%–80\u00a0%', '≥ 80\u00a0%', NO_DATA]);
  });

  it('ranks the units with a value beside the map, highest first, one Tab stop, and counts those without', () => {
    const html = render({ level: 'county', values: countyValues, breaks: countyBreaks, selected: '20', onSelect: () => {}, scaleMax: 1 });
    const rows = [...html.matchAll(/<button type="button" class="map-ranking-row" data-code="(\d+)" tabindex="(-?\d)" aria-pressed="(true|false)">([^]*?)<\/button>/g)].map((m) => ({
      code: m[1]!,
      tabindex: m[2],
      pressed: m[3],
      // The button's name: its text, the bar left out.
      label: decode(m[4]!.replace(/<span class="map-ranking-bar"[^]*?<\/span><\/span>/, '').replace(/<[^>]+>/g, '')),
      width: Number(m[4]!.match(/<span style="width:([\d.]+)%/)![1]),
    }));
    const ranked = rankUnits(choropleth('county', countyValues, { width: 100, height: 200, breaks: countyBreaks }).features).ranked;
    expect(rows.map((r) => r.code)).toEqual(ranked.map((r) => r.id));
    expect(rows).toHaveLength(countyValues.size);
    const values = rows.map((r) => countyValues.get(r.code)!);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(rows.filter((r) => r.tabindex === '0').map((r) => r.code)).toEqual(['20']);
    expect(rows.find((r) => r.code === '20')).toMatchObject({ pressed: 'true', label: `${ranked.find((r) => r.id === '20')!.rank} Dalarnas län  ${percent(countyValues.get('20')!)}` });
    // Bars in proportion to the share (a full bar is 100 %).
    for (const row of rows) expect(row.width).toBeCloseTo(countyValues.get(row.code)! * 100, 6);
    expect(html).toContain(`<p class="map-ranking-rest">${NO_DATA}: ${21 - countyValues.size} län</p>`);
  });

  it('has zoom buttons, and insets of the Stockholm, Göteborg and Malmö areas on a municipality map only', () => {
    const html = render();
    for (const name of ['Zooma in', 'Zooma ut']) expect(html).toContain(`aria-label="${name}"`);
    expect(html).toContain('>Hela landet</button>');
    const captions = [...html.matchAll(/<button type="button" class="map-inset-caption" aria-label="([^"]+)"[^>]*>([^<]+)<\/button><svg class="map-inset-map"[^>]*aria-hidden="true"/g)].map((m) => [m[1], m[2]]);
    expect(captions).toEqual([
      ['Zooma till Stockholmsområdet', 'Stockholmsområdet'],
      ['Zooma till Göteborgsområdet', 'Göteborgsområdet'],
      ['Zooma till Malmöområdet', 'Malmöområdet'],
    ]);
    // Sundbyberg in its inset; the insets' areas framed on the map.
    expect(html).toMatch(/<path d="M[^"]+" fill="#[0-9a-f]{6}" data-inset-code="0183"/);
    expect(html.match(/class="map-inset-mark"/g)).toHaveLength(3);
    expect(render({ level: 'county', values: countyValues, breaks: countyBreaks })).not.toContain('map-inset');
  });

  it('shows the view it is given: the whole country, or a county filling the map', () => {
    const whole = render({ level: 'county', values: countyValues, breaks: countyBreaks, view: null });
    expect(whole).toContain('data-zoom="1.000"');
    expect(whole).toMatch(/aria-label="Zooma ut" title="Zooma ut" aria-disabled="true"/);
    const zoomed = render({ level: 'county', values: countyValues, breaks: countyBreaks, view: unitView('county', '01') });
    const zoom = Number(zoomed.match(/data-zoom="([\d.]+)"/)![1]);
    expect(zoom).toBeGreaterThan(5);
    // The layout's pixels are scaled by the zoom: the transform of the map's drawing.
    const [, tx, ty, k] = zoomed.match(/<g transform="translate\(([-\d.]+) ([-\d.]+)\) scale\(([\d.]+)\)">/)!.map(Number);
    const box = unitBoxes('county').get('01')!;
    const x0 = tx! + box.x * 1000 * k!;
    const x1 = tx! + (box.x + box.width) * 1000 * k!;
    const y0 = ty! + box.y * 1000 * k!;
    const y1 = ty! + (box.y + box.height) * 1000 * k!;
    expect(x0).toBeGreaterThanOrEqual(0);
    expect(y0).toBeGreaterThanOrEqual(0);
    expect(x1).toBeLessThanOrEqual(900);
    expect(y1).toBeLessThanOrEqual(560);
    expect(y1 - y0).toBeGreaterThan(400);
    // Zoomed in, the names that fit are on the map.
    expect(zoomed).toMatch(/<g class="map-labels"[^>]*><text [^>]*>Stockholms län<\/text>/);
  });
});

/** Every element in a React tree (the view's own output: host elements). */
function elements(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!node || typeof node !== 'object' || !('props' in node)) return [];
  const element = node as ReactElement<Record<string, unknown>>;
  return [element, ...elements(element.props.children as ReactNode)];
}

describe('ChoroplethView', () => {
  const layout = choropleth('county', countyValues, { width: 300, height: 720, breaks: countyBreaks });
  const viewProps = (props: Partial<ChoroplethViewProps> = {}): ChoroplethViewProps => ({
    level: 'county',
    format: percent,
    label: 'Karta',
    noDataLabel: NO_DATA,
    layout,
    hovered: null,
    focused: null,
    onHover: () => {},
    onFocusUnit: () => {},
    ...props,
  });
  const view = (props: Partial<ChoroplethViewProps> = {}) => elements(ChoroplethView(viewProps(props)));
  const unit = (tree: ReturnType<typeof view>, code: string) => tree.find((e) => e.props['data-code'] === code)!;
  const keyEvent = (key: string, preventDefault = vi.fn()) => ({ key, shiftKey: false, preventDefault });

  it('selects a unit on click, Enter and Space, and on no other key', () => {
    const onSelect = vi.fn();
    const tree = view({ onSelect });
    const skane = unit(tree, '12');
    (skane.props.onClick as () => void)();
    const preventDefault = vi.fn();
    const press = (key: string) => (skane.props.onKeyDown as (e: ReturnType<typeof keyEvent>) => void)(keyEvent(key, preventDefault));
    press('Enter');
    press(' ');
    press('a');
    press('Tab');
    expect(onSelect.mock.calls).toEqual([['12'], ['12'], ['12']]);
    // Space must not scroll the page; no county's name starts with "a", and Tab leaves the map.
    expect(preventDefault).toHaveBeenCalledTimes(2);
    expect(isSelectKey('Enter') && isSelectKey(' ') && !isSelectKey('Escape')).toBe(true);
  });

  it('hands the map’s own keys (zoom) to onMapKey, before the units’ arrows and letters', () => {
    const taken = new Set(['+', '-', '0']);
    const onMapKey = vi.fn((event: { key: string }) => taken.has(event.key));
    const skane = unit(view({ onSelect: () => {}, onMapKey: onMapKey as never }), '12');
    const preventDefault = vi.fn();
    for (const key of ['+', '-', '0', 'ArrowDown']) (skane.props.onKeyDown as (e: ReturnType<typeof keyEvent>) => void)(keyEvent(key, preventDefault));
    expect(onMapKey.mock.calls.map(([event]) => event.key)).toEqual(['+', '-', '0', 'ArrowDown']);
    // The three zoom keys and the arrow (which moves the focus) are all kept from the page.
    expect(preventDefault).toHaveBeenCalledTimes(4);
  });

  it('is one Tab stop: the focused unit, else the selected one, else the first by name', () => {
    const stops = (props: Partial<ChoroplethViewProps>) =>
      view({ onSelect: () => {}, ...props })
        .filter((e) => e.props.tabIndex === 0)
        .map((e) => e.props['data-code']);
    expect(stops({})).toEqual(['10']); // Blekinge län
    expect(stops({ selected: '20' })).toEqual(['20']);
    expect(stops({ selected: '20', focused: '12' })).toEqual(['12']);
    expect(view({ onSelect: () => {} }).filter((e) => e.props.tabIndex === -1)).toHaveLength(20);
  });

  it('moves the focus by name: arrows step and wrap, Home and End, a letter to the next name with it', () => {
    const order = [...layout.features].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    const names = (codes: (string | null)[]) => codes.map((code) => order.find((f) => f.id === code)?.name ?? null);
    const blekinge = order[0]!.id;
    expect(names([unitForKey(order, blekinge, 'ArrowDown'), unitForKey(order, blekinge, 'ArrowUp'), unitForKey(order, blekinge, 'End')])).toEqual(['Dalarnas län', 'Östergötlands län', 'Östergötlands län']);
    const varmland = order.find((f) => f.name === 'Värmlands län')!.id;
    expect(names([unitForKey(order, varmland, 'v'), unitForKey(order, varmland, 'V'), unitForKey(order, varmland, 'ö'), unitForKey(order, varmland, 'Home')])).toEqual([
      'Västerbottens län',
      'Västerbottens län',
      'Örebro län',
      'Blekinge län',
    ]);
    expect([unitForKey(order, varmland, 'q'), unitForKey(order, varmland, 'Tab'), unitForKey(order, varmland, '1')]).toEqual([null, null, null]);
  });

  it('reports hover and focus, and rings the focused unit (or the one whose row has the focus) in the two focus colours', () => {
    const onHover = vi.fn();
    const onFocusUnit = vi.fn();
    const tree = view({ onSelect: () => {}, onHover, onFocusUnit });
    (unit(tree, '01').props.onMouseEnter as () => void)();
    (unit(tree, '01').props.onFocus as () => void)();
    (unit(tree, '01').props.onBlur as () => void)();
    expect(onHover.mock.calls).toEqual([['01']]);
    expect(onFocusUnit.mock.calls).toEqual([['01'], [null]]);

    const stockholm = layout.features.find((f) => f.id === '01')!;
    const ring = new RegExp(`<path d="${stockholm.path}" stroke="${FOCUS_RING.inner}" stroke-width="7"[^>]*></path><path d="${stockholm.path}" stroke="${FOCUS_RING.colour}" stroke-width="3"`);
    expect(renderToStaticMarkup(ChoroplethView(viewProps({ focused: '01', onSelect: () => {} })))).toMatch(ring);
    expect(renderToStaticMarkup(ChoroplethView(viewProps({ ring: '01' })))).toMatch(ring);
    expect(renderToStaticMarkup(ChoroplethView(viewProps({})))).not.toContain(`stroke="${FOCUS_RING.colour}" stroke-width="3"`);
    // The unit under the pointer gets a thin dark outline.
    expect(renderToStaticMarkup(ChoroplethView(viewProps({ hovered: '25' })))).toContain(`<path d="${layout.features.find((f) => f.id === '25')!.path}" fill="none" stroke="#1b2430" stroke-width="1.5"`);
  });
});

describe('rankUnits', () => {
  it('ranks the units with a value, highest first, equal values sharing a rank, by name among them', () => {
    const unit = (id: string, name: string, value: number | null) => ({ id, name, value, colour: '#000000' });
    const { ranked, without } = rankUnits([unit('1', 'Örebro', 0.5), unit('2', 'Arvika', 0.5), unit('3', 'Borås', 0.9), unit('4', 'Falun', null), unit('5', 'Gävle', 0.1)]);
    expect(ranked.map((r) => [r.rank, r.name])).toEqual([
      [1, 'Borås'],
      [2, 'Arvika'],
      [2, 'Örebro'],
      [4, 'Gävle'],
    ]);
    expect(without).toBe(1);
  });
});

describe('choroplethSvg', () => {
  let fonts: FontFiles;
  const OUT = path.resolve('test-results/maps');

  beforeAll(async () => {
    fonts = await loadFontFilesNode();
    await resvgReady;
    await mkdir(OUT, { recursive: true });
  });

  const exported = (level: MapLevel) =>
    choroplethSvg(level, level === 'county' ? countyValues : municipalityValues, {
      width: 400,
      height: 720,
      breaks: level === 'county' ? countyBreaks : municipalityBreaks,
      format: percent,
      noDataLabel: NO_DATA,
      title: level === 'county' ? 'Andel enheter som använder KOMET, per län' : 'Andel enheter som använder KOMET, per kommun',
      legendTitle: 'Andel enheter',
      note: 'Påhittade värden. Gränser: SCB (CC0).',
      selected: level === 'county' ? '20' : '2080',
      measure: measureWith(fonts),
    });

  it('is a standalone SVG with every unit, the legend and the app font', () => {
    for (const level of ['county', 'municipality'] as const) {
      const { svg, width, height } = exported(level);
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg).toContain(`font-family="'${FONT_FAMILY}', sans-serif"`);
      expect(svg).toContain(`width="${width}" height="${height}"`);
      expect(svg.match(/<path d="[^"]+" fill="#[0-9a-f]{6}"><title>/g)).toHaveLength(level === 'county' ? 21 : 290);
      for (const item of legendItems(level === 'county' ? countyBreaks : municipalityBreaks, percent, NO_DATA)) {
        expect(svg.includes(`fill="${item.colour}" stroke="#8a94a3"`), item.colour).toBe(true);
        expect(svg.includes(`>${escapeXml(item.label)}</text>`), item.label).toBe(true);
      }
      expect(svg.includes(level === 'county' ? '<title>Skåne län</title>' : '<title>Malmö</title>')).toBe(true);
      expect(choroplethSvgString(level, new Map(), { width: 200, height: 400, breaks: classBreaks([], 'equal', 3), format: percent, noDataLabel: NO_DATA })).toMatch(/^<svg[\s\S]*<\/svg>$/);
    }
  });

  it.each(['county', 'municipality'] as const)('renders the %s map to PNG with each unit in its colour', async (level) => {
    const { svg, width, height, map: box } = exported(level);
    const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, background: '#ffffff', font: { fontBuffers: [fonts.regular, fonts.bold], defaultFontFamily: FONT_FAMILY } });
    const image = resvg.render();
    await writeFile(path.join(OUT, `${level}.png`), image.asPng());
    await writeFile(path.join(OUT, `${level}.svg`), svg);
    expect([image.width, image.height]).toEqual([width * 2, height * 2]);

    // Sample the picture at the centre of units that are large enough to be hit away from borders.
    expect(svg).toContain(`<g transform="translate(${box.x} ${box.y})"`);
    const map = choropleth(level, level === 'county' ? countyValues : municipalityValues, {
      width: box.width,
      height: box.height,
      breaks: level === 'county' ? countyBreaks : municipalityBreaks,
    });
    const pixel = (x: number, y: number) => {
      const i = (Math.round(y * 2) * image.width + Math.round(x * 2)) * 4;
      return `#${[...image.pixels.subarray(i, i + 3)].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
    };
    const codes = level === 'county' ? ['25', '24', '20', '13', '07', '09'] : ['2584', '2580', '2523', '2361', '2080', '1280'];
    for (const code of codes) {
      const f = map.features.find((u) => u.id === code)!;
      expect(pixel(box.x + f.centroid[0], box.y + f.centroid[1]), `${f.name} (${f.value})`).toBe(f.colour);
    }
    // Some grey, and the legend's grey swatch.
    expect(map.features.some((f) => f.colour === NO_DATA_COLOUR)).toBe(true);
  });
});

describe('choroplethSvg, zoomed in and with insets', () => {
  let fonts: FontFiles;
  const OUT = path.resolve('test-results/maps');
  beforeAll(async () => {
    fonts = await loadFontFilesNode();
    await resvgReady;
    await mkdir(OUT, { recursive: true });
  });

  /** The extent of a path's points (d3-geo writes absolute M and L commands). */
  const extent = (d: string) => {
    const points = [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  };
  const titled = (svg: string) => new Map([...svg.matchAll(/<path d="([^"]+)" fill="#[0-9a-f]{6}"><title>([^<]+)<\/title><\/path>/g)].map((m) => [decode(m[2]!), m[1]!]));
  // As the export dialog draws a map at A4 width (export/chart-svg.ts drawMap).
  const options = () => ({ width: 592, height: 620, breaks: municipalityBreaks, format: percent, noDataLabel: NO_DATA, legendTitle: 'Andel svarande enheter som använt KOMET', measure: measureWith(fonts) });

  it('draws only the view, framed, the whole width for the map, its municipalities large enough to read and named where they fit', async () => {
    const drawn = choroplethSvg('municipality', municipalityValues, { ...options(), view: unitView('county', '01')! });
    const paths = titled(drawn.svg);
    const county = MUNICIPALITIES.filter((m) => m.countyCode === '01');
    expect(county).toHaveLength(26);
    for (const m of county) {
      const box = extent(paths.get(m.name) ?? '');
      // Inside the frame: the whole county is in the picture.
      expect(box.x, m.name).toBeGreaterThanOrEqual(-0.5);
      expect(box.y, m.name).toBeGreaterThanOrEqual(-0.5);
      expect(box.x + box.width, m.name).toBeLessThanOrEqual(drawn.map.width + 0.5);
      expect(box.y + box.height, m.name).toBeLessThanOrEqual(drawn.map.height + 0.5);
    }
    // Far from the view, nothing is drawn.
    expect(paths.has('Kiruna')).toBe(false);
    // The smallest municipalities, at 1,600 px across (PNG 2.5×): 20 px or more.
    const scale = 1600 / (drawn.width + 48);
    for (const name of ['Solna', 'Sundbyberg']) {
      const box = extent(paths.get(name)!);
      expect(Math.max(box.width, box.height) * scale, name).toBeGreaterThanOrEqual(20);
    }
    // Stockholms län is taller than wide: the map takes the height it is given, less the legend below it.
    expect(drawn.map.height).toBeGreaterThan(480);
    expect(drawn.svg).toContain(`<rect x="24" y="${drawn.map.y}" width="${drawn.map.width}" height="${drawn.map.height}" fill="none"`);
    expect(drawn.svg).toMatch(/<text [^>]*text-anchor="middle" stroke="#ffffff"[^>]*>Norrtälje<\/text>/);
    // The legend, in rows below the map.
    expect(drawn.svg).toMatch(new RegExp(`<text x="24" y="${drawn.map.y + drawn.map.height + 20 + 13}" font-size="13" font-weight="600" fill="#1b2430">Andel svarande enheter som använt KOMET</text>`));
    expect(drawn.width).toBeLessThanOrEqual(592 + 24);

    const resvg = new Resvg(drawn.svg, { fitTo: { mode: 'width', value: 1600 }, background: '#ffffff', font: { fontBuffers: [fonts.regular, fonts.bold], defaultFontFamily: FONT_FAMILY } });
    const image = resvg.render();
    await writeFile(path.join(OUT, 'municipality-stockholms-lan.png'), image.asPng());
    await writeFile(path.join(OUT, 'municipality-stockholms-lan.svg'), drawn.svg);
    // Solna, in its colour at its centre.
    const layout = choropleth('municipality', municipalityValues, { width: drawn.map.width, height: drawn.map.height, breaks: municipalityBreaks, view: unitView('county', '01')! });
    const solna = layout.features.find((f) => f.id === '0184')!;
    const k = image.width / drawn.width;
    const i = (Math.round((drawn.map.y + solna.centroid[1]) * k) * image.width + Math.round((drawn.map.x + solna.centroid[0]) * k)) * 4;
    expect(`#${[...image.pixels.subarray(i, i + 3)].map((c) => c.toString(16).padStart(2, '0')).join('')}`).toBe(solna.colour);
  });

  it('puts insets of the Stockholm, Göteborg and Malmö areas above the legend of a municipality map of the whole country', async () => {
    const drawn = choroplethSvg('municipality', municipalityValues, options());
    for (const caption of ['Stockholm', 'Göteborg', 'Malmö']) expect(drawn.svg).toMatch(new RegExp(`<text [^>]*font-size="11.5" font-weight="600" fill="#1b2430">${caption}</text>`));
    // The main map keeps one titled path a municipality; the insets' paths are pictures of the same units.
    expect(titled(drawn.svg).size).toBe(290);
    expect(drawn.svg.match(/<path d="[^"]+" fill="#[0-9a-f]{6}"\/>/g)!.length).toBeGreaterThan(40);
    expect(drawn.width).toBeLessThanOrEqual(592 + 24);
    expect(choroplethSvg('municipality', municipalityValues, { ...options(), insets: false }).svg).not.toMatch(/font-size="11.5"/);
    expect(choroplethSvg('county', countyValues, { ...options(), breaks: countyBreaks }).svg).not.toMatch(/font-size="11.5"/);
    const resvg = new Resvg(drawn.svg, { fitTo: { mode: 'zoom', value: 2 }, background: '#ffffff', font: { fontBuffers: [fonts.regular, fonts.bold], defaultFontFamily: FONT_FAMILY } });
    await writeFile(path.join(OUT, 'municipality-insets.png'), resvg.render().asPng());
  });
});
