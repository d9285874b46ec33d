// One inset of the municipality map: a framed map of a small area (insets.ts), drawn at its own scale
// with the names that fit, its caption a button that zooms the main map there. A picture for the
// pointer: the keyboard and the screen reader have every unit on the main map and in the ranking, so
// the drawing is hidden from them and none of it is a Tab stop. Hover and click do as on the main map.
import { useMemo } from 'react';
import { BORDER_COLOUR, choropleth, OUTLINE_COLOUR, SELECTED_COLOUR, type ClassBreaks, type MapLevel } from './choropleth';
import { focusRing, labelElements, labelWidth } from './map-marks';
import { placeLabels } from './labels';
import type { Box } from './zoom';

const INSET_LABEL_SIZE = 11;

export interface MapInsetProps {
  level: MapLevel;
  values: ReadonlyMap<string, number>;
  breaks: ClassBreaks;
  /** The inset's place on the stage, caption included, and its map's. */
  slot: Box;
  mapBox: Box;
  /** What it shows, in map units. */
  view: Box;
  caption: string;
  zoomLabel: string;
  selected: string | null;
  hovered: string | null;
  ring: string | null;
  /** `at`: where the unit's tooltip points, on the stage. */
  onHover: (code: string | null, at: readonly [number, number] | null) => void;
  onSelect?: (code: string) => void;
  onZoom: () => void;
}

export function MapInset(props: MapInsetProps) {
  const { level, values, breaks, slot, mapBox, view, selected, hovered, ring, onHover, onSelect } = props;
  const { width, height } = mapBox;
  const layout = useMemo(() => choropleth(level, values, { width, height, breaks, view }), [level, values, breaks, width, height, view]);
  const labels = useMemo(
    () =>
      placeLabels(
        layout.features.map((f) => ({ id: f.id, name: f.name, at: f.centroid, box: f.box })),
        { x: 0, y: 0, width, height },
        INSET_LABEL_SIZE,
        (text) => labelWidth(text, INSET_LABEL_SIZE),
      ),
    [layout, width, height],
  );
  const byId = new Map(layout.features.map((f) => [f.id, f]));
  const outline = (code: string | null, strokeWidth: number, key: string) => {
    const f = code ? byId.get(code) : undefined;
    return f ? <path key={key} d={f.path} fill="none" stroke={SELECTED_COLOUR} strokeWidth={strokeWidth} strokeLinejoin="round" pointerEvents="none" /> : null;
  };
  const ringed = ring ? byId.get(ring) : undefined;
  return (
    <div className="map-inset" style={{ left: Math.round(slot.x), top: Math.round(slot.y), width: Math.round(slot.width), height: Math.round(slot.height) }}>
      <button type="button" className="map-inset-caption" onClick={props.onZoom} aria-label={props.zoomLabel} title={props.zoomLabel}>
        {props.caption}
      </button>
      <svg className="map-inset-map" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" onMouseLeave={() => onHover(null, null)}>
        <g stroke={BORDER_COLOUR} strokeWidth={0.6} strokeLinejoin="round">
          {layout.features.map((f) => (
            <path
              key={f.id}
              d={f.path}
              fill={f.colour}
              data-inset-code={f.id}
              onMouseEnter={() => onHover(f.id, [mapBox.x + f.centroid[0], mapBox.y + f.centroid[1]])}
              onClick={onSelect ? () => onSelect(f.id) : undefined}
              style={onSelect ? { cursor: 'pointer' } : undefined}
            />
          ))}
        </g>
        {layout.borders ? <path d={layout.borders} fill="none" stroke={BORDER_COLOUR} strokeWidth={1.8} strokeLinejoin="round" pointerEvents="none" /> : null}
        <path d={layout.outline} fill="none" stroke={OUTLINE_COLOUR} strokeWidth={0.8} strokeLinejoin="round" pointerEvents="none" />
        {outline(selected, 2.5, 'selected')}
        {hovered !== ring ? outline(hovered, 1.5, 'hovered') : null}
        {ringed ? focusRing(ringed.path, 'focused') : null}
        {labelElements(labels, INSET_LABEL_SIZE)}
      </svg>
    </div>
  );
}
