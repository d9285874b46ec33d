// A choropleth map of Sweden's counties or municipalities to work with: it fills the box it is given,
// the legend and the units ranked by value beside it (MapPanel.tsx), hover and focus linked both ways,
// pan and zoom (buttons, the wheel, the keys + − 0 while the map has focus, dragging), and at the
// municipality level insets of the Stockholm, Göteborg and Malmö areas (MapInset.tsx).
//
// With `onSelect` every unit is a button, and the map is one stop for Tab (a roving tabindex, not 290
// stops): the arrow keys step through the units in name order (and bring a unit outside a zoomed view
// into it), Home and End go to the first and last, a letter to the next name starting with it; Enter or
// Space (or a click) selects, and the selected unit has a dark outline. The drawing itself is
// ChoroplethView, a component without state or hooks: the tests call it as a function and press its
// buttons. The view is a box in map units (zoom.ts): the same box draws the screen and the export.
import { isSelectKey, itemForKey } from '../roving-keys';
import { useEffect, useEffectEvent, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactElement, type ReactNode, type Ref } from 'react';
import { useI18n } from '../i18n/i18n';
import { BORDER_COLOUR, choropleth, legendItems, OUTLINE_COLOUR, SELECTED_COLOUR, type ChoroplethLayout, type ClassBreaks, type MapFeature, type MapLevel } from './choropleth';
import { COUNTRY_BOX, SWEDEN_ASPECT, unitBoxes } from './geo';
import { INSET_AREAS, INSET_CAPTION, insetBounds, MAP_PADDING, placeInsets } from './insets';
import { placeLabels, type MapLabel } from './labels';
import { MapInset } from './MapInset';
import { FIXED, focusRing, LABEL_SIZE, labelElements, labelWidth } from './map-marks';
import { MapLegend, MapRanking } from './MapPanel';
import { clampView, contains, fitAspect, intersects, MAX_ZOOM, panBy, toMap, transformFor, zoomAbout, zoomLevel, type Box, type Transform } from './zoom';
// The export's SVG is export/choropleth-svg.ts (choroplethSvg, choroplethSvgString), not re-exported here: it
// brings the export font's code (fontkit, ~1 MB), which the app loads only when something is exported.

/** The country's paths are projected once, this many pixels per map unit; the view scales them. */
const BASE = 1000;
/** One press of + or −. */
const ZOOM_STEP = 1.6;

export interface ChoroplethMapProps {
  level: MapLevel;
  /** Values by register code ('0180', '01'); units not in it are drawn grey as "no data". */
  values: ReadonlyMap<string, number>;
  breaks: ClassBreaks;
  /** A value in words; with the unit's code, as that unit's (a share over few units carries its mark). */
  format: (v: number, code?: string) => string;
  /** The map's accessible name. */
  label: string;
  noDataLabel: string;
  /** Above the legend: what the values are. */
  legendTitle?: string;
  /** The value a full bar in the ranking stands for (1 for shares); else the highest value. */
  scaleMax?: number;
  selected?: string | null;
  onSelect?: (code: string) => void;
  /** What the map shows (map units, zoom.ts); null for the whole country. Without it the map keeps its own. */
  view?: Box | null;
  onViewChange?: (view: Box | null) => void;
  /** More controls for the map's toolbar (MapView: what an export shows). */
  tools?: ReactNode;
  /** What a click does, said under the map with how to zoom (and given to the map as its description). */
  hint?: string;
  /** The stage's size in CSS pixels where it cannot be measured (server rendering); else it fills its box. */
  width?: number;
  height?: number;
}

/** The unit under the pointer, and where its tooltip points when that is not its place on the main map (an inset). */
interface Hover {
  code: string;
  at: readonly [number, number] | null;
}

const apply = (t: Transform, [u, v]: readonly [number, number]): [number, number] => [t.x + u * t.k, t.y + v * t.k];
const applyBox = (t: Transform, box: Box): Box => ({ x: t.x + box.x * t.k, y: t.y + box.y * t.k, width: box.width * t.k, height: box.height * t.k });
const deflate = (box: Box, by: number): Box => ({ x: box.x + by, y: box.y + by, width: Math.max(1, box.width - 2 * by), height: Math.max(1, box.height - 2 * by) });
/** Pixels of the base layout → map units. */
const unitsOf = (t: Transform): Transform => ({ k: t.k / BASE, x: t.x, y: t.y });

export function ChoroplethMap(props: ChoroplethMapProps) {
  const { level, values, breaks, format, noDataLabel, selected, onSelect } = props;
  const { t } = useI18n();
  const [hover, setHover] = useState<Hover | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const [rowFocused, setRowFocused] = useState<string | null>(null);
  const [ownView, setOwnView] = useState<Box | null>(null);
  const [measured, setMeasured] = useState<{ width: number; height: number } | null>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ pointer: number; x: number; y: number; from: Box; moved: boolean } | null>(null);
  const dragged = useRef(false);
  const hintId = useId();

  // The stage's size follows its box (styles.css: the width of the column, most of the window's height).
  useLayoutEffect(() => {
    const stage = stageRef.current;
    if (!stage || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const width = Math.round(entry.contentRect.width);
      const height = Math.round(entry.contentRect.height);
      if (width > 0 && height > 0) setMeasured((was) => (was?.width === width && was.height === height ? was : { width, height }));
    });
    observer.observe(stage);
    return () => observer.disconnect();
  }, []);

  const width = props.width ?? measured?.width ?? 760;
  const height = props.height ?? measured?.height ?? 560;
  const layout = useMemo(() => choropleth(level, values, { width: SWEDEN_ASPECT * BASE, height: BASE, padding: 0, breaks }), [level, values, breaks]);
  const byId = useMemo(() => new Map(layout.features.map((f) => [f.id, f])), [layout]);

  const view = props.view !== undefined ? props.view : ownView;
  const changeView = props.onViewChange ?? setOwnView;
  const placement = placeInsets(width, height, SWEDEN_ASPECT, level === 'municipality' ? INSET_AREAS.length : 0);
  const area = deflate(placement.map, MAP_PADDING);
  const aspect = area.width / area.height;
  const shown = clampView(view ?? COUNTRY_BOX, COUNTRY_BOX, aspect);
  const transform = transformFor(shown, area);
  const zoom = zoomLevel(shown, COUNTRY_BOX, aspect);
  const isZoomed = zoom > 1.001;

  const show = (next: Box) => {
    const clamped = clampView(next, COUNTRY_BOX, aspect);
    changeView(zoomLevel(clamped, COUNTRY_BOX, aspect) <= 1.001 ? null : clamped);
  };
  const zoomBy = (factor: number, at?: readonly [number, number]) => show(zoomAbout(shown, factor, at));
  const centreOn = ([u, v]: readonly [number, number]) => show({ ...shown, x: u - shown.width / 2, y: v - shown.height / 2 });

  // The insets, but not one whose area the main map already shows as large (its mark on the map goes
  // with it), in the lowest slots of the column: zoomed in on Stockholm, Göteborg's and Malmö's stay.
  const slots = placement.insets;
  // Inside the inset's 1 px border, below its caption.
  const mapBoxOf = (slot: Box): Box => ({ x: Math.round(slot.x) + 1, y: Math.round(slot.y) + 1 + INSET_CAPTION, width: Math.round(slot.width) - 2, height: Math.round(slot.height) - 2 - INSET_CAPTION });
  const wanted = INSET_AREAS.slice(0, slots.length)
    .map((inset) => ({ inset, bounds: insetBounds(inset, unitBoxes('municipality')) }))
    .filter(({ bounds }) => {
      const { width: w, height: h } = mapBoxOf(slots[0]!);
      return !intersects(shown, bounds) || transform.k < (w / fitAspect(bounds, w / h).width) * 0.9;
    });
  const visibleInsets = wanted.map(({ inset, bounds }, i) => {
    const slot = slots[slots.length - wanted.length + i]!;
    const mapBox = mapBoxOf(slot);
    return { inset, bounds, slot, mapBox, drawn: fitAspect(bounds, mapBox.width / mapBox.height) };
  });

  // Keys the map takes besides the units' own: zoom, reset, and Shift + arrows to pan.
  const onMapKey = (event: KeyboardEvent<SVGElement>): boolean => {
    const { key } = event;
    if (key === '+' || key === '=') zoomBy(ZOOM_STEP);
    else if (key === '-' || key === '−' || key === '_') zoomBy(1 / ZOOM_STEP);
    else if (key === '0') changeView(null);
    else if (event.shiftKey && key.startsWith('Arrow')) {
      const step = 0.2;
      const dx = key === 'ArrowLeft' ? -step : key === 'ArrowRight' ? step : 0;
      const dy = key === 'ArrowUp' ? -step : key === 'ArrowDown' ? step : 0;
      show(panBy(shown, dx * shown.width, dy * shown.height));
    } else return false;
    return true;
  };

  const onFocusUnit = (code: string | null) => {
    setFocused(code);
    const f = code ? byId.get(code) : undefined;
    if (!f || !isZoomed) return;
    const at: [number, number] = [f.centroid[0] / BASE, f.centroid[1] / BASE];
    const inner = { x: shown.x + shown.width * 0.08, y: shown.y + shown.height * 0.08, width: shown.width * 0.84, height: shown.height * 0.84 };
    if (!contains(inner, { x: at[0], y: at[1], width: 0, height: 0 })) centreOn(at);
  };

  const onWheel = useEffectEvent((event: WheelEvent) => {
    const svg = svgRef.current;
    if (!svg) return;
    // Scrolling out of a map that shows the whole country scrolls the page, as everywhere else.
    if (!isZoomed && event.deltaY > 0) return;
    event.preventDefault();
    const rect = svg.getBoundingClientRect();
    const lines = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
    zoomBy(Math.exp(Math.max(-1, Math.min(1, -event.deltaY * lines * 0.002))), toMap(transform, [event.clientX - rect.left, event.clientY - rect.top]));
  });
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const listener = (event: WheelEvent) => onWheel(event);
    svg.addEventListener('wheel', listener, { passive: false });
    return () => svg.removeEventListener('wheel', listener);
  }, []);

  const pointer = {
    onPointerDown: (event: PointerEvent<SVGSVGElement>) => {
      dragged.current = false;
      if (event.button !== 0 || !isZoomed) return;
      drag.current = { pointer: event.pointerId, x: event.clientX, y: event.clientY, from: shown, moved: false };
    },
    onPointerMove: (event: PointerEvent<SVGSVGElement>) => {
      const start = drag.current;
      if (!start || start.pointer !== event.pointerId) return;
      const dx = event.clientX - start.x;
      const dy = event.clientY - start.y;
      if (!start.moved && Math.hypot(dx, dy) < 4) return;
      if (!start.moved) event.currentTarget.setPointerCapture(event.pointerId);
      start.moved = true;
      show(panBy(start.from, -dx / transform.k, -dy / transform.k));
    },
    onPointerUp: (event: PointerEvent<SVGSVGElement>) => {
      if (drag.current?.pointer !== event.pointerId) return;
      dragged.current = drag.current.moved;
      drag.current = null;
    },
    onPointerCancel: () => {
      drag.current = null;
    },
    // A drag ends with a click where it started: it is not a click on the unit there.
    onClickCapture: (event: { stopPropagation: () => void }) => {
      if (dragged.current) event.stopPropagation();
      dragged.current = false;
    },
  };

  const units = unitsOf(transform);
  const labels = placeLabels(
    layout.features.map((f) => ({ id: f.id, name: f.name, at: apply(units, f.centroid), box: applyBox(units, f.box) })),
    area,
    LABEL_SIZE,
    (text) => labelWidth(text, LABEL_SIZE),
  );
  const ring = focused ?? rowFocused;
  const tipped = hover?.code ?? ring;
  const tippedFeature = tipped ? byId.get(tipped) : undefined;
  const anchor = hover?.at ?? (tippedFeature ? apply(units, tippedFeature.centroid) : null);
  const anchorShown = anchor && contains({ x: 0, y: 0, width, height }, { x: anchor[0], y: anchor[1], width: 0, height: 0 });
  const insetLabel = (id: string) => t(id === 'stockholm' ? 'mapInsetStockholm' : id === 'goteborg' ? 'mapInsetGoteborg' : 'mapInsetMalmo');

  return (
    <div className="map-explorer" data-testid="map-explorer">
      <div className="map-main">
        <div className="map-toolbar">
          {/* A button that has nothing to do says so (aria-disabled) but keeps the focus: zooming all the
              way out with − does not drop the focus to the page. */}
          <div className="map-zoom" role="group" aria-label={t('mapZoomGroup')}>
            <button type="button" className="secondary small" onClick={() => zoomBy(ZOOM_STEP)} aria-label={t('mapZoomIn')} title={t('mapZoomIn')} aria-disabled={zoom >= MAX_ZOOM * 0.999}>
              +
            </button>
            <button type="button" className="secondary small" onClick={() => zoomBy(1 / ZOOM_STEP)} aria-label={t('mapZoomOut')} title={t('mapZoomOut')} aria-disabled={!isZoomed}>
              −
            </button>
            <button type="button" className="secondary small" onClick={() => changeView(null)} aria-disabled={!isZoomed}>
              {t('mapZoomReset')}
            </button>
            <span className="map-zoom-level" data-testid="map-zoom-level">
              {t('mapZoomLevel', { zoom: zoom < 9.95 ? Math.round(zoom * 10) / 10 : Math.round(zoom) })}
            </span>
          </div>
          {props.tools}
        </div>
        <div
          ref={stageRef}
          className={`map-stage${isZoomed ? ' is-zoomed' : ''}`}
          style={props.width || props.height ? { width, height } : undefined}
          data-testid="map-stage"
          data-view={[shown.x, shown.y, shown.width, shown.height].map((n) => n.toFixed(4)).join(' ')}
          data-zoom={zoom.toFixed(3)}
        >
          <ChoroplethView
            level={level}
            layout={layout}
            format={format}
            label={props.label}
            noDataLabel={noDataLabel}
            selected={selected}
            onSelect={onSelect}
            hovered={hover?.code ?? null}
            focused={focused}
            ring={rowFocused}
            onHover={(code) => setHover(code ? { code, at: null } : null)}
            onFocusUnit={onFocusUnit}
            onMapKey={onMapKey}
            width={width}
            height={height}
            transform={units}
            labels={labels}
            marks={visibleInsets.map((i) => ({ id: i.inset.id, box: i.drawn }))}
            describedBy={hintId}
            ref={svgRef}
            svgProps={pointer}
          />
          {visibleInsets.map(({ inset, bounds, slot, mapBox, drawn }) => (
            <MapInset
              key={inset.id}
              level={level}
              values={values}
              breaks={breaks}
              slot={slot}
              mapBox={mapBox}
              view={drawn}
              caption={insetLabel(inset.id)}
              zoomLabel={t('mapInsetZoom', { area: insetLabel(inset.id) })}
              selected={selected ?? null}
              hovered={hover?.code ?? null}
              ring={ring}
              onHover={(code, at) => setHover(code ? { code, at } : null)}
              onSelect={onSelect}
              onZoom={() => show(bounds)}
            />
          ))}
          {tippedFeature && anchor && anchorShown ? (
            <Tooltip name={tippedFeature.name} text={tippedFeature.value === null ? noDataLabel : format(tippedFeature.value, tippedFeature.id)} at={anchor} width={width} height={height} />
          ) : null}
        </div>
        <p id={hintId} className="map-keys-hint">
          {props.hint ? `${props.hint} ` : ''}
          {t('mapZoomHint')}
        </p>
      </div>
      <aside className="map-side" aria-label={t('mapSide')}>
        <div className="map-side-inner">
          <MapLegend title={props.legendTitle ?? t('mapLegend')} items={legendItems(breaks, format, noDataLabel)} />
          <MapRanking
            level={level}
            features={layout.features}
            format={format}
            noDataLabel={noDataLabel}
            scaleMax={props.scaleMax}
            selected={selected ?? null}
            highlighted={hover?.code ?? ring}
            onHover={(code) => setHover(code ? { code, at: null } : null)}
            onFocusRow={setRowFocused}
            onSelect={onSelect}
          />
        </div>
      </aside>
    </div>
  );
}

export interface ChoroplethViewProps {
  level: MapLevel;
  layout: ChoroplethLayout;
  format: (v: number) => string;
  /** The map's accessible name. */
  label: string;
  noDataLabel: string;
  selected?: string | null;
  onSelect?: (code: string) => void;
  /** The unit under the pointer, and the one with keyboard focus. */
  hovered: string | null;
  focused: string | null;
  /** A unit to ring as focused although the focus is elsewhere (its row in the ranking). */
  ring?: string | null;
  onHover: (code: string | null) => void;
  onFocusUnit: (code: string | null) => void;
  /** Keys for the whole map (zoom): true when it took the key. */
  onMapKey?: (event: KeyboardEvent<SVGElement>) => boolean;
  /** The drawing's size; the layout's own without it. */
  width?: number;
  height?: number;
  /** The layout's pixels → the drawing's; none without it. */
  transform?: Transform;
  /** Names drawn over the units, in the drawing's pixels. */
  labels?: readonly MapLabel[];
  /** The insets' areas, framed on the map: in map units, for a layout of the whole country (its height is one unit). */
  marks?: readonly { id: string; box: Box }[];
  describedBy?: string;
  /** The drawing's <svg> (React 19 passes `ref` as a prop). */
  ref?: Ref<SVGSVGElement>;
  svgProps?: Partial<Record<'onPointerDown' | 'onPointerMove' | 'onPointerUp' | 'onPointerCancel', (event: PointerEvent<SVGSVGElement>) => void>> & {
    onClickCapture?: (event: { stopPropagation: () => void }) => void;
  };
}

const SWEDISH = new Intl.Collator('sv');
const orders = new WeakMap<ChoroplethLayout, MapFeature[]>();

/** The layout's units in name order, the keyboard's order: sorted once per layout, not on every hover. */
function nameOrder(layout: ChoroplethLayout): MapFeature[] {
  let order = orders.get(layout);
  if (!order) orders.set(layout, (order = [...layout.features].sort((a, b) => SWEDISH.compare(a.name, b.name))));
  return order;
}

/** "Falun: 40 %", or "Falun: no data". */
function unitLabel(feature: MapFeature, format: (v: number, code?: string) => string, noDataLabel: string): string {
  return `${feature.name}: ${feature.value === null ? noDataLabel : format(feature.value, feature.id)}`;
}

export function ChoroplethView(props: ChoroplethViewProps): ReactElement {
  const { level, layout, format, label, noDataLabel, selected, onSelect, hovered, focused, ring, onHover, onFocusUnit, onMapKey, transform, labels = [], marks = [], ref, describedBy, svgProps } = props;
  const { features, borders, outline: coast } = layout;
  const width = props.width ?? layout.width;
  const height = props.height ?? layout.height;
  const byId = new Map(features.map((f) => [f.id, f]));
  const unitStroke = level === 'county' ? 0.8 : 0.4;
  const order = nameOrder(layout);
  // The one unit Tab reaches: the focused one, else the selected one, else the first by name.
  const tabStop = [focused, selected, order[0]?.id].find((code) => code && byId.has(code));
  const outline = (code: string | null | undefined, colour: string, strokeWidth: number, key: string) => {
    const f = code ? byId.get(code) : undefined;
    return f ? <path key={key} d={f.path} fill="none" stroke={colour} strokeWidth={strokeWidth} strokeLinejoin="round" style={FIXED} /> : null;
  };
  const ringed = focused ?? ring;
  const ringedFeature = ringed ? byId.get(ringed) : undefined;

  return (
    <svg
      ref={ref}
      className="choropleth-map"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="group"
      aria-label={label}
      aria-describedby={describedBy || undefined}
      onMouseLeave={() => onHover(null)}
      {...svgProps}
    >
      <g transform={transform ? `translate(${transform.x} ${transform.y}) scale(${transform.k})` : undefined}>
        <g stroke={BORDER_COLOUR} strokeWidth={unitStroke} strokeLinejoin="round">
          {features.map((f) => {
            const name = unitLabel(f, format, noDataLabel);
            const interactive = onSelect
              ? {
                  tabIndex: f.id === tabStop ? 0 : -1,
                  role: 'button',
                  'aria-pressed': f.id === selected,
                  onClick: () => onSelect(f.id),
                  onKeyDown: (event: KeyboardEvent<SVGPathElement>) => {
                    if (isSelectKey(event.key)) {
                      event.preventDefault();
                      onSelect(f.id);
                      return;
                    }
                    if (onMapKey?.(event)) {
                      event.preventDefault();
                      return;
                    }
                    const target = itemForKey(order, f.id, event.key);
                    if (!target) return;
                    event.preventDefault();
                    event.currentTarget?.ownerSVGElement?.querySelector<SVGPathElement>(`[data-code="${target}"]`)?.focus();
                  },
                  onFocus: () => onFocusUnit(f.id),
                  onBlur: () => onFocusUnit(null),
                  style: { cursor: 'pointer', outline: 'none', vectorEffect: 'non-scaling-stroke' as const },
                }
              : { role: 'img', style: { vectorEffect: 'non-scaling-stroke' as const } };
            return <path key={f.id} d={f.path} fill={f.colour} aria-label={name} data-code={f.id} onMouseEnter={() => onHover(f.id)} {...interactive} />;
          })}
        </g>
        {borders ? <path d={borders} fill="none" stroke={BORDER_COLOUR} strokeWidth={1.6} strokeLinejoin="round" style={FIXED} aria-hidden="true" /> : null}
        <path d={coast} fill="none" stroke={OUTLINE_COLOUR} strokeWidth={0.6} strokeLinejoin="round" style={FIXED} aria-hidden="true" />
        <g aria-hidden="true">
          {marks.map((mark) => (
            <rect
              key={mark.id}
              className="map-inset-mark"
              x={mark.box.x * layout.height}
              y={mark.box.y * layout.height}
              width={mark.box.width * layout.height}
              height={mark.box.height * layout.height}
              fill="none"
              stroke={SELECTED_COLOUR}
              strokeWidth={1}
              strokeDasharray="3 2"
              style={FIXED}
            />
          ))}
          {outline(selected, SELECTED_COLOUR, 2.5, 'selected')}
          {hovered !== ringed ? outline(hovered, SELECTED_COLOUR, 1.5, 'hovered') : null}
          {ringedFeature ? focusRing(ringedFeature.path, 'focused') : null}
        </g>
      </g>
      {labelElements(labels, LABEL_SIZE)}
    </svg>
  );
}

/** Name and value beside the unit's centre, kept inside the stage (the screen reader has the button's label). */
function Tooltip({ name, text, at, width, height }: { name: string; text: string; at: readonly [number, number]; width: number; height: number }) {
  const [x, y] = at;
  const below = y < height * 0.15;
  const shiftX = x < width * 0.3 ? '-10%' : x > width * 0.7 ? '-90%' : '-50%';
  return (
    <div className="choropleth-tooltip" aria-hidden="true" style={{ left: x, top: y, transform: `translate(${shiftX}, ${below ? '12px' : 'calc(-100% - 12px)'})` }}>
      <strong>{name}</strong>
      <br />
      {text}
    </div>
  );
}
