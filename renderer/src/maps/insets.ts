// The insets of a municipality map: framed maps of the Stockholm, Göteborg and Malmö areas, where the
// municipalities are too small to see (Sundbyberg is about 1/450 of Sweden's height: a pixel or two on
// a screen-high map of the country). Where each area is, and where the insets go beside the map. Pure.
import { pad, union, type Box } from './zoom';

type InsetId = 'stockholm' | 'goteborg' | 'malmo';

export interface InsetArea {
  id: InsetId;
  /** The municipalities the inset is made to show (its box holds all of them); their neighbours show at its edges. */
  codes: readonly string[];
}

export const INSET_AREAS: readonly InsetArea[] = [
  // Stockholm with Solna, Sundbyberg, Danderyd, Lidingö, Nacka, Järfälla, Sollentuna, Täby, Vaxholm,
  // Tyresö, Salem, Upplands Väsby and Huddinge.
  { id: 'stockholm', codes: ['0180', '0184', '0183', '0162', '0186', '0182', '0123', '0163', '0160', '0187', '0138', '0128', '0114', '0126'] },
  // Göteborg with Mölndal, Partille and Öckerö.
  { id: 'goteborg', codes: ['1480', '1481', '1402', '1407'] },
  // Malmö with Burlöv, Lomma, Staffanstorp, Vellinge and Kävlinge.
  { id: 'malmo', codes: ['1280', '1231', '1262', '1230', '1233', '1261'] },
];

/** The part of the country an inset shows (map units), from its municipalities' extents, with a margin. */
export function insetBounds(area: InsetArea, boxes: ReadonlyMap<string, Box>): Box {
  return pad(union(area.codes.map((code) => boxes.get(code)).filter((box): box is Box => box !== undefined)), 0.04);
}

export interface InsetLayout {
  /** Where the country is drawn and zoomed in: the stage less the insets. */
  map: Box;
  /** One box an inset (its caption at the top, its map below), in the order of the areas. */
  insets: Box[];
}

const GAP = 12;
/** Sweden is drawn with this much room at its edges. */
export const MAP_PADDING = 8;
const MIN_INSET_WIDTH = 150;
const MAX_INSET_WIDTH = 300;
/** The caption above an inset's map, in pixels. */
export const INSET_CAPTION = 26;

/**
 * Where `count` insets go on a stage of `width` × `height` pixels that shows a country `aspect` wide
 * (width ÷ height): in a column at the right, bottom-aligned (the areas are in the south), when the
 * country still fits at full height beside it; else in a row along the bottom, the country above. No
 * inset overlaps another or the map's area, and all of them are on the stage.
 */
export function placeInsets(width: number, height: number, aspect: number, count: number): InsetLayout {
  if (count === 0) return { map: { x: 0, y: 0, width, height }, insets: [] };
  const country = (height - 2 * MAP_PADDING) * aspect + 2 * MAP_PADDING;
  const column = Math.min(MAX_INSET_WIDTH, width * 0.36, width - GAP - country);
  if (column >= MIN_INSET_WIDTH) {
    const each = Math.min((height - GAP * (count - 1)) / count, column * 0.85 + INSET_CAPTION);
    const top = height - count * each - GAP * (count - 1);
    const x = width - column;
    return {
      map: { x: 0, y: 0, width: x - GAP, height },
      insets: Array.from({ length: count }, (_, i) => ({ x, y: top + i * (each + GAP), width: column, height: each })),
    };
  }
  const across = (width - GAP * (count - 1)) / count;
  const row = Math.min(height * 0.32, across * 0.8 + INSET_CAPTION);
  return {
    map: { x: 0, y: 0, width, height: height - row - GAP },
    insets: Array.from({ length: count }, (_, i) => ({ x: i * (across + GAP), y: height - row, width: across, height: row })),
  };
}
