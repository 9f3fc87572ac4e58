import { mapNames, NAME_DEPTH, prepareActors, prepareKnownPeople, pseudonymsIn, pseudonymsInText, renamedInText, shownActors, storedActor, storedActorForLater, stringsIn, withShownActors, withShownText } from '../identity/actor-pseudonyms.ts';
import type { DecisionRecord } from './decision-log.ts';

// The decision log names people as receipts do (ADR 0029): its `actor`, the subject id in the
// logged copy of the input (and any person of the tenant wherever else the input names them, such
// as a resource's requester or target), and the caller where the policy's reasons name it ("no role
// of subject alice grants ..."), by pseudonym. The policy decided on the real input; only the
// logged copy changes. Readers see the subject id while its key lives and `[purged] <purge id>` after.

const subjectIdOf = (input: unknown): unknown => (input as { subject?: { id?: unknown } } | null)?.subject?.id;

const reasonsOf = (result: unknown): unknown => (result as { reasons?: unknown } | null)?.reasons;
const isTexts = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** The decision's reasons, in its record and its result, passed through `f`. */
function withReasons(r: DecisionRecord, f: (text: string) => string): DecisionRecord {
  const inResult = reasonsOf(r.result);
  return { ...r, reasons: r.reasons.map(f), result: isTexts(inResult) ? { ...(r.result as object), reasons: inResult.map(f) } : r.result };
}

// What the logged copy of an input never holds: a person's display name or email (a subject as
// a resource, a principal's attributes), and what lies past the bounds the pseudonyms are looked
// for within, so no person's id hides deeper or further on than the walk goes.
const PERSONAL = new Set(['display_name', 'email']);
const MAX_VALUES = 10_000;
export const DROPPED = '[dropped]';

/** A logged copy of a decision's input: people's names and emails dropped, cut at `NAME_DEPTH` levels and `MAX_VALUES` values. */
export function loggableInput(input: unknown): unknown {
  let left = MAX_VALUES;
  const walk = (value: unknown, depth: number): unknown => {
    if (--left < 0) return DROPPED;
    if (typeof value !== 'object' || value === null) return value;
    if (depth >= NAME_DEPTH) return DROPPED;
    if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1));
    // A graph entity of a person names them as `name` beside their `subject_id`.
    const person = 'subject_id' in value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, PERSONAL.has(k) || (person && k === 'name') ? DROPPED : walk(v, depth + 1)]));
  };
  return walk(input, 0);
}

/** The decision with its people in the forms `store` gives (the caller's id in its reasons too). */
function named(r: DecisionRecord, store: (subjectId: string) => string): DecisionRecord {
  const input = mapNames(loggableInput(r.input), store);
  if (r.actor === null) return { ...r, input };
  const id = r.actor;
  const actor = store(id);
  if (actor === id) return { ...r, input };
  return withReasons({ ...r, actor, input }, renamedInText(id, actor));
}

const resourceOf = (input: unknown): unknown => (input as { resource?: unknown } | null)?.resource;

/**
 * In the deciding transaction, the people of the tenant that the logged input's resource names
 * (kept by the tenant's mask rules: the target of the action, a requester), made known so the
 * decision names them when made and a purge before the log's write cannot miss them. A read only
 * where a resource is kept and names someone not known yet.
 */
export const prepareResourcePeople = (input: unknown, at: Date): Promise<void> => prepareKnownPeople(stringsIn(resourceOf(loggableInput(input)), 1), at);

/**
 * A decision as the deciding transaction hands it to the log, with no round trip: the people
 * whose pseudonyms it prepared from stored keys (the caller's, read with its subject) by pseudonym.
 */
export const pseudonymousDecision = (r: DecisionRecord): DecisionRecord => named(r, storedActorForLater);

/**
 * Decisions as stored, in the writing transaction: an actor and input subject still named by id
 * (a key made by a transaction that may have rolled back, a decision service's upload) by
 * pseudonym, prepared in one read for the batch; and any other person of the tenant the input
 * names, found in one more read (a string that is nobody's id gets no key).
 */
export async function pseudonymousDecisions(records: DecisionRecord[], at: Date): Promise<DecisionRecord[]> {
  await prepareActors(
    records.flatMap((r) => [r.actor, subjectIdOf(r.input)].filter((a): a is string => typeof a === 'string')),
    at,
  );
  await prepareKnownPeople(
    records.flatMap((r) => stringsIn(loggableInput(r.input))),
    at,
  );
  return records.map((r) => named(r, storedActor));
}

/** Decisions with the people they name shown to the reader, in one read for all of them. */
export async function shownDecisions(records: DecisionRecord[]): Promise<DecisionRecord[]> {
  const people = records.flatMap((r) => {
    const inResult = reasonsOf(r.result);
    return [...pseudonymsIn(r.actor), ...pseudonymsIn(r.input), ...[...r.reasons, ...(isTexts(inResult) ? inResult : [])].flatMap(pseudonymsInText)];
  });
  if (people.length === 0) return records;
  const shown = await shownActors(people);
  return records.map((r) => withReasons({ ...r, actor: withShownActors(r.actor, shown) as string | null, input: withShownActors(r.input, shown) }, (text) => withShownText(text, shown)));
}
