import { Type } from '@sinclair/typebox';
import { Problem } from '../http/problem.ts';
import { defineAction } from '../pipeline/define-action.ts';
import { TenantId } from '../tenancy/tenant-config.ts';
import { BrandingInput, BrandingView, contrastProblems, DEFAULT_COLORS } from './branding-model.ts';
import { invalidateBranding } from './branding-cache.ts';
import { putBranding } from './branding-store.ts';
import { currentBrandingView } from './branding-view.ts';
import { LOGO_TYPES, logoProblem } from './logo.ts';
import { StringEnum } from '../http/schema.ts';

const Params = Type.Object({ id: TenantId });

const invalid = (detail: string, errors: { field: string; message: string }[]) =>
  new Problem('invalid-request', detail, { errors: errors.map((e) => ({ in: 'body', ...e })) });

export const updateBranding = defineAction({
  name: 'branding.update',
  method: 'PUT',
  path: '/tenants/:id/branding',
  summary: "Set the tenant's product name, colours (contrast-checked) and logo URL; the console re-themes at once",
  scope: 'tenant',
  tenantParam: 'id',
  params: Params,
  input: BrandingInput,
  response: BrandingView,
  resource: () => currentBrandingView(),
  target: (ctx) => `tenant:${ctx.tenantId}:branding`,
  run: async (ctx, input, current) => {
    const problems = contrastProblems(input.colors);
    if (problems.length > 0) throw invalid('the colours would make text hard to read', problems);
    const stored = current.stored;
    // Omitting logo_url keeps what is there (an uploaded logo included); null removes any logo.
    const keep = input.logo_url === undefined;
    await putBranding(
      {
        product_name: input.product_name,
        colors: input.colors,
        logo_url: keep ? (stored?.logo_url ?? null) : input.logo_url!,
        logo_type: keep ? (stored?.logo_type ?? null) : null,
        logo: keep ? (stored?.logo ?? null) : null,
      },
      ctx.now,
    );
    invalidateBranding(ctx.tenantId);
    return (await currentBrandingView())!.view;
  },
});

export const uploadLogo = defineAction({
  name: 'branding.logo.upload',
  method: 'PUT',
  path: '/tenants/:id/branding/logo',
  summary: 'Upload the tenant logo (PNG, JPEG or WebP, at most 256 KiB, base64 in JSON); replaces a logo URL',
  scope: 'tenant',
  tenantParam: 'id',
  params: Params,
  input: Type.Object(
    { content_type: StringEnum(LOGO_TYPES), data_base64: Type.String({ minLength: 1, maxLength: 400_000, pattern: '^[A-Za-z0-9+/]+={0,2}$' }) },
    { additionalProperties: false },
  ),
  response: BrandingView,
  resource: () => currentBrandingView(),
  target: (ctx) => `tenant:${ctx.tenantId}:branding`,
  run: async (ctx, input, current) => {
    const bytes = Buffer.from(input.data_base64, 'base64');
    const problem = logoProblem(bytes, input.content_type);
    if (problem !== undefined) throw invalid(problem, [{ field: 'data_base64', message: problem }]);
    await putBranding(
      { product_name: current.view.product_name, colors: current.stored?.colors ?? DEFAULT_COLORS, logo_url: null, logo_type: input.content_type, logo: bytes },
      ctx.now,
    );
    invalidateBranding(ctx.tenantId);
    return (await currentBrandingView())!.view;
  },
});

export const brandingActions = [updateBranding, uploadLogo];
