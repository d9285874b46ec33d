// Colour-blind-safe colours (Okabe–Ito for categories, PuOr for ordered scales): readable for the
// common red–green deficiencies and in greyscale print.
export const CATEGORY = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/** The change between two waves: the earlier wave grey, the later the palette's blue, the line between them light. */
export const CHANGE = { from: '#6b7785', to: '#0072B2', line: '#c9d3de' };

export const BAR = { recommended: '#0072B2', other: '#7fa7c9', advisedAgainst: '#D55E00', tool: '#009E73' };

/** Diverging scale, negative to positive; the neutral step is grey. */
export function scaleColours(steps: number): string[] {
  const five = ['#b35806', '#f1a340', '#d9d9d9', '#998ec3', '#542788'];
  if (steps === 5) return five;
  if (steps === 4) return ['#b35806', '#f1a340', '#998ec3', '#542788'];
  if (steps === 3) return ['#f1a340', '#998ec3', '#542788'];
  return CATEGORY.slice(0, steps);
}

/** Sequential scale for shares 0–1 (heat map): light to dark blue. */
export function shareColour(share: number): string {
  const stops = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'];
  return stops[Math.min(stops.length - 1, Math.floor(share * stops.length))]!;
}

const DARK_INK = '#1b2430';
const LIGHT_INK = '#ffffff';

/** WCAG 2.x relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2.x contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Text on a heat-map cell: of dark and white, the one with more contrast on the cell's own colour, so
 * every class meets WCAG's 4.5:1 (white on the mid blues did not: 2.4:1 on #6baed6).
 */
export function inkOn(share: number): string {
  const fill = shareColour(share);
  return contrastRatio(DARK_INK, fill) >= contrastRatio(LIGHT_INK, fill) ? DARK_INK : LIGHT_INK;
}
