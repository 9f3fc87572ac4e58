import { Type } from '@sinclair/typebox';
import { Problem } from '../http/problem.ts';
import { Nullable } from '../http/schema.ts';
import { defineAction } from '../pipeline/define-action.ts';
import { nextAfter, PageLimit, pageLimit } from '../http/keyset-page.ts';
import { getRunbook, getVersion, listRunbooks, listVersions, runbookTarget, saveVersion, type Runbook, type RunbookVersion } from './runbook-store.ts';

// Runbooks: Markdown documents of a tenant under a stable slug, every save a new version. Alerts
// and incidents name a runbook by its slug.

export const RunbookSlug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$', description: 'lower-case letters, digits and dashes, up to 63' });
const SlugParams = Type.Object({ slug: RunbookSlug });
const VersionParams = Type.Object({ slug: RunbookSlug, version: Type.String({ pattern: '^[1-9][0-9]{0,8}$' }) });

const RunbookView = Type.Object({
  slug: Type.String(),
  title: Type.String(),
  current_version: Type.Integer(),
  created_by: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  updated_by: Type.String(),
  updated_at: Type.String({ format: 'date-time' }),
});
const VersionSummaryView = Type.Object({
  slug: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  message: Nullable(Type.String()),
  author: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
});
const VersionView = Type.Composite([VersionSummaryView, Type.Object({ body: Type.String() })]);

/** The console path of a runbook: the stable link alerts and workflows use. */
export const runbookConsolePath = (tenantId: string, slug: string): string => `/tenants/${encodeURIComponent(tenantId)}/runbooks/${slug}`;

const loadRunbook = (ctx: { params: { slug: string } }): Promise<Runbook | undefined> => getRunbook(ctx.params.slug);

export const listRunbooksAction = defineAction({
  name: 'runbook.list',
  method: 'GET',
  path: '/runbooks',
  summary: "The tenant's runbooks by slug, paged with `after` (the last slug seen)",
  scope: 'tenant',
  query: Type.Object({ after: Type.Optional(RunbookSlug), limit: PageLimit }, { additionalProperties: false }),
  response: Type.Object({ runbooks: Type.Array(RunbookView), next_after: Nullable(Type.String()) }),
  run: async (ctx) => {
    const limit = pageLimit(ctx.query);
    const runbooks = await listRunbooks({ after: ctx.query.after, limit });
    return { runbooks, next_after: nextAfter(runbooks, limit, (r) => r.slug) };
  },
});

export const getRunbookAction = defineAction({
  name: 'runbook.get',
  method: 'GET',
  path: '/runbooks/:slug',
  summary: 'A runbook at its current version, with its Markdown body and console link',
  scope: 'tenant',
  params: SlugParams,
  response: Type.Composite([VersionView, Type.Object({ current_version: Type.Integer(), console_path: Type.String() })]),
  resource: loadRunbook,
  target: (ctx) => runbookTarget(ctx.params.slug),
  run: async (ctx, _input, r) => ({ ...(await getVersion(r.slug, r.current_version))!, current_version: r.current_version, console_path: runbookConsolePath(ctx.tenantId, r.slug) }),
});

export const listRunbookVersionsAction = defineAction({
  name: 'runbook.versions',
  method: 'GET',
  path: '/runbooks/:slug/versions',
  summary: 'Every saved version of a runbook, newest first',
  scope: 'tenant',
  params: SlugParams,
  response: Type.Object({ versions: Type.Array(VersionSummaryView) }),
  resource: loadRunbook,
  target: (ctx) => runbookTarget(ctx.params.slug),
  run: async (_ctx, _input, r) => ({ versions: await listVersions(r.slug) }),
});

export const getRunbookVersionAction = defineAction({
  name: 'runbook.version.get',
  method: 'GET',
  path: '/runbooks/:slug/versions/:version',
  summary: 'One saved version of a runbook',
  scope: 'tenant',
  params: VersionParams,
  response: VersionView,
  resource: (ctx) => getVersion(ctx.params.slug, Number(ctx.params.version)),
  target: (ctx) => runbookTarget(ctx.params.slug),
  run: async (_ctx, _input, v) => v,
});

export const saveRunbookAction = defineAction({
  name: 'runbook.save',
  method: 'PUT',
  path: '/runbooks/:slug',
  summary: 'Save a runbook: the first save creates it, each later one adds a version (give base_version to refuse overwriting a newer one)',
  scope: 'tenant',
  params: SlugParams,
  input: Type.Object(
    {
      title: Type.String({ minLength: 1, maxLength: 200 }),
      body: Type.String({ maxLength: 200_000, description: 'Markdown' }),
      message: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'what changed' })),
      base_version: Type.Optional(Type.Integer({ minimum: 0, description: 'the version the edit started from; 0 for a new runbook' })),
    },
    { additionalProperties: false },
  ),
  response: VersionView,
  // Locked, so two saves of one runbook take turns and number their versions one after another.
  resource: async (ctx) => ({ before: await getRunbook(ctx.params.slug, { lock: true }) }),
  target: (ctx) => runbookTarget(ctx.params.slug),
  evidenceRefs: (_ctx, _input, _r, saved) => {
    const v = saved as RunbookVersion;
    return [`runbook-version:${v.slug}@${v.version}`];
  },
  run: async (ctx, input, { before }) => {
    const current = before?.current_version ?? 0;
    if (input.base_version !== undefined && input.base_version !== current) {
      throw new Problem('conflict', `runbook ${ctx.params.slug} is at version ${current}, not ${input.base_version}: reload it and edit the newest version`, { current_version: current });
    }
    return saveVersion(before, { slug: ctx.params.slug, title: input.title, body: input.body, message: input.message ?? null, author: ctx.principal.subjectId, created_at: ctx.now.toISOString() }, ctx.now);
  },
});

export const runbookActions = [listRunbooksAction, getRunbookAction, listRunbookVersionsAction, getRunbookVersionAction, saveRunbookAction];
