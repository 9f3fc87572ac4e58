import { TENANT_WIDE } from '../keys/data-keys.ts';
import { isKekRevoked, KEY_REVOKED_TEXT } from '../keys/kek-revoked.ts';
import { isSealed, openFields, sealAuthored } from '../keys/sealing.ts';
import type { DecisionRecord } from './decision-log.ts';

// The logged input of a decision carries the resource as the policy saw it, and with it a
// workflow's free-text rationale. Logged, that rationale is sealed under its requester's data key
// like everywhere else (ADR 0025); the policy itself decided on the input before sealing.

const REF = { kind: 'policy_decisions', field: 'input.resource.rationale' };

type Resource = { rationale?: unknown; requester?: unknown };
const resourceIn = (input: unknown): Resource | undefined => {
  const resource = (input as { resource?: unknown } | null)?.resource;
  return typeof resource === 'object' && resource !== null && !Array.isArray(resource) ? (resource as Resource) : undefined;
};
const withRationale = (input: unknown, rationale: string): unknown => ({ ...(input as object), resource: { ...resourceIn(input), rationale } });

/** A decision input with the resource's plain-text rationale sealed, for the current tenant's decision log. */
export async function sealDecisionInput(input: unknown, at: Date): Promise<unknown> {
  const resource = resourceIn(input);
  if (typeof resource?.rationale !== 'string' || isSealed(resource.rationale)) return input;
  const author = typeof resource.requester === 'string' ? resource.requester : TENANT_WIDE;
  // A tenant that revoked its KEK can still be decided for; what cannot be sealed is not logged.
  const sealed = await sealAuthored(resource.rationale, author, REF, at).catch((error: unknown) => {
    if (isKekRevoked(error)) return KEY_REVOKED_TEXT;
    throw error;
  });
  return withRationale(input, sealed);
}

/** The records with sealed rationales opened (plaintext, or `[purged] <purge id>`). */
export async function openDecisionInputs(records: DecisionRecord[]): Promise<DecisionRecord[]> {
  const sealed = records.map((r, i) => ({ i, value: resourceIn(r.input)?.rationale })).filter((s): s is { i: number; value: string } => isSealed(s.value));
  if (sealed.length === 0) return records;
  const opened = await openFields(sealed.map((s) => ({ value: s.value, ref: REF })));
  const out = [...records];
  sealed.forEach((s, n) => (out[s.i] = { ...records[s.i]!, input: withRationale(records[s.i]!.input, opened[n]!) }));
  return out;
}
