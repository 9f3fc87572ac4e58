import { PassThrough } from 'node:stream';
import { blobStore } from '../blobs/index.ts';
import { currentTenantId } from '../context.ts';
import type { Database } from '../db/database.ts';
import { runBatch } from '../db/statement.ts';
import { normalizeFilters, writePack, type PackCounts } from '../evidence/index.ts';
import { PermanentJobError, type JobContext, type JobRunner } from '../jobs/index.ts';
import { ledgerServices } from '../ledger/ledger-runtime.ts';
import { checkpointAt, findCheckpoint } from '../ledger/ledger-store.ts';
import { buildReceipt, receiptStatements } from '../ledger/receipts.ts';
import type { Signals } from '../observability/signals.ts';
import { storedEvidenceUsage } from '../finops/storage-usage.ts';
import { auditEventStatement } from './audit-events.ts';
import { auditEventSource, bundleSource, countRecords, decisionSource, receiptSource, type ExportQuery } from './export-sources.ts';
import { failExport, finishExport, getExport, startExport, updateProgress, type AuditExport } from './export-store.ts';
import { prepareActors, storedFormsOf } from '../identity/actor-pseudonyms.ts';

export const EXPORT_JOB = 'audit.export';
/** The receipt that records a finished pack's SHA-256 (the pack's bytes, not only its contents). */
export const EXPORT_COMPLETE_ACTION = 'audit.export.complete';

export interface ExportPayload {
  export_id: string;
}

export interface ExportSettings {
  /** For waits on an export outside a request's transaction. */
  db: Database;
  /** The hash of the tenant's bundle for the pack's receipt, archived in the current transaction. */
  citeBundle: (tenantId: string, at: Date) => Promise<string>;
  /** Where packs' time-to-pack and failed attempts are counted. */
  signals?: Signals | undefined;
}

let settings: ExportSettings | undefined;

export function exportSettings(): ExportSettings {
  if (settings === undefined) throw new Error('audit exports are not installed');
  return settings;
}

/** Where a finished pack is kept in the tenant's blob store (shared by every server). */
export function packKey(exportId: string): string {
  return `exports/${exportId}.tar.gz`;
}

/** Registers the export job kind with the app's runner. */
export function installAuditExports(runner: JobRunner, s: ExportSettings): void {
  settings = s;
  runner.register<ExportPayload>(EXPORT_JOB, {
    backoffMs: 10_000,
    run: (payload, ctx) => runExport(payload.export_id, ctx),
    onFailed: async (payload, error, { now }) => {
      const exp = await getExport(payload.export_id);
      if (exp === undefined) return;
      s.signals?.exportTimeToPack.observe({ result: 'failed' }, secondsSince(exp.created_at, now));
      await failExport(exp.export_id, error, now);
      await prepareActors([exp.requested_by], now);
      await runBatch([
        auditEventStatement({
          type: 'export.failed',
          actor: exp.requested_by,
          action: EXPORT_COMPLETE_ACTION,
          target: `export:${exp.export_id}`,
          requestId: exp.request_id,
          details: { export_id: exp.export_id, error },
          at: now,
        }),
      ]);
    },
  });
}

/**
 * Writes the pack of one export. Every attempt writes the whole pack again from the database into
 * the blob store (shared by every server), where it becomes readable only once complete; the
 * checkpoint is fixed by the first attempt and the pack's clock is the export's creation time,
 * so a restarted export yields the same bytes.
 */
async function runExport(exportId: string, ctx: JobContext): Promise<void> {
  const exp = await ctx.tx(() => getExport(exportId));
  if (exp === undefined) throw new PermanentJobError(`export ${exportId} does not exist`);
  if (exp.status === 'done') return;
  const tenantId = currentTenantId();
  const { keys, integrator } = ledgerServices();
  let checkpointSize = exp.checkpoint_size;
  if (checkpointSize === null) {
    // Everything committed before the export (its own request included) gets a leaf and a checkpoint.
    await integrator.flush(tenantId);
    const latest = await ctx.tx(() => findCheckpoint());
    if (latest === undefined) throw new Error('the tenant ledger has no checkpoint yet');
    checkpointSize = latest.size;
  }
  // Records name people by pseudonym: a filter by subject id matches both stored forms.
  const actors = exp.filters.actors === undefined ? undefined : await ctx.tx(() => storedFormsOf(exp.filters.actors!));
  const filters = actors === undefined ? exp.filters : normalizeFilters({ ...exp.filters, actors });
  const query: ExportQuery = { window: exp.window, filters, checkpointSize };
  const total = await ctx.tx(() => countRecords(query));
  await ctx.tx(() => startExport(exportId, checkpointSize, { phase: 'bundles', records: 0, total }));

  const createdAt = new Date(exp.created_at);
  const { checkpoint, jwks, signer } = await ctx.tx(async () => ({
    checkpoint: await checkpointAt(checkpointSize),
    jwks: await keys.jwks(),
    signer: await keys.signer(createdAt),
  }));
  if (checkpoint === undefined) throw new PermanentJobError(`checkpoint of size ${checkpointSize} is missing`);

  // Streamed into the blob store as it is written: no whole pack in memory or on this server's disk.
  const body = new PassThrough();
  const stored = blobStore().put(packKey(exportId), body, 'application/gzip');
  // Awaited below on success; a failed pack destroys `body`, rejecting this too.
  stored.catch(() => undefined);

  let done = 0;
  let reported = Promise.resolve();
  const report = (phase: string, records: number) => {
    reported = reported.then(async () => {
      await ctx.tx(() => updateProgress(exportId, { phase, records, total }));
      await ctx.heartbeat();
    });
    // Awaited after the pack; until then a failure must not surface as an unhandled rejection.
    reported.catch(() => undefined);
  };
  let counts: PackCounts;
  let sha256: string;
  let size: number;
  try {
    const manifest = await writePack(body, {
      tenant: tenantId,
      window: exp.window,
      filters,
      sources: {
        bundles: bundleSource(ctx.tx, query),
        decisions: decisionSource(ctx.tx, query),
        receipts: receiptSource(ctx.tx, query),
        audit_events: auditEventSource(ctx.tx, query),
      },
      signer,
      jwks,
      checkpoint: checkpoint.note,
      clock: { now: () => createdAt },
      signal: ctx.signal,
      onProgress: ({ kind, records, done: complete }) => {
        if (complete) done += records;
        report(kind, complete ? done : done + records);
      },
    });
    counts = manifest.counts;
    ({ sha256, size } = await stored);
    await reported;
  } catch (err) {
    // An attempt stopped by a shutdown or a lost lease is resumed, not failed.
    if (!ctx.signal.aborted) exportSettings().signals?.evidenceWriteFailures.inc({ kind: 'export' });
    await reported.catch(() => undefined);
    await stored.catch(() => undefined);
    throw err;
  }
  const finishedAt = ctx.clock.now();
  await ctx.tx(() => complete(exp, { sha256, size, counts, at: finishedAt }));
  exportSettings().signals?.exportTimeToPack.observe({ result: 'stored' }, secondsSince(exp.created_at, finishedAt));
  ctx.log.info({ export_id: exportId, pack_sha256: sha256, pack_size: size, counts }, 'audit export finished');
}

/** Marks the export done and receipts the pack's digest, in one transaction. */
async function complete(exp: AuditExport, r: { sha256: string; size: number; counts: PackCounts; at: Date }): Promise<void> {
  const { at } = r;
  const bundleHash = await exportSettings().citeBundle(currentTenantId(), at);
  await finishExport(exp.export_id, r);
  await prepareActors([exp.requested_by], at);
  const target = `export:${exp.export_id}`;
  const receipt = buildReceipt(
    {
      actor: exp.requested_by,
      action: EXPORT_COMPLETE_ACTION,
      target,
      decision: 'allow',
      bundle_hash: bundleHash,
      evidence_refs: [target, `sha256:${r.sha256}`],
      request_id: exp.request_id,
    },
    at,
  );
  await runBatch([
    ...receiptStatements(receipt),
    storedEvidenceUsage({ packKey: packKey(exp.export_id), packBytes: r.size, receipt, at }),
    auditEventStatement({
      type: 'export.completed',
      actor: exp.requested_by,
      action: EXPORT_COMPLETE_ACTION,
      target,
      decision: 'allow',
      requestId: exp.request_id,
      details: { export_id: exp.export_id, pack_sha256: r.sha256, pack_size: r.size, counts: r.counts, receipt_id: receipt.body.receipt_id },
      at,
    }),
  ]);
}

const secondsSince = (from: string, to: Date): number => Math.max(0, (to.getTime() - new Date(from).getTime()) / 1000);
