// WCAG 2.2 contrast: relative luminance of sRGB colours and the ratio between two of them.

export const HEX_COLOR = '^#[0-9a-fA-F]{6}$';

/** AA for normal-size text. */
export const MIN_TEXT_CONTRAST = 4.5;

function channel(hex: string, offset: number): number {
  const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** From 1 (same colour) to 21 (black on white), rounded down to two decimals so 4.499 never passes as 4.5. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return Math.floor(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
}
