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
import { ChoroplethMap, ChoroplethView, isSelectKey, unitForKey, type ChoroplethViewProps } from '../../../renderer/src/maps/ChoroplethMap';
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
        ...props,
      }),
    );

  it('draws one labelled path per municipality inside a named group', () => {
    const html = render();
    expect(html).toMatch(/<svg [^>]*role="group"[^>]*aria-label="Andel som använder KOMET, per kommun"/);
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
    // Without onSelect nothing is a button or a tab stop.
    expect(html).not.toContain('tabindex');
    expect(html).not.toContain('role="button"');
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

  it('shows the legend below the map: one swatch a class and the grey no-data item', () => {
    const html = render({ level: 'county', values: countyValues, breaks: countyBreaks });
    const legend = html.slice(html.indexOf('</svg>'));
    const items = [...legend.matchAll(/<li[^>]*><span[^>]*background:([^;"]+)[^>]*><\/span>([^<]*)<\/li>/g)].map((m) => ({ colour: m[1], label: decode(m[2]!) }));
    expect(items).toEqual(legendItems(countyBreaks, percent, NO_DATA));
    expect(items.map((i) => i.label)).toEqual(['< 20\u00a0%', '20\u00a0%–40\u00a0%', '40\u00a0%–60\u00a0%', '60\u00a0%–80\u00a0%', '≥ 80\u00a0%', NO_DATA]);
    expect(items.at(-1)!.colour).toBe(NO_DATA_COLOUR);
  });
});

/** Every element in a React tree (the view's own output: host elements and the tooltip). */
function elements(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!node || typeof node !== 'object' || !('props' in node)) return [];
  const element = node as ReactElement<Record<string, unknown>>;
  return [element, ...elements(element.props.children as ReactNode)];
}

describe('ChoroplethView', () => {
  const layout = choropleth('county', countyValues, { width: 300, height: 720, breaks: countyBreaks });
  const view = (props: Partial<ChoroplethViewProps> = {}) =>
    elements(
      ChoroplethView({
        level: 'county',
        values: countyValues,
        breaks: countyBreaks,
        format: percent,
        label: 'Karta',
        noDataLabel: NO_DATA,
        layout,
        hovered: null,
        focused: null,
        onHover: () => {},
        onFocusUnit: () => {},
        ...props,
      }),
    );
  const unit = (tree: ReturnType<typeof view>, code: string) => tree.find((e) => e.props['data-code'] === code)!;

  it('selects a unit on click, Enter and Space, and on no other key', () => {
    const onSelect = vi.fn();
    const tree = view({ onSelect });
    const skane = unit(tree, '12');
    (skane.props.onClick as () => void)();
    const preventDefault = vi.fn();
    const press = (key: string) => (skane.props.onKeyDown as (e: { key: string; preventDefault: () => void }) => void)({ key, preventDefault });
    press('Enter');
    press(' ');
    press('a');
    press('Tab');
    expect(onSelect.mock.calls).toEqual([['12'], ['12'], ['12']]);
    // Space must not scroll the page; no county's name starts with "a", and Tab leaves the map.
    expect(preventDefault).toHaveBeenCalledTimes(2);
    expect(isSelectKey('Enter') && isSelectKey(' ') && !isSelectKey('Escape')).toBe(true);
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

  it('reports hover and focus, and shows the tooltip and focus outline for them', () => {
    const onHover = vi.fn();
    const onFocusUnit = vi.fn();
    const tree = view({ onSelect: () => {}, onHover, onFocusUnit });
    (unit(tree, '01').props.onMouseEnter as () => void)();
    (unit(tree, '01').props.onFocus as () => void)();
    (unit(tree, '01').props.onBlur as () => void)();
    expect(onHover.mock.calls).toEqual([['01']]);
    expect(onFocusUnit.mock.calls).toEqual([['01'], [null]]);

    const focused = renderToStaticMarkup(ChoroplethView({ level: 'county', values: countyValues, breaks: countyBreaks, format: percent, label: 'Karta', noDataLabel: NO_DATA, layout, hovered: null, focused: '01', onHover, onFocusUnit, onSelect: () => {} }));
    const stockholm = layout.features.find((f) => f.id === '01')!;
    expect(focused).toContain(`<path d="${stockholm.path}" fill="none" stroke="#f0a202" stroke-width="3"`);
    expect(focused).toMatch(new RegExp(`class="choropleth-tooltip"[^>]*><strong>Stockholms län</strong><br/>${percent(stockholm.value!)}</div>`));
    // Placed in per cent of the drawing's own box (not of a box that also holds the legend).
    expect(focused).toMatch(/<div style="position:relative"><svg [^]*<\/svg><div class="choropleth-tooltip"[^]*<\/div><\/div><ul class="choropleth-legend"/);

    const hovered = renderToStaticMarkup(ChoroplethView({ level: 'county', values: countyValues, breaks: countyBreaks, format: percent, label: 'Karta', noDataLabel: NO_DATA, layout, hovered: '25', focused: '01', onHover, onFocusUnit }));
    expect(hovered).toMatch(/class="choropleth-tooltip"[^>]*><strong>Norrbottens län<\/strong>/); // the pointer wins
    const none = renderToStaticMarkup(ChoroplethView({ level: 'county', values: countyValues, breaks: countyBreaks, format: percent, label: 'Karta', noDataLabel: NO_DATA, layout, hovered: null, focused: null, onHover, onFocusUnit }));
    expect(none).not.toContain('choropleth-tooltip');
  });
});

describe('choroplethSvg', () => {
  let fonts: FontFiles;
  const OUT = path.resolve('test-results/maps');

  beforeAll(async () => {
    fonts = await loadFontFilesNode();
    await initWasm(await loadResvgWasmNode());
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
