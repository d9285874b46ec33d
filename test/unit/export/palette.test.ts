import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contrastRatio, inkOn, shareColour } from '../../../renderer/src/export/palette';

describe('the heat map palette', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#6baed6')).toBeCloseTo(2.43, 2); // axe-core reported 2.42 (rounded down) for reported for the old white text
  });

  it('writes every share in text that meets 4.5:1 on its own cell colour', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (share) => {
        expect(contrastRatio(inkOn(share), shareColour(share))).toBeGreaterThanOrEqual(4.5);
      }),
    );
  });

  it('keeps white on the darkest blues and dark text on the light ones', () => {
    expect(inkOn(1)).toBe('#ffffff');
    expect(inkOn(0)).toBe('#1b2430');
    expect(inkOn(0.55)).toBe('#1b2430'); // #6baed6: dark 6.6:1, where white was 2.4:1
  });
});
