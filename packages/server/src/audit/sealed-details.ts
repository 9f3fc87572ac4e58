import { isSealed, openFields, type Sealer } from '../keys/sealing.ts';
import type { AuditEvent } from './audit-events.ts';

// Free text a person wrote that rides in an audit event's details (a rationale, the rationale of a
// snapshot) is stored sealed under its author's data key (ADR 0025); readers open it here. The
// field a sealed value is bound to is its path in the details (`rationale`, `request.rationale`).

const ref = (path: string) => ({ kind: 'audit_events', field: path });

/** A details member sealed at `path` (with its author's sealer). */
export const sealDetail = (seal: Sealer, text: string, path: string): Promise<string> => seal(text, ref(path));

/** A record snapshot with its free-text `rationale` sealed; the rest is the record as it stands. */
export async function sealSnapshot(seal: Sealer, value: unknown, key: string): Promise<unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const rationale = (value as { rationale?: unknown }).rationale;
  return typeof rationale === 'string' ? { ...value, rationale: await sealDetail(seal, rationale, `${key}.rationale`) } : value;
}

type Found = { path: string[]; value: string };

function sealedIn(value: unknown, path: string[], out: Found[]): void {
  if (isSealed(value)) out.push({ path, value });
  else if (typeof value === 'object' && value !== null && !Array.isArray(value) && path.length < 2) {
    for (const [k, v] of Object.entries(value)) sealedIn(v, [...path, k], out);
  }
}

function withValue(details: Record<string, unknown>, path: string[], value: string): Record<string, unknown> {
  const [head, ...rest] = path;
  return { ...details, [head!]: rest.length === 0 ? value : withValue(details[head!] as Record<string, unknown>, rest, value) };
}

/** The events with their sealed details opened: the plaintext, or `[purged] <purge id>` once the key is gone. */
export async function openAuditEvents(events: AuditEvent[]): Promise<AuditEvent[]> {
  const found = events.map((e) => {
    const out: Found[] = [];
    sealedIn(e.details, [], out);
    return out;
  });
  const all = found.flat();
  if (all.length === 0) return events;
  const opened = await openFields(all.map((f) => ({ value: f.value, ref: ref(f.path.join('.')) })));
  let n = 0;
  return events.map((e, i) => ({ ...e, details: found[i]!.reduce((d, f) => withValue(d, f.path, opened[n++]!), e.details) }));
}
