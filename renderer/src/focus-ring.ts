// The keyboard focus ring, one look everywhere (WCAG 2.1 1.4.11 asks 3:1 against what is beside it):
// a dark ring 3 px wide, 2 px outside the element, with a white band between (C40, a two-colour
// indicator: the two are 15:1 apart, so one of them stands out on any background). On the dark top bar
// the ring is white. styles.css sets the same colours (--focus-ring, --focus-ring-inner,
// --focus-ring-on-dark); SVG drawings that cannot take a CSS outline (chart bars, map units) stroke
// these. test/unit/renderer/focus-ring.test.ts holds each against every background the app uses.
export const FOCUS_RING = {
  /** The ring. */
  colour: '#1b2430',
  /** The band between the ring and the element. */
  inner: '#ffffff',
  /** The ring on the dark top bar (.topbar, --brand). */
  onDark: '#ffffff',
} as const;

/** Ring and band widths in CSS pixels. */
export const FOCUS_RING_WIDTH = 3;
export const FOCUS_RING_GAP = 2;
