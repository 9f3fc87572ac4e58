import { createHash } from 'node:crypto';
import { appendPurgeRegister } from '../../backup/purge-register.ts';
import { currentTenantId, currentTx } from '../../context.ts';
import type { Signer } from '../../evidence/jwks.ts';
import { deleteEntity, relationshipRef } from '../../graph/entity-store.ts';
import { blobStore } from '../../blobs/index.ts';
import { eraseSubject } from '../../identity/erase-subject.ts';
import { enqueue, type JobRunner } from '../../jobs/index.ts';
import { prepareActors, storedActor } from '../../identity/actor-pseudonyms.ts';
import { dataKeys } from '../../keys/data-keys.ts';
import { asTenant } from '../../db/tenant-tx.ts';
import { signEnvelope } from '../../evidence/dsse.ts';
import { canonicalJson } from '../../util/canonical-json.ts';
import { recordSystemStep } from '../shared/system-step.ts';
import { eraseTenantGraph, eraseTenantRows, markTenantPurged, PURGE_MANIFEST_PAYLOAD_TYPE, tenantPurgeRetained } from './tenant-purge.ts';
import { rewriteSubject } from './subject-rewrite.ts';
import { appendPurgeHistory, getPurgeRequest, purgeTarget, setPurgeStatus, type PurgeManifest, type PurgeRequest } from './purge-store.ts';
import { allowed, nextState } from './state-machine.ts';

// The purge itself runs as a durable job once the request is approved: it deletes what the
// request names and destroys the subject's data keys (ADR 0025) — or, for a whole tenant, every
// mutable record and every key, leaving it purged (ADR 0029) — in one transaction of the tenant,
// records the manifest on the request, and writes the completion receipt, whose evidence carries
// the manifest's hash. The destroyed key ids go to the purge register before the transaction
// commits: a register line for a purge that then fails and retries only destroys keys of a purge
// already approved, while a purge missing from the register would come back with an old backup.

export const PURGE_JOB = 'purge.run';
export const PURGE_ACTOR = 'system:purge';
/** The sweep of a purged tenant's blob store, after the purge committed. */
export const BLOB_SWEEP_JOB = 'purge.blobs.sweep';
/**
 * How long after the purge the sweep runs: an upload in flight when the purge listed the blobs
 * lands in the meantime (one that lands later deletes itself, blobs/active-tenant-store.ts).
 */
export const BLOB_SWEEP_DELAY_MS = 60_000;

const keysSha256 = (keys: string[]): string => createHash('sha256').update([...keys].sort().join('\n')).digest('hex');

/** Deletes what the request names (a tenant's records but this purge's own request and job); returns per table the keys of the deleted rows. */
async function purgeRows(r: PurgeRequest, jobId: string): Promise<Array<{ table: string; keys: string[] }>> {
  if (r.scope === 'tenant') return eraseTenantRows({ purgeId: r.purge_id, jobId });
  const entityId = r.scope === 'subject' ? `subject:${r.subject}` : r.subject;
  const erased = r.scope === 'subject' ? await eraseSubject(r.subject) : [];
  const relationships = await deleteEntity(entityId);
  return [...erased, { table: 'entities', keys: [entityId] }, { table: 'relationships', keys: relationships.map(relationshipRef) }];
}

/**
 * A purged tenant's blobs, in whichever store holds them. Before its rows: in PostgreSQL they go in
 * this transaction; in S3 at once, so a job retried after a failure deletes (and counts) what the
 * failed run left.
 */
async function deleteTenantBlobs(): Promise<NonNullable<PurgeManifest['blobs']>> {
  const store = blobStore();
  const keys = await store.deleteAll();
  return { store: store.kind, deleted: keys.length, keys_sha256: keysSha256(keys) };
}

/**
 * The sweep after a tenant purge committed: the tenant is purged, so its store takes no new
 * write; what the purge's listing missed (an upload that landed after it) is deleted now, in the
 * sweep's transaction (PostgreSQL) or at once (S3: a retry finds only what is left), and the
 * receipt of the sweep names every key it deleted, none included.
 */
async function sweepTenantBlobs(purgeId: string, at: Date, jobId: string): Promise<void> {
  const store = blobStore();
  const keys = (await store.deleteAll()).sort();
  const sha256 = keysSha256(keys);
  await recordSystemStep({
    actor: PURGE_ACTOR,
    action: 'purge.tenant.blobs_swept',
    target: purgeTarget(purgeId),
    at,
    jobId,
    auditType: 'purge.blobs_swept',
    details: { purge_id: purgeId, store: store.kind, deleted: keys.length, keys, keys_sha256: sha256 },
    evidence: [`blob-keys:sha256:${sha256}`],
  });
  // The graph mirrors the receipt just written; a purged tenant keeps no graph.
  await eraseTenantGraph();
}

/** Where the purge register is kept, and the platform key that signs it. */
export interface PurgeRegisterSink {
  dir: string;
  signer: Signer;
}

// Append-only records that name a subject in plain text: written before pseudonyms and sealing
// (a subject as actor, as target or in a receipt's evidence, in a denial's reasons), or in columns
// that are neither yet. Reasons count when they hold the id anywhere in their text, a longer id too.
// The manifest counts them as "not shreddable" rather than claiming them gone. A decision's input
// counts when it holds the subject id as any JSON string (an input whose people were not
// prepared, or logged before pseudonyms).
const PLAINTEXT_MENTIONS: Array<{ table: string; where: string }> = [
  { table: 'receipts', where: "(actor = $2 OR target = 'subject:' || $2 OR body->'evidence_refs' ? ('subject:' || $2))" },
  { table: 'audit_events', where: "(actor = $2 OR target = 'subject:' || $2 OR strpos(reasons::text, $2) > 0)" },
  { table: 'policy_decisions', where: '(actor = $2 OR strpos(input::text, to_jsonb($2::text)::text) > 0)' },
  { table: 'usage_events', where: 'subject = $2' },
  { table: 'flag_changes', where: 'actor = $2' },
  { table: 'runbook_versions', where: 'author = $2' },
  { table: 'board_packs', where: 'created_by = $2' },
  ...['purge_history', 'high_risk_history', 'incident_history', 'revops_quote_history'].map((table) => ({ table, where: `actor = $2 AND rationale NOT LIKE 'sealed:v1:%'` })),
];

async function notShreddable(subjectId: string): Promise<Array<{ table: string; rows: number }>> {
  const counts: Array<{ table: string; rows: number }> = [];
  for (const m of PLAINTEXT_MENTIONS) {
    const [row] = await currentTx().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${m.table} WHERE tenant_id = $1 AND ${m.where}`, [currentTenantId(), subjectId]);
    if ((row?.n ?? 0) > 0) counts.push({ table: m.table, rows: row!.n });
  }
  return counts;
}

/** The keys a purge destroys: the subject's, or every key of a purged tenant. */
function shredFor(r: PurgeRequest, at: Date): Promise<string[]> {
  if (r.scope === 'entity') return Promise.resolve([]);
  return dataKeys().shred(r.scope === 'tenant' ? 'tenant' : { subjectId: r.subject }, r.purge_id, at);
}

/**
 * A whole-tenant purge is also recorded in the platform's own log, which outlives the tenant's:
 * a receipt in the platform tenant citing the manifest's hash, and an audit event carrying the
 * manifest signed by the platform key (when the key outlives the process).
 */
async function recordInPlatformLog(platformTenant: string, m: { manifest: PurgeManifest; sha256: string; at: Date; jobId: string; signer: Signer | undefined }): Promise<void> {
  const signed = m.signer === undefined ? null : await signEnvelope(PURGE_MANIFEST_PAYLOAD_TYPE, Buffer.from(canonicalJson(m.manifest), 'utf8'), m.signer);
  await asTenant(
    platformTenant,
    () =>
      recordSystemStep({
        actor: PURGE_ACTOR,
        action: 'purge.tenant.complete',
        target: `tenant:${m.manifest.subject}`,
        at: m.at,
        jobId: m.jobId,
        auditType: 'purge.tenant_purged',
        details: { tenant_id: m.manifest.subject, purge_id: m.manifest.purge_id, manifest: m.manifest, manifest_sha256: m.sha256, signed_manifest: signed },
        evidence: [`purge-manifest:sha256:${m.sha256}`],
      }),
    { scope: 'tenant' },
  );
}

/**
 * Registers the purge job. `register` gives the purge register's place and signer; undefined when
 * the key-encryption key lives only in this process (no backup of this store can be restored).
 * `platformTenant` is the tenant whose log records whole-tenant purges.
 */
export function installPurges(runner: JobRunner, register: () => PurgeRegisterSink | undefined = () => undefined, o: { platformTenant?: string } = {}): void {
  runner.register<{ purge_id: string }>(PURGE_JOB, {
    backoffMs: 10_000,
    run: async ({ purge_id }, ctx) => {
      await ctx.tx(async () => {
        const r = await getPurgeRequest(purge_id, { lock: true });
        if (r === undefined || !allowed(r.status, 'complete')) return;
        const at = ctx.clock.now();
        // The subject's pseudonym, read before its key goes: the manifest names the subject by it.
        if (r.scope === 'subject') await prepareActors([r.subject], at);
        const named = r.scope === 'subject' ? storedActor(r.subject) : r.subject;
        // A tenant is purged before its records go: only then does the database let them go.
        if (r.scope === 'tenant') await markTenantPurged(at);
        const blobs = r.scope === 'tenant' ? await deleteTenantBlobs() : undefined;
        const deleted = (await purgeRows(r, ctx.job.job_id)).map((d) => ({ table: d.table, rows: d.keys.length, keys_sha256: keysSha256(d.keys) }));
        // Other mutable records that name the subject (this request among them) keep its pseudonym.
        const rewritten = r.scope === 'subject' ? (await rewriteSubject(r.subject, named)).map((c) => ({ table: c.table, column: c.column, rows: c.keys.length, keys_sha256: keysSha256(c.keys) })) : undefined;
        const shredded = await shredFor(r, at);
        const manifest: PurgeManifest = {
          purge_id,
          scope: r.scope,
          subject: named,
          completed_at: at.toISOString(),
          deleted,
          ...(rewritten !== undefined ? { rewritten } : {}),
          shredded_keys: shredded,
          ...(blobs !== undefined ? { blobs } : {}),
          not_shreddable: r.scope === 'subject' ? await notShreddable(r.subject) : [],
          retained: r.scope === 'tenant' ? tenantPurgeRetained() : ['receipts', 'audit_events', 'policy_decisions', 'usage_events'],
          beyond_reach: ['evidence packs, exports and disclosures already delivered', 'receipts held outside the platform'],
        };
        const sink = register();
        if (sink !== undefined && (shredded.length > 0 || r.scope === 'tenant')) {
          const entry = { tenant_id: currentTenantId(), purge_id, shredded_at: at.toISOString(), key_ids: shredded };
          await appendPurgeRegister(sink.dir, r.scope === 'tenant' ? { ...entry, scope: 'tenant' } : entry, sink.signer);
        }
        const manifestSha256 = createHash('sha256').update(JSON.stringify(manifest)).digest('hex');
        const to = nextState(r.status, 'complete');
        await setPurgeStatus(purge_id, to, at, manifest);
        await appendPurgeHistory(
          purge_id,
          { at: at.toISOString(), actor: PURGE_ACTOR, transition: 'complete', from_state: r.status, to_state: to, rationale: null, details: { manifest_sha256: manifestSha256 } },
          { auditRequestId: `job:${ctx.job.job_id}` },
        );
        await recordSystemStep({
          actor: PURGE_ACTOR,
          action: 'purge.request.complete',
          target: purgeTarget(purge_id),
          at,
          jobId: ctx.job.job_id,
          auditType: 'purge.completed',
          details: { purge_id, manifest, manifest_sha256: manifestSha256 },
          evidence: [`purge-manifest:sha256:${manifestSha256}`],
        });
        if (r.scope === 'tenant') {
          await enqueue(BLOB_SWEEP_JOB, { purge_id }, { now: at, runAt: new Date(at.getTime() + BLOB_SWEEP_DELAY_MS), idempotencyKey: purge_id, maxAttempts: 10 });
          // The graph mirrors the receipts just written; a purged tenant keeps no graph.
          await eraseTenantGraph();
        }
        if (r.scope === 'tenant' && o.platformTenant !== undefined) {
          await recordInPlatformLog(o.platformTenant, { manifest, sha256: manifestSha256, at, jobId: ctx.job.job_id, signer: sink?.signer });
        }
      });
    },
  });
  runner.register<{ purge_id: string }>(BLOB_SWEEP_JOB, {
    backoffMs: 30_000,
    run: async ({ purge_id }, ctx) => {
      await ctx.tx(async () => {
        const r = await getPurgeRequest(purge_id);
        if (r?.scope !== 'tenant' || r.status !== 'done') return;
        await sweepTenantBlobs(purge_id, ctx.clock.now(), ctx.job.job_id);
      });
    },
  });
}
