// Drawn over the units on the map and on its insets: the focus ring and the names.
import type { ReactElement } from 'react';
import { FOCUS_RING } from '../focus-ring';
import { SELECTED_COLOUR } from './choropleth';
import type { MapLabel } from './labels';

/** Names on the map, in pixels. */
export const LABEL_SIZE = 12;

/** About the width of the app's font (Source Sans 3, semibold) at `size`: a little generous. */
export const labelWidth = (text: string, size: number) => text.length * size * 0.56;

/** Outlines keep their width in pixels at any zoom. */
export const FIXED = { vectorEffect: 'non-scaling-stroke', pointerEvents: 'none' } as const;

/** The focus ring on a unit (focus-ring.ts): the dark ring over a white band, 15:1 apart, so one of them stands out on any fill. */
export function focusRing(path: string, key: string): ReactElement {
  return (
    <g key={key} fill="none" strokeLinejoin="round" style={FIXED}>
      <path d={path} stroke={FOCUS_RING.inner} strokeWidth={7} style={FIXED} />
      <path d={path} stroke={FOCUS_RING.colour} strokeWidth={3} style={FIXED} />
    </g>
  );
}

/** Names over the map: the ink on a white halo, readable on every class colour. */
export function labelElements(labels: readonly MapLabel[], size: number): ReactElement {
  return (
    <g className="map-labels" aria-hidden="true" fontSize={size} fontWeight={600} textAnchor="middle" pointerEvents="none">
      {labels.map((label) => (
        <text key={label.id} x={label.x} y={label.y + size * 0.35} fill={SELECTED_COLOUR} stroke="#ffffff" strokeWidth={3} strokeLinejoin="round" paintOrder="stroke">
          {label.text}
        </text>
      ))}
    </g>
  );
}

