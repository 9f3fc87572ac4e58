import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import { normalizeFilters, normalizeWindow, type PackFilters, type PackWindow } from '../evidence/index.ts';
import { Problem } from '../http/problem.ts';
import { Nullable } from '../http/schema.ts';
import { ACR_STEP_UP } from '../identity/dev-issuer.ts';
import { enqueue } from '../jobs/index.ts';
import { ledgerServices } from '../ledger/ledger-runtime.ts';
import { defineAction, RawReply, type ActionContext } from '../pipeline/define-action.ts';
import { isSteppedUp } from '../pipeline/decision-input.ts';
import { uuidv7 } from '../util/ids.ts';
import { blobStore } from '../blobs/index.ts';
import { withTenantTransaction } from '../db/tenant-tx.ts';
import { EXPORT_JOB, exportSettings, packKey, type ExportPayload } from './export-job.ts';
import { getExport, insertExport, listExports, type AuditExport } from './export-store.ts';

/** How recent the second factor of an exporting admin must be (seconds). */
export const EXPORT_STEP_UP_MAX_AGE_S = 600;

const Name = Type.String({ minLength: 1, maxLength: 200 });
export const ExportParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' }) });

const ExportView = Type.Object({
  export_id: Type.String(),
  status: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  requested_by: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  window: Type.Object({ from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }) }),
  filters: Type.Object({ actors: Type.Optional(Type.Array(Type.String())), actions: Type.Optional(Type.Array(Type.String())), outcome: Type.Optional(Type.String()) }),
  progress: Type.Object({
    phase: Type.Optional(Type.String()),
    records: Type.Optional(Type.Integer()),
    total: Type.Optional(Type.Integer()),
    percent: Type.Integer({ minimum: 0, maximum: 100 }),
  }),
  counts: Nullable(Type.Record(Type.String(), Type.Integer())),
  pack_sha256: Nullable(Type.String({ description: 'SHA-256 of the .tar.gz, also recorded in the audit.export.complete receipt' })),
  pack_size: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  finished_at: Nullable(Type.String({ format: 'date-time' })),
  download: Nullable(Type.String({ description: 'where to fetch the pack once done' })),
});

function view(e: AuditExport): Record<string, unknown> {
  const { records = 0, total = 0 } = e.progress;
  const percent = e.status === 'done' ? 100 : total === 0 ? 0 : Math.min(99, Math.floor((records / total) * 100));
  return {
    export_id: e.export_id,
    status: e.status,
    requested_by: e.requested_by,
    created_at: e.created_at,
    window: e.window,
    filters: e.filters,
    progress: { ...e.progress, percent },
    counts: e.counts,
    pack_sha256: e.pack_sha256,
    pack_size: e.pack_size,
    error: e.error,
    finished_at: e.finished_at,
    download: e.status === 'done' ? `/api/v1/audit/exports/${e.export_id}/download` : null,
  };
}

const invalid = (field: string, message: string) => new Problem('invalid-request', `${field} ${message}`, { errors: [{ in: 'body', field, message }] });

// Checked before the decision, so the caller learns what to do (step up) rather than a bare 403.
function requireStepUp(ctx: Pick<ActionContext, 'principal' | 'now'>): void {
  if (isSteppedUp(ctx.principal, ctx.now, EXPORT_STEP_UP_MAX_AGE_S)) return;
  throw new Problem(
    'step-up-required',
    `an export needs a step-up sign-in with a second factor (acr ${ACR_STEP_UP} or amr otp, mfa or hwk) within the last ${EXPORT_STEP_UP_MAX_AGE_S / 60} minutes: sign in again and retry`,
    { max_age_s: EXPORT_STEP_UP_MAX_AGE_S, acr_values: [ACR_STEP_UP] },
    { 'www-authenticate': `Bearer error="insufficient_user_authentication", acr_values="${ACR_STEP_UP}", max_age=${EXPORT_STEP_UP_MAX_AGE_S}` },
  );
}

/** The finished pack of an export in the blob store: a 409 while it is not done, a 404 once it is gone. */
export async function storedPack(e: AuditExport, options: { withinTransaction?: boolean } = {}): Promise<{ stream: Readable; sha256: string }> {
  if (e.status !== 'done' || e.pack_sha256 === null) {
    throw new Problem('conflict', `export ${e.export_id} is ${e.status}, not done`, { status_of_export: e.status }, e.status === 'failed' ? {} : { 'retry-after': '5' });
  }
  const blob = await blobStore().get(packKey(e.export_id), options);
  if (blob === undefined) throw new Problem('not-found', `the pack of export ${e.export_id} is no longer stored`);
  return { stream: blob.stream, sha256: e.pack_sha256 };
}

export const createExport = defineAction({
  name: 'audit.export.create',
  method: 'POST',
  path: '/audit/exports',
  summary: "Start an evidence pack export of the caller tenant's audit trail for a time window (needs a recent step-up)",
  scope: 'tenant',
  status: 202,
  quota: 'exports',
  input: Type.Object(
    {
      from: Type.String({ format: 'date-time', description: 'window start (inclusive)' }),
      to: Type.String({ format: 'date-time', description: 'window end (exclusive), not in the future' }),
      actors: Type.Optional(Type.Array(Name, { maxItems: 100, description: 'only records of these subjects' })),
      actions: Type.Optional(Type.Array(Name, { maxItems: 100, description: 'only records of these action names' })),
      outcome: Type.Optional(Type.Union([Type.Literal('allowed'), Type.Literal('denied')])),
    },
    { additionalProperties: false },
  ),
  response: ExportView,
  resource: async (ctx) => {
    requireStepUp(ctx);
    return null;
  },
  target: (_ctx, _input, _r, result) => `export:${(result as { export_id: string }).export_id}`,
  run: async (ctx, input) => {
    let window;
    try {
      window = normalizeWindow({ from: input.from, to: input.to });
    } catch (err) {
      throw invalid('from', (err as Error).message);
    }
    // A window reaching into the future would change as events arrive: the pack would not be reproducible.
    if (Date.parse(window.to) > ctx.now.getTime()) throw invalid('to', 'must not be in the future');
    const filters: PackFilters = normalizeFilters({ actors: input.actors, actions: input.actions, outcome: input.outcome });
    return view(await queueExport({ window, filters, requestedBy: ctx.principal.subjectId, requestId: ctx.requestId, at: ctx.now }));
  },
});

/** Queues an evidence pack export of the current tenant (the export action's effect, and onboarding's first pack). */
export async function queueExport(o: { window: PackWindow; filters: PackFilters; requestedBy: string; requestId: string; at: Date }): Promise<AuditExport> {
  // The signing key must exist from the export's creation on: the pack is dated then.
  await ledgerServices().keys.signer(o.at);
  const exportId = uuidv7(o.at.getTime());
  const payload: ExportPayload = { export_id: exportId };
  const job = await enqueue(EXPORT_JOB, payload, { now: o.at, idempotencyKey: exportId, maxAttempts: 3 });
  return insertExport({ exportId, jobId: job.job_id, requestedBy: o.requestedBy, requestId: o.requestId, at: o.at, window: o.window, filters: o.filters });
}

/** How often a waiting request looks at its export again (unaudited: the request itself was decided and audited). */
const WAIT_POLL_MS = 200;

/**
 * The export's view once it is done or failed, or when `seconds` have passed: read in short
 * transactions of its own after the request's transaction has committed, so a wait holds no
 * connection and is one audit event however long it lasts.
 */
async function* viewWhenSettled(tenantId: string, e: AuditExport, seconds: number): AsyncGenerator<string> {
  const deadline = Date.now() + seconds * 1000;
  let current = e;
  while ((current.status === 'queued' || current.status === 'running') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(WAIT_POLL_MS, Math.max(0, deadline - Date.now()))));
    current = (await withTenantTransaction(exportSettings().db, tenantId, () => getExport(e.export_id))) ?? current;
  }
  yield JSON.stringify(view(current));
}

export const getExportAction = defineAction({
  name: 'audit.export.get',
  method: 'GET',
  path: '/audit/exports/:id',
  summary: 'The status and progress of an audit export; with `wait`, answers once it is done or failed (a long poll, one audit event)',
  scope: 'tenant',
  params: ExportParams,
  query: Type.Object(
    { wait: Type.Optional(Type.String({ pattern: '^([1-9]|[1-5][0-9]|60)$', description: 'seconds (1 to 60) to wait for the export to finish before answering' })) },
    { additionalProperties: false },
  ),
  response: ExportView,
  resource: (ctx) => getExport(ctx.params.id),
  target: (ctx) => `export:${ctx.params.id}`,
  run: async (ctx, _input, e) => {
    const settled = e.status === 'done' || e.status === 'failed';
    if (ctx.query.wait === undefined || settled) return view(e);
    return new RawReply(Readable.from(viewWhenSettled(ctx.tenantId, e, Number(ctx.query.wait))), { 'content-type': 'application/json; charset=utf-8' });
  },
});

export const listExportsAction = defineAction({
  name: 'audit.export.list',
  method: 'GET',
  path: '/audit/exports',
  summary: "The caller tenant's 100 most recent audit exports",
  scope: 'tenant',
  response: Type.Object({ exports: Type.Array(ExportView) }),
  run: async () => ({ exports: (await listExports(100)).map(view) }),
});

export const downloadExport = defineAction({
  name: 'audit.export.download',
  method: 'GET',
  path: '/audit/exports/:id/download',
  summary: 'Download a finished evidence pack (.tar.gz); verify it offline with `companyos verify`',
  scope: 'tenant',
  params: ExportParams,
  resource: (ctx) => getExport(ctx.params.id),
  target: (ctx) => `export:${ctx.params.id}`,
  run: (ctx, _input, e) => packDownload(ctx.tenantId, e),
});

/** A finished pack as a download, with its digest in the headers. */
export async function packDownload(tenantId: string, e: AuditExport): Promise<RawReply> {
  const { stream, sha256 } = await storedPack(e);
  return new RawReply(stream, {
    'content-type': 'application/gzip',
    'content-length': String(e.pack_size),
    'content-disposition': `attachment; filename="evidence-${tenantId}-${e.export_id}.tar.gz"`,
    'repr-digest': `sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`,
    'x-pack-sha256': sha256,
  });
}

export const exportActions = [createExport, getExportAction, listExportsAction, downloadExport];
