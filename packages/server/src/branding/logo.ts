// Uploaded logos: raster images only (an SVG can carry script), recognised by their bytes, not by
// what the uploader claims.

export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];
export const MAX_LOGO_BYTES = 256 * 1024;

export function sniffImageType(bytes: Uint8Array): LogoType | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

/** Why the bytes are not an acceptable logo of the declared type, or undefined when they are. */
export function logoProblem(bytes: Uint8Array, declared: string): string | undefined {
  if (bytes.length === 0) return 'the logo is empty';
  if (bytes.length > MAX_LOGO_BYTES) return `the logo is ${bytes.length} bytes; the limit is ${MAX_LOGO_BYTES}`;
  const actual = sniffImageType(bytes);
  if (actual === undefined) return 'the logo is not a PNG, JPEG or WebP image';
  if (actual !== declared) return `the logo is declared ${declared} but is ${actual}`;
  return undefined;
}
