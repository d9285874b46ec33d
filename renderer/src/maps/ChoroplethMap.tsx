// A choropleth map of Sweden's counties or municipalities as SVG, with a tooltip on hover and focus and
// the legend below it. With `onSelect` every unit is a button, and the map is one stop for Tab (a
// roving tabindex, not 290 stops): the arrow keys step through the units in name order, Home and End
// go to the first and last, a letter to the next name starting with it; Enter or Space (or a click)
// selects, and the selected unit has a dark outline. The drawing itself is ChoroplethView, a
// component without state or hooks: the tests call it as a function and press its buttons.
import { useMemo, useState, type KeyboardEvent, type ReactElement } from 'react';
import { BORDER_COLOUR, choropleth, legendItems, OUTLINE_COLOUR, SELECTED_COLOUR, type ChoroplethLayout, type ClassBreaks, type MapFeature, type MapLevel } from './choropleth';
import { SWEDEN_ASPECT } from './geo';
// The export's SVG is export/choropleth-svg.ts (choroplethSvg, choroplethSvgString), not re-exported here: it
// brings the export font's code (fontkit, ~1 MB), which the app loads only when something is exported.

/** The app's focus colour (styles.css :focus-visible). */
const FOCUS_COLOUR = '#f0a202';

export interface ChoroplethMapProps {
  level: MapLevel;
  /** Values by register code ('0180', '01'); units not in it are drawn grey as "no data". */
  values: ReadonlyMap<string, number>;
  breaks: ClassBreaks;
  format: (v: number) => string;
  /** The map's accessible name. */
  label: string;
  noDataLabel: string;
  selected?: string | null;
  onSelect?: (code: string) => void;
  /** The drawing's size in CSS pixels; it shrinks with a narrower container. Default 320 wide, height from Sweden's shape. */
  width?: number;
  height?: number;
}

export function ChoroplethMap(props: ChoroplethMapProps) {
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const width = props.width ?? (props.height ? Math.round(props.height * SWEDEN_ASPECT) + 8 : 320);
  const height = props.height ?? Math.round((width - 8) / SWEDEN_ASPECT) + 8;
  const layout = useMemo(
    () => choropleth(props.level, props.values, { width, height, breaks: props.breaks }),
    [props.level, props.values, width, height, props.breaks],
  );
  return <ChoroplethView {...props} layout={layout} hovered={hovered} focused={focused} onHover={setHovered} onFocusUnit={setFocused} />;
}

export interface ChoroplethViewProps extends ChoroplethMapProps {
  layout: ChoroplethLayout;
  /** The unit under the pointer, and the one with keyboard focus. */
  hovered: string | null;
  focused: string | null;
  onHover: (code: string | null) => void;
  onFocusUnit: (code: string | null) => void;
}

/** Enter and Space press a unit's button, as they press an HTML button. */
export function isSelectKey(key: string): boolean {
  return key === 'Enter' || key === ' ' || key === 'Spacebar';
}

/**
 * Where a key moves the keyboard focus, among the units in name order (`order`): arrows step (and
 * wrap), Home and End go to the ends, a letter to the next unit whose name starts with it. Null for
 * any other key.
 */
export function unitForKey(order: readonly { id: string; name: string }[], current: string, key: string): string | null {
  const at = order.findIndex((unit) => unit.id === current);
  const step = (by: number) => order[(at + by + order.length) % order.length]!.id;
  if (order.length === 0) return null;
  if (key === 'ArrowDown' || key === 'ArrowRight') return step(1);
  if (key === 'ArrowUp' || key === 'ArrowLeft') return step(-1);
  if (key === 'Home') return order[0]!.id;
  if (key === 'End') return order.at(-1)!.id;
  if (key.length !== 1 || !/\p{L}/u.test(key)) return null;
  const letter = key.toLocaleLowerCase('sv');
  for (let i = 1; i <= order.length; i++) {
    const unit = order[(at + i) % order.length]!;
    if (unit.name.toLocaleLowerCase('sv').startsWith(letter)) return unit.id;
  }
  return null;
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
function unitLabel(feature: MapFeature, format: (v: number) => string, noDataLabel: string): string {
  return `${feature.name}: ${feature.value === null ? noDataLabel : format(feature.value)}`;
}

export function ChoroplethView(props: ChoroplethViewProps): ReactElement {
  const { level, layout, format, label, noDataLabel, selected, onSelect, hovered, focused, onHover, onFocusUnit, breaks } = props;
  const { width, height, features, borders, outline: coast } = layout;
  const byId = new Map(features.map((f) => [f.id, f]));
  const unitStroke = level === 'county' ? 0.8 : 0.4;
  const tipped = byId.get(hovered ?? '') ?? byId.get(focused ?? '');
  const order = nameOrder(layout);
  // The one unit Tab reaches: the focused one, else the selected one, else the first by name.
  const tabStop = [focused, selected, order[0]?.id].find((code) => code && byId.has(code));
  const outline = (code: string | null | undefined, colour: string, strokeWidth: number, key: string) => {
    const f = code ? byId.get(code) : undefined;
    return f ? <path key={key} d={f.path} fill="none" stroke={colour} strokeWidth={strokeWidth} strokeLinejoin="round" pointerEvents="none" /> : null;
  };

  return (
    <div className="choropleth" style={{ maxWidth: width }}>
      {/* The tooltip is placed in per cent of this box, which is the drawing's box at any scale. */}
      <div style={{ position: 'relative' }}>
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          role="group"
          aria-label={label}
          style={{ display: 'block', maxWidth: '100%', height: 'auto' }}
          onMouseLeave={() => onHover(null)}
        >
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
                      const target = unitForKey(order, f.id, event.key);
                      if (!target) return;
                      event.preventDefault();
                      event.currentTarget?.ownerSVGElement?.querySelector<SVGPathElement>(`[data-code="${target}"]`)?.focus();
                    },
                    onFocus: () => onFocusUnit(f.id),
                    onBlur: () => onFocusUnit(null),
                    style: { cursor: 'pointer', outline: 'none' },
                  }
                : { role: 'img' };
              return <path key={f.id} d={f.path} fill={f.colour} aria-label={name} data-code={f.id} onMouseEnter={() => onHover(f.id)} {...interactive} />;
            })}
          </g>
          {borders ? <path d={borders} fill="none" stroke={BORDER_COLOUR} strokeWidth={1.6} strokeLinejoin="round" pointerEvents="none" aria-hidden="true" /> : null}
          <path d={coast} fill="none" stroke={OUTLINE_COLOUR} strokeWidth={0.6} strokeLinejoin="round" pointerEvents="none" aria-hidden="true" />
          <g aria-hidden="true">
            {outline(selected, SELECTED_COLOUR, 2.2, 'selected')}
            {hovered !== focused ? outline(hovered, SELECTED_COLOUR, 1.2, 'hovered') : null}
            {outline(focused, FOCUS_COLOUR, 3, 'focused')}
          </g>
        </svg>
        {tipped ? <Tooltip feature={tipped} width={width} height={height} text={tipped.value === null ? noDataLabel : format(tipped.value)} /> : null}
      </div>
      <ul className="choropleth-legend" style={{ listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: '4px 14px', margin: '8px 0 0', padding: 0 }}>
        {legendItems(breaks, format, noDataLabel).map((item, i) => (
          <li key={i} style={{ display: 'flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}>
            <span
              aria-hidden="true"
              className="choropleth-swatch"
              style={{ display: 'inline-block', width: 14, height: 14, background: item.colour, border: '1px solid #8a94a3', flex: 'none' }}
            />
            {item.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Name and value beside the unit's centre, kept inside the map (the screen reader has the button's label). */
function Tooltip({ feature, width, height, text }: { feature: MapFeature; width: number; height: number; text: string }) {
  const [x, y] = feature.centroid;
  const below = y < height * 0.15;
  const shiftX = x < width * 0.3 ? '-10%' : x > width * 0.7 ? '-90%' : '-50%';
  return (
    <div
      className="choropleth-tooltip"
      aria-hidden="true"
      style={{
        position: 'absolute',
        left: `${(x / width) * 100}%`,
        top: `${(y / height) * 100}%`,
        transform: `translate(${shiftX}, ${below ? '12px' : 'calc(-100% - 12px)'})`,
        background: '#ffffff',
        color: '#1b2430',
        border: '1px solid #c3cbd6',
        borderRadius: 4,
        boxShadow: '0 2px 6px rgba(27, 36, 48, 0.18)',
        padding: '4px 8px',
        fontSize: '0.875rem',
        lineHeight: 1.3,
        whiteSpace: 'nowrap',
        pointerEvents: 'none',
        zIndex: 1,
      }}
    >
      <strong>{feature.name}</strong>
      <br />
      {text}
    </div>
  );
}
