import { describe, expect, it } from 'vitest';
import { brandPalette, contrastRatio, DARK_BACKGROUND, DARK_SURFACE, LIGHT_BACKGROUND } from './brand-palette';

describe('brand palette', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it.each(['#1d4ed8', '#facc15', '#22c55e', '#0f172a', '#ffffff', '#ff00ff', '#7c3aed', '#e11d48'])(
    'keeps every text readable for brand %s, in both themes',
    (brand) => {
      const palette = brandPalette(brand);
      expect(contrastRatio(palette.light.foreground, palette.light.fill)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(palette.dark.foreground, palette.dark.fill)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(palette.light.text, LIGHT_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(palette.dark.text, DARK_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
      // Links sit on cards too, a little lighter than the page.
      expect(contrastRatio(palette.dark.text, DARK_SURFACE)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('keeps the brand colour itself when it is already readable', () => {
    expect(brandPalette('#1d4ed8').light).toEqual({ fill: '#1d4ed8', foreground: '#ffffff', text: '#1d4ed8' });
    // A light yellow gets dark text on it, and a darker shade for links.
    const yellow = brandPalette('#facc15').light;
    expect(yellow.foreground).toBe('#0b0f19');
    expect(yellow.text).not.toBe('#facc15');
  });

  it('refuses what is not a #rrggbb colour', () => {
    expect(() => brandPalette('blue')).toThrow('not a #rrggbb colour');
  });
});
