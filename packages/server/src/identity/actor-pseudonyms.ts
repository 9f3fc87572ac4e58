import { currentContext, currentTenantId, currentTx } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { dataKeys } from '../keys/data-keys.ts';
import { keepKeyRows, keptKeyRows } from './shown-actors-cache.ts';

// Receipts, audit events, the decision log and usage events name who acted. For a person that is a
// pseudonym, not the subject id (ADR 0029): `pseudonym:<data key id>`, the id of the person's live
// data key (ADR 0025). The key's row is the only link from the pseudonym to the person; a purge
// destroys the key and unlinks the row, so the signed records keep verifying while nothing ties
// them to the person any more.
// System actors (`system:*`) and portal viewers (`viewer:<invitation id>`) name no person's id.

const PREFIX = 'pseudonym:';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PSEUDONYM = new RegExp(`^${PREFIX}(${UUID})$`);
const IN_TEXT = new RegExp(`${PREFIX}${UUID}`, 'g');

/** What readers show for a pseudonym whose key a purge destroyed; the purge id follows it. */
export const PURGED_ACTOR = '[purged]';

export const isPseudonym = (actor: unknown): actor is string => typeof actor === 'string' && PSEUDONYM.test(actor);

/** Whether an actor is a person's subject id, to be stored as a pseudonym. */
const namesPerson = (actor: string): boolean => !actor.startsWith('system:') && !actor.startsWith('viewer:') && !actor.startsWith(PREFIX);

// Pseudonyms known in a transaction, by tenant and subject id (one transaction may write for
// several tenants): prepared once, then used by the synchronous builders of receipts and audit
// events without another round trip.
const prepared = new WeakMap<Tx, Map<string, string>>();
// Pseudonyms of keys this transaction made: they name nothing if it rolls back.
const made = new WeakMap<Tx, Set<string>>();
const keyOf = (tenantId: string, subjectId: string): string => `${tenantId}\u0000${subjectId}`;

function known(): Map<string, string> {
  const tx = currentTx();
  let map = prepared.get(tx);
  if (map === undefined) prepared.set(tx, (map = new Map()));
  return map;
}

/** Records the live data key of a subject read with other data (the principal's subject row). */
export function rememberActorKey(subjectId: string, keyId: string): void {
  known().set(keyOf(currentTenantId(), subjectId), `${PREFIX}${keyId}`);
}

/**
 * Makes the pseudonyms of these actors known to the current transaction: one read for those not
 * known yet, and a new data key for a person who has none.
 */
export async function prepareActors(actors: ReadonlyArray<string | null | undefined>, now: Date): Promise<void> {
  const map = known();
  const tenantId = currentTenantId();
  const missing = [...new Set(actors.filter((a): a is string => typeof a === 'string' && namesPerson(a) && !map.has(keyOf(tenantId, a))))];
  if (missing.length === 0) return;
  // With what making a key would read, in the same round trip: someone named here is often new.
  const [rows, ...kekReads] = await currentTx().queryEach([
    { sql: `SELECT subject_id, key_id FROM subject_data_keys WHERE tenant_id = $1 AND subject_id = ANY($2::text[]) AND shredded_at IS NULL`, params: [tenantId, missing] },
    ...dataKeys().keks.newKeyReads(),
  ]);
  for (const r of rows as Array<{ subject_id: string; key_id: string }>) map.set(keyOf(tenantId, r.subject_id), `${PREFIX}${String(r.key_id)}`);
  for (const subjectId of missing) {
    if (map.has(keyOf(tenantId, subjectId))) continue;
    // The read above found no live key for them.
    const pseudonym = `${PREFIX}${(await dataKeys().forSubject(subjectId, now, { noLiveKey: true, kekReads })).keyId}`;
    map.set(keyOf(tenantId, subjectId), pseudonym);
    const tx = currentTx();
    made.set(tx, (made.get(tx) ?? new Set()).add(pseudonym));
  }
}

/**
 * Makes known the pseudonyms of those among `names` who are people of the tenant (a subject, or an
 * id with a live key), for records that may name other people (a logged decision's resource). A
 * string that is nobody's id gets no key. A subject id never holds ':', so times and references
 * are not even looked up.
 */
export async function prepareKnownPeople(names: readonly string[], now: Date): Promise<void> {
  const map = known();
  const tenantId = currentTenantId();
  const candidates = [...new Set(names.filter((n) => n !== '' && !n.includes(':') && namesPerson(n) && !map.has(keyOf(tenantId, n))))];
  if (candidates.length === 0) return;
  const rows = await currentTx().query<{ subject_id: string }>(
    `SELECT subject_id FROM subjects WHERE tenant_id = $1 AND subject_id = ANY($2::text[])
     UNION SELECT subject_id FROM subject_data_keys WHERE tenant_id = $1 AND subject_id = ANY($2::text[]) AND shredded_at IS NULL`,
    [tenantId, candidates],
  );
  await prepareActors(
    rows.map((r) => r.subject_id),
    now,
  );
}

/**
 * The actor as records store it: a person's pseudonym when prepared in this transaction. An actor
 * not prepared is stored as given, and a purge reports such records as not shreddable.
 */
export function storedActor(actor: string): string;
export function storedActor(actor: string | null | undefined): string | null;
export function storedActor(actor: string | null | undefined): string | null {
  if (actor === null || actor === undefined) return null;
  const ctx = currentContext();
  const known = ctx?.tx === undefined || !namesPerson(actor) ? undefined : prepared.get(ctx.tx)?.get(keyOf(ctx.tenantId, actor));
  return known ?? actor;
}

/**
 * The actor for a record another transaction writes later (the decision log): the person's
 * pseudonym when its key was stored before this transaction, so no rollback of it can take the
 * key back; otherwise as given, for that writer to prepare.
 */
export function storedActorForLater(actor: string): string {
  const stored = storedActor(actor);
  const tx = currentContext()?.tx;
  return tx !== undefined && made.get(tx)?.has(stored) === true ? actor : stored;
}

// Where records name people: any string of a value, however nested (an event's actor, a
// snapshot's requester, a decision input's subject id, a resource's list of members), down to
// `NAME_DEPTH` levels: values can be a hostile caller's input, so no walk follows their depth
// unbounded. A writer that must name nobody past it cuts the value there first (the decision log).
export const NAME_DEPTH = 16;
const descends = (value: unknown, depth: number): value is Record<string, unknown> | unknown[] => depth < NAME_DEPTH && typeof value === 'object' && value !== null;

/** A value with each string where records name people passed through `f`. */
export function mapNames(value: unknown, f: (s: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return f(value);
  if (!descends(value, depth)) return value;
  if (Array.isArray(value)) return value.map((v) => mapNames(v, f, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapNames(v, f, depth + 1)]));
}

/** The strings of a value where `mapNames` looks (from `depth`, for a member of a record). */
export function stringsIn(value: unknown, depth = 0): string[] {
  const out: string[] = [];
  mapNames(value, (s) => (out.push(s), s), depth);
  return out;
}

/** The pseudonyms a value names, where `mapNames` looks. */
export function pseudonymsIn(value: unknown, depth = 0, out: string[] = []): string[] {
  if (isPseudonym(value)) out.push(value);
  else if (descends(value, depth)) for (const v of Object.values(value)) pseudonymsIn(v, depth + 1, out);
  return out;
}

/** A value with the pseudonyms in it replaced as `shownActors` shows them. */
export const withShownActors = (value: unknown, shown: Map<string, string>): unknown => mapNames(value, (s) => (isPseudonym(s) ? (shown.get(s) ?? s) : s));

// A subject id as a word of a text: not part of a longer id (the characters a subject id may hold).
const ID_CHARS = 'A-Za-z0-9._@:/-';
const escaped = (text: string): string => text.replace(/[.*+?^$()[\]{}|\\/-]/g, '\\$&');
const asWord = (id: string): RegExp => new RegExp(`(?<![${ID_CHARS}])${escaped(id)}(?![${ID_CHARS}])`, 'g');

/** A function naming `id`, wherever a text (a policy's reason) holds it as a word, as `as` instead. */
export function renamedInText(id: string, as: string): (text: string) => string {
  let word: RegExp | undefined;
  return (text) => (id !== as && text.includes(id) ? text.replace((word ??= asWord(id)), as) : text);
}

/** The pseudonyms within a text (a policy's reason naming its caller). */
export const pseudonymsInText = (text: string): string[] => text.match(IN_TEXT) ?? [];
/** A text with the pseudonyms within it replaced as `shownActors` shows them. */
export const withShownText = (text: string, shown: Map<string, string>): string => text.replace(IN_TEXT, (p) => shown.get(p) ?? p);

/** The data key ids behind the pseudonyms among these actors. */
export const pseudonymKeyIds = (actors: ReadonlyArray<string | null>): string[] => [
  ...new Set(actors.flatMap((a) => (typeof a === 'string' ? (PSEUDONYM.exec(a)?.slice(1, 2) ?? []) : []))),
];

/** What `shownActors` needs of a data key's row. */
export interface ShownKeyRow {
  key_id: string;
  subject_id: string;
  shredded_at: Date | string | null;
  purge_id: string | null;
}

/**
 * What a reader sees for stored actors: the subject id behind a live pseudonym, `[purged] <purge id>`
 * once its key is destroyed, other actors as stored. One read for all of them, or none when the
 * caller passes the keys' rows it read in this transaction (`keyRows`, with those of every pseudonym among them).
 */
export async function shownActors(actors: ReadonlyArray<string | null>, keyRows?: readonly ShownKeyRow[]): Promise<Map<string, string>> {
  const keyIds = pseudonymKeyIds(actors);
  const shown = new Map<string, string>();
  if (keyIds.length === 0) return shown;
  const rows = keyRows ?? (await keyRowsToShow(keyIds));
  for (const r of rows) {
    const purged = r.purge_id === null ? PURGED_ACTOR : `${PURGED_ACTOR} ${String(r.purge_id)}`;
    shown.set(`${PREFIX}${String(r.key_id)}`, r.shredded_at === null ? r.subject_id : purged);
  }
  return shown;
}

/** The key rows of these ids: those kept from earlier requests at the same configuration version, and one read for the rest. */
async function keyRowsToShow(keyIds: string[]): Promise<ShownKeyRow[]> {
  const { rows, missing } = keptKeyRows(keyIds);
  if (missing.length === 0) return rows;
  const read = await currentTx().query<ShownKeyRow>(`SELECT key_id, subject_id, shredded_at, purge_id FROM subject_data_keys WHERE tenant_id = $1 AND key_id = ANY($2::uuid[])`, [
    currentTenantId(),
    missing,
  ]);
  keepKeyRows(read);
  return [...rows, ...read];
}

// A record's target (and a receipt's evidence references) name a person as `subject:<id>`; they
// are stored as `subject:pseudonym:<key id>`, the same pseudonym under the same prefix. A subject id
// never contains ':', so the stored form cannot be mistaken for a subject's id.
const SUBJECT_REF = 'subject:';

/** The person a reference (`subject:<id>`) names, to prepare their pseudonym; undefined for any other reference. */
export function subjectNamedBy(ref: string | null | undefined): string | undefined {
  if (typeof ref !== 'string' || !ref.startsWith(SUBJECT_REF)) return undefined;
  const id = ref.slice(SUBJECT_REF.length);
  return id !== '' && namesPerson(id) ? id : undefined;
}

/** The reference as records store it: `subject:<id>` becomes `subject:pseudonym:<key id>` when prepared in this transaction. */
export function storedRef(ref: string): string;
export function storedRef(ref: string | null | undefined): string | null;
export function storedRef(ref: string | null | undefined): string | null {
  if (ref === null || ref === undefined) return null;
  const subject = subjectNamedBy(ref);
  return subject === undefined ? ref : SUBJECT_REF + storedActor(subject);
}

/** The pseudonym a stored reference names (`subject:pseudonym:<key id>`), for `shownActors`. */
export const pseudonymInRef = (ref: string | null): string | undefined => (ref?.startsWith(SUBJECT_REF) === true && isPseudonym(ref.slice(SUBJECT_REF.length)) ? ref.slice(SUBJECT_REF.length) : undefined);

/** A stored reference as readers see it: `subject:<id>` while the key lives, `subject:[purged] <purge id>` after. */
export function shownRef(ref: string | null, shown: ReadonlyMap<string, string>): string | null {
  const pseudonym = pseudonymInRef(ref);
  const person = pseudonym === undefined ? undefined : shown.get(pseudonym);
  return person === undefined ? ref : SUBJECT_REF + person;
}

/** The stored forms a filter by a reference matches: itself, and for `subject:<id>` the live pseudonym's form. */
export async function storedRefForms(ref: string): Promise<string[]> {
  const subject = subjectNamedBy(ref);
  if (subject === undefined) return [ref];
  return [ref, ...(await storedFormsOf([subject])).filter(isPseudonym).map((p) => SUBJECT_REF + p)];
}

/** The stored forms a filter by subject id matches: the id itself (older records) and its live pseudonym. */
export async function storedFormsOf(subjectIds: readonly string[]): Promise<string[]> {
  const people = subjectIds.filter(namesPerson);
  if (people.length === 0) return [...subjectIds];
  const rows = await currentTx().query<{ key_id: string }>(
    `SELECT key_id FROM subject_data_keys WHERE tenant_id = $1 AND subject_id = ANY($2::text[]) AND shredded_at IS NULL`,
    [currentTenantId(), people],
  );
  return [...subjectIds, ...rows.map((r) => `${PREFIX}${String(r.key_id)}`)];
}
