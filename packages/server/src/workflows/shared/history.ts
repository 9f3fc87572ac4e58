import { auditEventStatement } from '../../audit/audit-events.ts';
import { currentContext, currentTenantId, currentTx } from '../../context.ts';
import { runBatch, type BatchRead, type Statement } from '../../db/statement.ts';
import { sealDetail, sealSnapshot } from '../../audit/sealed-details.ts';
import { mapNames, prepareActors, prepareKnownPeople, pseudonymKeyIds, shownActors, storedActor, stringsIn } from '../../identity/actor-pseudonyms.ts';
import { dataKeys } from '../../keys/data-keys.ts';
import { authorSealer, openFields, sealedKeyIds } from '../../keys/sealing.ts';

// The append-only history of a workflow instance: one row per step, approvals and their rationales
// included. Each entry is also an audit event (same transaction), so the history travels with the
// audit trail into evidence packs. A rationale is its author's free text: stored sealed under the
// author's data key (ADR 0025), in the row, the event and a snapshot's rationale; opened when read.
// A person's actor is stored by pseudonym (ADR 0029) and shown as the subject id while it is live.

export interface HistoryEntry<Step extends string = string, State extends string = string> {
  seq: number;
  at: string;
  actor: string;
  transition: Step;
  from_state: State | null;
  to_state: State;
  rationale: string | null;
  details: Record<string, unknown>;
}

export interface HistoryTable<Step extends string> {
  /** The history table: (tenant_id, <idColumn>, seq, at, actor, transition, from_state, to_state, rationale, details). */
  table: string;
  idColumn: string;
  /** The audit event type of an entry. */
  auditType: string;
  /** The audit target (and receipt target) of an instance. */
  target: (id: string) => string;
  /** The action whose receipt records a step. */
  stepAction: (step: Step) => string;
}

export interface History<Step extends string, State extends string> {
  /**
   * Appends an entry and its audit event. `snapshot` rides along in the event's details (the
   * instance as it stands, for its creation or an edit); the event's request id is the action's,
   * or `auditRequestId` (a job's). `seq` is the entry's number when the caller knows it (it holds
   * the instance locked and has read its history): the row and its event are then written in one
   * round trip, along with the caller's `alongside` writes (the instance's own, say; only with
   * `seq`); otherwise the entry follows the last one. `read` is made in that same round trip
   * (only with `seq`).
   */
  append(
    id: string,
    e: Omit<HistoryEntry<Step, State>, 'seq'>,
    o?: { auditRequestId?: string; snapshot?: { key: string; value: unknown }; seq?: number; alongside?: Statement[]; read?: BatchRead },
  ): Promise<number>;
  list(id: string): Promise<Array<HistoryEntry<Step, State>>>;
  /**
   * The instance `id` (its `columns`, a comma-separated list, of its `table`, keyed by the
   * history's id column), locked for the rest of the transaction, with its history rows in the
   * same read. `open` turns the rows into the entries `list` returns.
   */
  lockWithRows<R extends object>(table: string, columns: string, id: string): Promise<{ instance: R; rows: StoredEntry[] } | undefined>;
  open(rows: StoredEntry[]): Promise<Array<HistoryEntry<Step, State>>>;
  /**
   * An entry appended in this transaction as `list` would read it back, without reading it: the
   * actor and rationale as given, the people its details name by the pseudonyms they were stored by.
   */
  asStored(entry: HistoryEntry<Step, State>): HistoryEntry<Step, State>;
}

/** A history row as stored: the actor and rationale as written, before they are shown. */
export type StoredEntry = Omit<HistoryEntry, 'at'> & { at: Date | string };

const ENTRY_COLUMNS = ['seq', 'at', 'actor', 'transition', 'from_state', 'to_state', 'rationale', 'details'];

export function workflowHistory<Step extends string, State extends string>(t: HistoryTable<Step>): History<Step, State> {
  async function open(rows: StoredEntry[]): Promise<Array<HistoryEntry<Step, State>>> {
    // One read of the keys that sealed the rationales and of those the actors' pseudonyms name.
    const sealed = rows.map((r) => ({ value: r.rationale, ref: { kind: t.table, field: 'rationale' } }));
    const keyRows = await dataKeys().rowsByIds([...sealedKeyIds(rows.map((r) => r.rationale)), ...pseudonymKeyIds(rows.map((r) => r.actor))]);
    const rationales = await openFields(sealed, keyRows);
    const actors = await shownActors(rows.map((r) => r.actor), keyRows);
    return rows.map((r, i) => ({ ...r, actor: actors.get(r.actor) ?? r.actor, rationale: rationales[i]!, at: new Date(r.at).toISOString() }) as HistoryEntry<Step, State>);
  }
  return {
    async append(id, e, o = {}) {
      const at = new Date(e.at);
      // One key lookup for the row's, the event's and the snapshot's rationale.
      const seal = authorSealer(e.actor, at);
      await prepareActors([e.actor], at);
      // The people the step's details and snapshot name (a contract's creator, a request's requester), by pseudonym too.
      await prepareKnownPeople(stringsIn([e.details, o.snapshot?.value]), at);
      const actor = storedActor(e.actor);
      const rationale = e.rationale === null ? null : await seal(e.rationale, { kind: t.table, field: 'rationale' });
      const values = [e.at, actor, e.transition, e.from_state, e.to_state, rationale, JSON.stringify(mapNames(e.details, storedActor))];
      const columns = `tenant_id, ${t.idColumn}, seq, at, actor, transition, from_state, to_state, rationale, details`;
      const event = async (seq: number) =>
        auditEventStatement({
          type: t.auditType,
          actor: e.actor,
          action: t.stepAction(e.transition),
          target: t.target(id),
          decision: 'allow',
          requestId: o.auditRequestId ?? currentContext()?.requestId ?? null,
          details: {
            [t.idColumn]: id,
            seq,
            ...e,
            actor,
            rationale: e.rationale === null ? null : await sealDetail(seal, e.rationale, 'rationale'),
            ...(o.snapshot !== undefined ? { [o.snapshot.key]: await sealSnapshot(seal, o.snapshot.value, o.snapshot.key) } : {}),
          },
          at,
        });
      if ((o.alongside !== undefined || o.read !== undefined) && o.seq === undefined) throw new Error('statements alongside a history entry need its seq');
      if (o.seq !== undefined) {
        const row = { sql: `INSERT INTO ${t.table} (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, params: [currentTenantId(), id, o.seq, ...values] };
        await runBatch([...(o.alongside ?? []), row, await event(o.seq)], o.read);
        return o.seq;
      }
      const rows = await currentTx().query<{ seq: number }>(
        `INSERT INTO ${t.table} (${columns})
         SELECT $1, $2, coalesce(max(seq) + 1, 0), $3, $4, $5, $6, $7, $8, $9 FROM ${t.table} WHERE tenant_id = $1 AND ${t.idColumn} = $2 RETURNING seq`,
        [currentTenantId(), id, ...values],
      );
      await runBatch([await event(rows[0]!.seq)]);
      return rows[0]!.seq;
    },
    async list(id) {
      const rows = await currentTx().query<StoredEntry>(`SELECT ${ENTRY_COLUMNS.join(', ')} FROM ${t.table} WHERE tenant_id = $1 AND ${t.idColumn} = $2 ORDER BY seq`, [
        currentTenantId(),
        id,
      ]);
      return open(rows);
    },
    asStored(entry) {
      return { ...entry, details: JSON.parse(JSON.stringify(mapNames(entry.details, storedActor))) as Record<string, unknown> };
    },
    async lockWithRows<R extends object>(table: string, columns: string, id: string) {
      const fields = ENTRY_COLUMNS.map((c) => `'${c}', h.${c}`).join(', ');
      const rows = await currentTx().query<R & { history: StoredEntry[] }>(
        `SELECT ${columns.split(', ').map((c) => `i.${c}`).join(', ')},
           (SELECT coalesce(json_agg(json_build_object(${fields}) ORDER BY h.seq), '[]') FROM ${t.table} h WHERE h.tenant_id = i.tenant_id AND h.${t.idColumn} = i.${t.idColumn}) AS history
         FROM ${table} i WHERE i.tenant_id = $1 AND i.${t.idColumn} = $2 FOR UPDATE`,
        [currentTenantId(), id],
      );
      if (rows[0] === undefined) return undefined;
      const { history, ...instance } = rows[0];
      return { instance: instance as unknown as R, rows: history };
    },
    open,
  };
}

/**
 * For a workflow's steps that load their instance locked with its history rows in the same read:
 * `keep` holds the rows with the instance, and `historyOf` opens them when the step asks, reading
 * them only for an instance loaded otherwise.
 */
export function lockedWithHistory<I extends object, Step extends string, State extends string>(
  history: History<Step, State>,
  idOf: (instance: I) => string,
): { keep(instance: I, rows: StoredEntry[]): I; historyOf(instance: I): Promise<Array<HistoryEntry<Step, State>>> } {
  const stored = new WeakMap<I, StoredEntry[]>();
  return {
    keep(instance, rows) {
      stored.set(instance, rows);
      return instance;
    },
    historyOf(instance) {
      const rows = stored.get(instance);
      return rows === undefined ? history.list(idOf(instance)) : history.open(rows);
    },
  };
}

/** The approvals given since the history's last `since` step (all of them when there is none), as the approval policies take them. */
export function approvalsOf(history: Array<HistoryEntry>, o: { approveStep?: string; since?: string } = {}): Array<{ approver: { id: string; roles: string[] } }> {
  const approve = o.approveStep ?? 'approve';
  let start = 0;
  if (o.since !== undefined) history.forEach((h, i) => (h.transition === o.since ? (start = i + 1) : undefined));
  return history
    .slice(start)
    .filter((h) => h.transition === approve)
    .map((h) => ({ approver: { id: h.actor, roles: (h.details.roles as string[] | undefined) ?? [] } }));
}
