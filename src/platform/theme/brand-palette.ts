/**
 * Turns the configured brand colour into the CSS variables the design tokens
 * read (see src/app/globals.css), choosing and adjusting colours so that text
 * always meets WCAG AA contrast (4.5:1): the text on a brand-coloured button,
 * and brand-coloured text (links) on the light and dark backgrounds.
 */

type Rgb = [number, number, number];

/** The page backgrounds the text variants are checked against (globals.css: --background). */
export const LIGHT_BACKGROUND = '#ffffff';
export const DARK_BACKGROUND = '#0b0f18';
/**
 * The lightest dark surface that holds links: cards, popovers and alerts
 * (globals.css: --card in dark mode). Text readable on it is readable on the
 * darker background too.
 */
export const DARK_SURFACE = '#141822';
const WHITE = '#ffffff';
const INK = '#0b0f19';
const AA = 4.5;

function parseHex(hex: string): Rgb {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const value = parseInt(match[1]!, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex([r, g, b]: Rgb) {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function luminance(hex: string) {
  const [r, g, b] = parseHex(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function mix(hex: string, toward: string, amount: number) {
  const from = parseHex(hex);
  const to = parseHex(toward);
  return toHex(from.map((channel, i) => channel + (to[i]! - channel) * amount) as Rgb);
}

/** The brand colour moved toward white or black just enough to be readable on `background`. */
function readableOn(background: string, brand: string) {
  const toward = luminance(background) > 0.5 ? '#000000' : '#ffffff';
  for (let step = 0; step <= 20; step += 1) {
    const candidate = mix(brand, toward, step / 20);
    if (contrastRatio(candidate, background) >= AA) return candidate;
  }
  return toward;
}

/** White or ink, whichever reads better on the brand colour (one of them always reaches 4.5:1). */
function foregroundOn(fill: string) {
  return contrastRatio(fill, WHITE) >= contrastRatio(fill, INK) ? WHITE : INK;
}

export interface BrandPalette {
  light: { fill: string; foreground: string; text: string };
  dark: { fill: string; foreground: string; text: string };
}

export function brandPalette(brand: string): BrandPalette {
  const base = toHex(parseHex(brand));
  const darkFill = contrastRatio(base, DARK_BACKGROUND) >= 3 ? base : mix(base, WHITE, 0.25);
  return {
    light: { fill: base, foreground: foregroundOn(base), text: readableOn(LIGHT_BACKGROUND, base) },
    dark: { fill: darkFill, foreground: foregroundOn(darkFill), text: readableOn(DARK_SURFACE, base) },
  };
}

/** The palette as the CSS custom properties globals.css expects, for a `style` attribute. */
export function brandCssVariables(brand: string): Record<string, string> {
  const palette = brandPalette(brand);
  return {
    '--brand-light': palette.light.fill,
    '--brand-light-foreground': palette.light.foreground,
    '--brand-light-text': palette.light.text,
    '--brand-dark': palette.dark.fill,
    '--brand-dark-foreground': palette.dark.foreground,
    '--brand-dark-text': palette.dark.text,
  };
}
