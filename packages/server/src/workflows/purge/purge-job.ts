import { createHash } from 'node:crypto';
import { deleteEntity, relationshipRef } from '../../graph/entity-store.ts';
import { eraseSubject } from '../../identity/erase-subject.ts';
import type { JobRunner } from '../../jobs/index.ts';
import { recordSystemStep } from '../shared/system-step.ts';
import { appendPurgeHistory, getPurgeRequest, purgeTarget, setPurgeStatus, type PurgeManifest, type PurgeRequest } from './purge-store.ts';
import { allowed, nextState } from './state-machine.ts';

// The purge itself runs as a durable job once the request is approved: it deletes what the
// request names in one transaction of the tenant, records the manifest on the request, and writes
// the completion receipt, whose evidence carries the manifest's hash.

export const PURGE_JOB = 'purge.run';
export const PURGE_ACTOR = 'system:purge';

const keysSha256 = (keys: string[]): string => createHash('sha256').update([...keys].sort().join('\n')).digest('hex');

/** Deletes what the request names; returns per table the keys of the deleted rows. */
async function purgeRows(r: PurgeRequest): Promise<Array<{ table: string; keys: string[] }>> {
  const entityId = r.scope === 'subject' ? `subject:${r.subject}` : r.subject;
  const erased = r.scope === 'subject' ? await eraseSubject(r.subject) : [];
  const relationships = await deleteEntity(entityId);
  return [...erased, { table: 'entities', keys: [entityId] }, { table: 'relationships', keys: relationships.map(relationshipRef) }];
}

export function installPurges(runner: JobRunner): void {
  runner.register<{ purge_id: string }>(PURGE_JOB, {
    backoffMs: 10_000,
    run: async ({ purge_id }, ctx) => {
      await ctx.tx(async () => {
        const r = await getPurgeRequest(purge_id, { lock: true });
        if (r === undefined || !allowed(r.status, 'complete')) return;
        const at = ctx.clock.now();
        const deleted = (await purgeRows(r)).map((d) => ({ table: d.table, rows: d.keys.length, keys_sha256: keysSha256(d.keys) }));
        const manifest: PurgeManifest = {
          purge_id,
          scope: r.scope,
          subject: r.subject,
          completed_at: at.toISOString(),
          deleted,
          retained: ['receipts', 'audit_events', 'policy_decisions', 'usage_events'],
        };
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
      });
    },
  });
}
