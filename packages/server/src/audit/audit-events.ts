import { currentTenantId, currentTx } from '../context.ts';
import { runBatch, type Statement } from '../db/statement.ts';
import {
  mapNames,
  prepareActors,
  prepareKnownPeople,
  pseudonymInRef,
  pseudonymsIn,
  pseudonymsInText,
  renamedInText,
  shownActors,
  shownRef,
  storedActor,
  storedFormsOf,
  storedRef,
  storedRefForms,
  subjectNamedBy,
  withShownActors,
  stringsIn,
  withShownText,
} from '../identity/actor-pseudonyms.ts';
import { uuidv7 } from '../util/ids.ts';
import { openAuditEvents } from './sealed-details.ts';

export interface AuditEventInput {
  type: string;
  actor?: string | null | undefined;
  action?: string | null | undefined;
  target?: string | null | undefined;
  decision?: 'allow' | 'deny' | null | undefined;
  reasons?: string[] | undefined;
  requestId?: string | null | undefined;
  details?: Record<string, unknown> | undefined;
  at: Date;
}

export interface AuditEvent {
  event_id: string;
  tenant_id: string;
  occurred_at: string;
  type: string;
  actor: string | null;
  action: string | null;
  target: string | null;
  decision: string | null;
  reasons: string[];
  request_id: string | null;
  details: Record<string, unknown>;
}

/** The reasons as stored: the caller and a person the event is about named by pseudonym where the reasons name them as a word. */
function storedReasons(e: AuditEventInput): string[] {
  const people = [e.actor, subjectNamedBy(e.target)].filter((p): p is string => typeof p === 'string');
  return people.reduce((reasons, id) => reasons.map(renamedInText(id, storedActor(id))), e.reasons ?? []);
}

/**
 * The insert for one audit event in the current tenant, for batching with other writes. Its
 * details name the people prepared in this transaction by pseudonym, wherever they name them (a
 * snapshot's owner or creator): a purge cannot change the event later.
 */
export function auditEventStatement(e: AuditEventInput): Statement {
  return {
    sql: `INSERT INTO audit_events (tenant_id, event_id, occurred_at, type, actor, action, target, decision, reasons, request_id, details)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    params: [
      currentTenantId(),
      uuidv7(e.at.getTime()),
      e.at.toISOString(),
      e.type,
      storedActor(e.actor),
      e.action ?? null,
      storedRef(e.target),
      e.decision ?? null,
      JSON.stringify(storedReasons(e)),
      e.requestId ?? null,
      JSON.stringify(mapNames(e.details ?? {}, storedActor)),
    ],
  };
}

export async function appendAuditEvent(e: AuditEventInput): Promise<void> {
  await prepareActors([e.actor, subjectNamedBy(e.target)], e.at);
  await prepareKnownPeople(stringsIn(e.details), e.at);
  await runBatch([auditEventStatement(e)]);
}

export interface AuditFilter {
  type?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  /** Only events about this target (a person as `subject:<id>`). */
  target?: string | undefined;
  /** Inclusive lower bound on `occurred_at`. */
  from?: Date | undefined;
  /** Exclusive upper bound on `occurred_at`. */
  to?: Date | undefined;
  /** Reads (events of GET requests) or writes (everything else, system steps included). */
  kind?: 'read' | 'write' | undefined;
  /** Only events strictly older than this position (newest-first paging). */
  before?: AuditPosition | undefined;
  limit?: number | undefined;
}

/** Where a page ended: the last event's time and id (ids break ties between equal times). */
export interface AuditPosition {
  occurredAt: string;
  eventId: string;
}

/** The current tenant's audit events matching `filter`, newest first, sealed details opened and actors shown. */
export async function listAuditEvents(filter: AuditFilter = {}): Promise<AuditEvent[]> {
  const actors = filter.actor === undefined ? null : await storedFormsOf([filter.actor]);
  const targets = filter.target === undefined ? null : await storedRefForms(filter.target);
  const rows = await currentTx().query<AuditEvent & { occurred_at: Date }>(
    `SELECT event_id, tenant_id, occurred_at, type, actor, action, target, decision, reasons, request_id, details
     FROM audit_events
     WHERE tenant_id = $1 AND ($2::text IS NULL OR type = $2) AND ($3::text[] IS NULL OR actor = ANY($3::text[])) AND ($4::text IS NULL OR action = $4)
       AND ($5::timestamptz IS NULL OR occurred_at >= $5) AND ($6::timestamptz IS NULL OR occurred_at < $6)
       AND ($7::timestamptz IS NULL OR (occurred_at, event_id) < ($7, $8::uuid))
       AND ($10::text IS NULL OR (coalesce(details->>'route', '') LIKE 'GET %') = ($10 = 'read'))
       AND ($11::text[] IS NULL OR target = ANY($11::text[]))
     ORDER BY occurred_at DESC, event_id DESC LIMIT $9`,
    [
      currentTenantId(),
      filter.type ?? null,
      actors,
      filter.action ?? null,
      filter.from?.toISOString() ?? null,
      filter.to?.toISOString() ?? null,
      filter.before?.occurredAt ?? null,
      filter.before?.eventId ?? null,
      filter.limit ?? 100,
      filter.kind ?? null,
      targets,
    ],
  );
  return showActors(await openAuditEvents(rows.map((r) => ({ ...r, event_id: String(r.event_id), occurred_at: new Date(r.occurred_at).toISOString() }))));
}

/** One page of events and the position to continue from (null on the last page). */
export async function pageAuditEvents(filter: AuditFilter & { limit: number }): Promise<{ events: AuditEvent[]; next: AuditPosition | null }> {
  const rows = await listAuditEvents({ ...filter, limit: filter.limit + 1 });
  const events = rows.slice(0, filter.limit);
  const last = events.at(-1);
  return { events, next: rows.length > filter.limit && last !== undefined ? { occurredAt: last.occurred_at, eventId: last.event_id } : null };
}

/** Events with the people they name shown to the reader: the subject id while the pseudonym's key lives, `[purged] <purge id>` after. */
async function showActors(events: AuditEvent[]): Promise<AuditEvent[]> {
  const named = events.flatMap((e) => {
    const target = pseudonymInRef(e.target);
    return [...pseudonymsIn(e.actor), ...pseudonymsIn(e.details), ...e.reasons.flatMap(pseudonymsInText), ...(target === undefined ? [] : [target])];
  });
  if (named.length === 0) return events;
  const shown = await shownActors(named);
  return events.map((e) => ({
    ...e,
    actor: withShownActors(e.actor, shown) as string | null,
    target: shownRef(e.target, shown),
    reasons: e.reasons.map((text) => withShownText(text, shown)),
    details: withShownActors(e.details, shown) as Record<string, unknown>,
  }));
}
