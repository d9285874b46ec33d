// The keyboard focus ring meets WCAG 2.1 1.4.11 (3:1 against what is beside it) on every background the
// app draws it on, and styles.css draws it in the colours focus-ring.ts names (which the SVG charts use).
// The old ring (#f0a202) was 2.1:1 on white and 1.8:1 on the selected file row.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BAR, CATEGORY, contrastRatio, scaleColours, shareColour } from '../../../renderer/src/export/palette';
import { FOCUS_RING } from '../../../renderer/src/focus-ring';

const css = readFileSync('renderer/src/styles.css', 'utf8');

/** A custom property's `#rrggbb` value from styles.css (the first definition). */
function cssVar(name: string): string {
  const found = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})\\b`).exec(css);
  if (!found) throw new Error(`styles.css sets no --${name}`);
  return found[1]!.toLowerCase();
}

/** The background of the rule for `selector` in styles.css, a colour or a custom property resolved. */
function backgroundOf(selector: string): string {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rule = new RegExp(`(?:^|\\n)${escaped}\\s*\\{([^}]*)\\}`).exec(css);
  if (!rule) throw new Error(`styles.css has no rule ${selector}`);
  const value = /background:\s*(#[0-9a-fA-F]{6}|var\(--([\w-]+)\))/.exec(rule[1]!);
  if (!value) throw new Error(`${selector} sets no background`);
  return value[2] ? cssVar(value[2]) : value[1]!.toLowerCase();
}

/** Every light background a focusable control sits on, read from styles.css. */
const BACKGROUNDS: Record<string, string> = {
  'white cards, the tabs, dialogs (--surface)': cssVar('surface'),
  'the light grey page (--bg)': cssVar('bg'),
  'the selected file row (.file-list li.current)': backgroundOf('.file-list li.current'),
  'the import report (.report)': backgroundOf('.report'),
  'an error (.error)': cssVar('danger-soft'),
  'the recovery offer (.recovery)': backgroundOf('.recovery'),
  'a sample-data tag (.tag.sample)': backgroundOf('.tag.sample'),
  'a chip (.chip)': backgroundOf('.chip'),
  'the export preview (.export-preview)': backgroundOf('.export-preview'),
};

describe('the focus ring', () => {
  it('is drawn in styles.css in the colours focus-ring.ts names, and the old orange is gone', () => {
    expect(cssVar('focus-ring')).toBe(FOCUS_RING.colour);
    expect(cssVar('focus-ring-inner')).toBe(FOCUS_RING.inner);
    expect(cssVar('focus-ring-on-dark')).toBe(FOCUS_RING.onDark);
    expect(css).toMatch(/^:focus-visible \{ outline: 3px solid var\(--focus-ring\); outline-offset: 2px; box-shadow: 0 0 0 2px var\(--focus-ring-inner\); \}$/m);
    expect(css).toMatch(/^\.topbar :focus-visible \{ outline-color: var\(--focus-ring-on-dark\); box-shadow: 0 0 0 2px var\(--brand\); \}$/m);
    expect(css.toLowerCase()).not.toContain('#f0a202');
    expect(contrastRatio('#f0a202', '#ffffff')).toBeLessThan(3); // why it went: 2.1:1
  });

  it.each(Object.entries(BACKGROUNDS))('meets 3:1 on %s', (_, background) => {
    expect(contrastRatio(FOCUS_RING.colour, background)).toBeGreaterThanOrEqual(3);
  });

  it('meets 3:1 on the dark top bar, where it is white with a band of the bar’s blue', () => {
    const topbar = cssVar('brand');
    expect(backgroundOf('.topbar').toLowerCase()).toBe(topbar);
    expect(contrastRatio(FOCUS_RING.onDark, topbar)).toBeGreaterThanOrEqual(3);
    // A white control there (Öppna fil…, the language menu) is kept apart from the white ring by the blue band.
    expect(contrastRatio('#ffffff', topbar)).toBeGreaterThanOrEqual(3);
  });

  it('is two colours at least 9:1 apart, so one of them meets 3:1 beside any colour (C40): every bar, line and heat-map colour', () => {
    expect(contrastRatio(FOCUS_RING.colour, FOCUS_RING.inner)).toBeGreaterThanOrEqual(9);
    const drawn = [...Object.values(BAR), ...CATEGORY, ...scaleColours(5), ...[0, 0.2, 0.4, 0.6, 0.8, 1].map(shareColour), '#12395b', '#0f6bb0'];
    for (const colour of drawn) {
      expect(Math.max(contrastRatio(FOCUS_RING.colour, colour), contrastRatio(FOCUS_RING.inner, colour)), colour).toBeGreaterThanOrEqual(3);
    }
  });
});
