// Colour-blind-safe colours (Okabe–Ito for categories, PuOr for ordered scales): readable for the
// common red–green deficiencies and in greyscale print.
export const CATEGORY = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

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

/** Text on a filled cell must stay readable. */
export function inkOn(share: number): string {
  return share >= 0.5 ? '#ffffff' : '#1b2430';
}
