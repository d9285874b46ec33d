// Names on the map where they fit: a unit is named at its centre when the name fits well inside its
// extent at the scale it is drawn, larger units first, no name over another, none cut at the edge.
// Zoomed in on a county, its municipalities get their names; the whole country at a glance gets
// few or none. Pure, for the screen and the export alike.
import { contains, intersects, type Box } from './zoom';

export interface LabelCandidate {
  id: string;
  name: string;
  /** Where the name goes (the unit's centre of area), in pixels. */
  at: readonly [number, number];
  /** The unit's extent in pixels. */
  box: Box;
}

export interface MapLabel {
  id: string;
  text: string;
  /** The centre of the text's baseline box. */
  x: number;
  y: number;
  /** The box the text takes. */
  box: Box;
}

/**
 * The names that fit: each name's box (its width by `width(name)`, `size` high) must lie inside
 * `area` and inside the middle of its unit's extent (a name across a border would name the
 * neighbour), and clear of every name placed before it.
 */
export function placeLabels(candidates: readonly LabelCandidate[], area: Box, size: number, width: (text: string) => number): MapLabel[] {
  const placed: MapLabel[] = [];
  const halo = 2;
  const bySize = [...candidates].sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height || a.id.localeCompare(b.id));
  for (const unit of bySize) {
    const w = width(unit.name) + 2 * halo;
    const h = size + 2 * halo;
    const [x, y] = unit.at;
    const box = { x: x - w / 2, y: y - h / 2, width: w, height: h };
    const middle = { x: unit.box.x + unit.box.width * 0.1, y: unit.box.y + unit.box.height * 0.15, width: unit.box.width * 0.8, height: unit.box.height * 0.7 };
    if (!contains(area, box) || !contains(middle, box)) continue;
    if (placed.some((label) => intersects(label.box, box))) continue;
    placed.push({ id: unit.id, text: unit.name, x, y, box });
  }
  return placed;
}
