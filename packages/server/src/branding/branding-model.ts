import { Type, type Static } from '@sinclair/typebox';
import { canonicalSha256 } from '../util/canonical-json.ts';
import { contrastRatio, HEX_COLOR, MIN_TEXT_CONTRAST } from './contrast.ts';

const Color = Type.String({ pattern: HEX_COLOR });

export const BrandColors = Type.Object(
  {
    primary: Color,
    /** Text and icons drawn on the primary colour (buttons, header). */
    on_primary: Color,
    background: Color,
    text: Color,
  },
  { additionalProperties: false },
);
export type BrandColors = Static<typeof BrandColors>;

export const BrandingInput = Type.Object(
  {
    product_name: Type.String({ minLength: 1, maxLength: 80 }),
    colors: BrandColors,
    /** An https logo address; omit to keep an uploaded logo, null to remove any logo. */
    logo_url: Type.Optional(Type.Union([Type.String({ format: 'uri', pattern: '^https://', maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type BrandingInput = Static<typeof BrandingInput>;

/** What the console themes itself with; public. */
export const BrandingView = Type.Object({
  tenant_id: Type.String(),
  product_name: Type.String(),
  colors: BrandColors,
  logo_url: Type.Union([Type.String(), Type.Null()]),
  updated_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type BrandingView = Static<typeof BrandingView>;

export const DEFAULT_COLORS: BrandColors = { primary: '#1f4e8c', on_primary: '#ffffff', background: '#ffffff', text: '#1a1a1a' };

/** Every colour pair that would make text hard to read, named with its ratio. */
export function contrastProblems(colors: BrandColors): { field: string; message: string }[] {
  const pairs: [string, string, string][] = [
    ['colors.text', colors.text, colors.background],
    ['colors.on_primary', colors.on_primary, colors.primary],
  ];
  return pairs
    .map(([field, fg, bg]) => ({ field, ratio: contrastRatio(fg, bg), fg, bg }))
    .filter((p) => p.ratio < MIN_TEXT_CONTRAST)
    .map((p) => ({ field: p.field, message: `contrast ${p.fg} on ${p.bg} is ${p.ratio}:1; at least ${MIN_TEXT_CONTRAST}:1 is needed` }));
}

/** A strong validator for the public document: changes whenever any served byte would. */
export function brandingEtag(view: BrandingView): string {
  return `"${canonicalSha256(view).slice(0, 32)}"`;
}
