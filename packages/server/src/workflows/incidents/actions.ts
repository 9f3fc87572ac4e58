import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { EntityId } from '../../graph/views.ts';
import { mirrorLink } from '../../graph/mirror.ts';
import { Problem } from '../../http/problem.ts';
import { Nullable, StringEnum } from '../../http/schema.ts';
import { defineAction, type ActionContext, type RunContext } from '../../pipeline/define-action.ts';
import { RunbookSlug, runbookConsolePath } from '../../runbooks/actions.ts';
import { getRunbook, runbookTarget } from '../../runbooks/runbook-store.ts';
import { uuidv7 } from '../../util/ids.ts';
import { HistoryView, IdParams, Rationale } from '../shared/schemas.ts';
import { AlertInput, readAlert, SeverityEnum } from './alerts.ts';
import { incidentMachine, INCIDENT_STATES, type IncidentStep, type IncidentTransition } from './incident-machine.ts';
import {
  entityExists,
  findUnresolvedByAlert,
  getIncident,
  incidentHistory,
  incidentTarget,
  insertIncident,
  linkedEntities,
  listIncidents,
  updateIncident,
  type Incident,
  type IncidentEvent,
} from './incident-store.ts';

// Incidents: opened by hand or from an alert, moved open -> mitigated -> resolved (a resolution
// needs its rationale), with a timeline of every event, a linked runbook and the graph entities
// they affect. Every change is an action with its receipt; the timeline is also the audit trail.

const BASE = '/incidents';

const IncidentView = Type.Object({
  incident_id: Type.String(),
  title: Type.String(),
  severity: SeverityEnum,
  status: StringEnum(INCIDENT_STATES),
  source: StringEnum(['manual', 'alert']),
  alert: Nullable(Type.Object({ name: Type.String(), labels: Type.Record(Type.String(), Type.String()), annotations: Type.Record(Type.String(), Type.String()) })),
  alert_key: Nullable(Type.String()),
  runbook_slug: Nullable(Type.String()),
  opened_by: Type.String(),
  opened_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
  resolved_at: Nullable(Type.String({ format: 'date-time' })),
  resolution: Nullable(Type.String()),
});

const IncidentDetailView = Type.Composite([
  IncidentView,
  Type.Object({
    runbook: Nullable(Type.Object({ slug: Type.String(), title: Type.String(), current_version: Type.Integer(), console_path: Type.String() })),
    entities: Type.Array(Type.Object({ entity_id: Type.String(), type: Type.String() })),
    timeline: Type.Array(HistoryView),
  }),
]);

type Ctx = ActionContext<Static<typeof IdParams>, unknown>;
/** An incident as its routes answer it: with its runbook, affected entities and timeline. */
export type IncidentDetail = Incident & { runbook: { slug: string; title: string; current_version: number; console_path: string } | null; entities: Array<{ entity_id: string; type: string }>; timeline: IncidentEvent[] };

async function detail(tenantId: string, i: Incident): Promise<IncidentDetail> {
  const r = i.runbook_slug === null ? undefined : await getRunbook(i.runbook_slug);
  return {
    ...i,
    runbook: r === undefined ? null : { slug: r.slug, title: r.title, current_version: r.current_version, console_path: runbookConsolePath(tenantId, r.slug) },
    entities: await linkedEntities(i.incident_id),
    timeline: await incidentHistory.list(i.incident_id),
  };
}

/** Records an event on the timeline; `after` is the incident as it stands afterwards. */
async function record(ctx: Pick<Ctx, 'now' | 'principal'>, before: Incident | null, after: Incident, step: IncidentStep, rationale: string | null, details: Record<string, unknown> = {}): Promise<void> {
  await incidentHistory.append(
    after.incident_id,
    { at: ctx.now.toISOString(), actor: ctx.principal.subjectId, transition: step, from_state: before?.status ?? null, to_state: after.status, rationale, details: { roles: ctx.principal.roles, ...details } },
    before === null ? { snapshot: { key: 'incident', value: after } } : {},
  );
}

/** The runbook a slug names, or a 422 saying there is none (a link is never left dangling). */
async function runbookOrRefuse(slug: string): Promise<string> {
  if ((await getRunbook(slug)) === undefined) {
    throw new Problem('invalid-request', `the tenant has no runbook ${slug}; save it first`, { errors: [{ in: 'body', field: 'runbook', message: `no runbook ${slug}` }] });
  }
  return slug;
}

async function open(ctx: Pick<Ctx, 'now' | 'principal'>, fields: Pick<Incident, 'title' | 'severity' | 'source' | 'alert' | 'alert_key' | 'runbook_slug'>, details: Record<string, unknown> = {}): Promise<Incident> {
  const at = ctx.now.toISOString();
  const incident: Incident = { incident_id: uuidv7(ctx.now.getTime()), ...fields, status: 'open', opened_by: ctx.principal.subjectId, opened_at: at, updated_at: at, resolved_at: null, resolution: null };
  await insertIncident(incident);
  await record(ctx, null, incident, 'open', null, details);
  return incident;
}

export const openIncident = defineAction({
  name: 'incident.open',
  method: 'POST',
  path: BASE,
  summary: 'Open an incident by hand, optionally following a runbook of the tenant',
  scope: 'tenant',
  status: 201,
  input: Type.Object(
    { title: Type.String({ minLength: 3, maxLength: 300 }), severity: SeverityEnum, runbook: Type.Optional(RunbookSlug), note: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })) },
    { additionalProperties: false },
  ),
  response: IncidentDetailView,
  target: (_ctx, _input, _r, result) => incidentTarget((result as IncidentDetail).incident_id),
  run: async (ctx, input) => {
    const runbook = input.runbook === undefined ? null : await runbookOrRefuse(input.runbook);
    const incident = await open(ctx, { title: input.title, severity: input.severity, source: 'manual', alert: null, alert_key: null, runbook_slug: runbook }, input.note !== undefined ? { note: input.note } : {});
    return detail(ctx.tenantId, incident);
  },
});

export const openIncidentFromAlert = defineAction({
  name: 'incident.open_from_alert',
  method: 'POST',
  path: `${BASE}/from-alert`,
  summary:
    'Open an incident from an alert: an Alertmanager webhook payload or {"alert": name}. A repeat of an alert joins the unresolved incident it opened; a cleared alert is noted on it',
  scope: 'tenant',
  input: AlertInput,
  response: Type.Object({ created: Type.Boolean(), incident: Nullable(IncidentDetailView) }),
  target: (_ctx, _input, _r, result) => {
    const i = (result as { incident: IncidentDetail | null }).incident;
    return i === null ? null : incidentTarget(i.incident_id);
  },
  run: async (ctx, input) => {
    const alert = readAlert(input);
    const existing = await findUnresolvedByAlert(alert.key);
    if (existing !== undefined) {
      const after = { ...existing, updated_at: ctx.now.toISOString() };
      await updateIncident(after);
      await record(ctx, existing, after, 'alert', null, { alert: alert.ref, firing: alert.firing });
      return { created: false, incident: await detail(ctx.tenantId, after) };
    }
    // A cleared alert with nothing open for it changes nothing.
    if (!alert.firing) return { created: false, incident: null };
    // The alert's runbook is linked when the tenant has it; otherwise only named in the alert.
    const runbook = alert.runbookSlug !== null && (await getRunbook(alert.runbookSlug)) !== undefined ? alert.runbookSlug : null;
    const incident = await open(ctx, { title: alert.title, severity: alert.severity, source: 'alert', alert: alert.ref, alert_key: alert.key, runbook_slug: runbook });
    return { created: true, incident: await detail(ctx.tenantId, incident) };
  },
});

export const listIncidentsAction = defineAction({
  name: 'incident.list',
  method: 'GET',
  path: BASE,
  summary: "The tenant's incidents, newest first, of one status if asked, paged with `before` (the last id seen)",
  scope: 'tenant',
  query: Type.Object(
    {
      status: Type.Optional(StringEnum(INCIDENT_STATES)),
      before: Type.Optional(IdParams.properties.id),
      limit: Type.Optional(Type.String({ pattern: '^([1-9][0-9]?|100)$', description: '1 to 100, default 50' })),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({ incidents: Type.Array(IncidentView), next_before: Nullable(Type.String()) }),
  run: async (ctx) => {
    const limit = Number(ctx.query.limit ?? 50);
    const incidents = await listIncidents({ status: ctx.query.status, before: ctx.query.before, limit });
    return { incidents, next_before: incidents.length === limit ? incidents[incidents.length - 1]!.incident_id : null };
  },
});

export const getIncidentAction = defineAction({
  name: 'incident.get',
  method: 'GET',
  path: `${BASE}/:id`,
  summary: 'An incident with its timeline, runbook and the graph entities it affects',
  scope: 'tenant',
  params: IdParams,
  response: IncidentDetailView,
  resource: (ctx) => getIncident(ctx.params.id),
  target: (ctx) => incidentTarget(ctx.params.id),
  run: async (ctx, _input, i) => detail(ctx.tenantId, i),
});

/** A POST on one incident: `/incidents/{id}/<verb>`, the incident loaded and locked first (and given to the policy). */
function onIncident<I extends TSchema>(name: string, verb: string, def: { summary: string; input: I; run: (ctx: RunContext<Static<typeof IdParams>, unknown>, input: Static<I>, i: Incident) => Promise<Incident> }) {
  return defineAction({
    name,
    method: 'POST',
    path: `${BASE}/:id/${verb}`,
    summary: def.summary,
    scope: 'tenant',
    params: IdParams,
    input: def.input,
    response: IncidentDetailView,
    resource: (ctx: Ctx) => getIncident(ctx.params.id, { lock: true }),
    target: (ctx: Ctx) => incidentTarget(ctx.params.id),
    run: async (ctx: RunContext<Static<typeof IdParams>, unknown>, input: Static<I>, i: Incident) => detail(ctx.tenantId, await def.run(ctx, input, i)),
  });
}

/** Moves an incident through its state machine (a 409 naming its state when the move is illegal there). */
async function transition(ctx: Ctx, before: Incident, t: IncidentTransition, rationale: string | null): Promise<Incident> {
  const status = incidentMachine.next(before.status, t);
  const at = ctx.now.toISOString();
  const after: Incident = { ...before, status, updated_at: at, ...(status === 'resolved' ? { resolved_at: at, resolution: rationale } : {}) };
  await updateIncident(after);
  await record(ctx, before, after, t, rationale);
  return after;
}

/** Notes and links are refused on a resolved incident: its record is closed. */
function assertUnresolved(i: Incident, doing: string): void {
  if (i.status === 'resolved') throw new Problem('conflict', `cannot ${doing} an incident that is resolved`, { state: i.status });
}

export const noteIncident = onIncident('incident.note', 'notes', {
  summary: "Add a note to an incident's timeline",
  input: Type.Object({ note: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false }),
  run: async (ctx, input, i) => {
    assertUnresolved(i, 'add a note to');
    const after = { ...i, updated_at: ctx.now.toISOString() };
    await updateIncident(after);
    await record(ctx, i, after, 'note', null, { note: input.note });
    return after;
  },
});

export const mitigateIncident = onIncident('incident.mitigate', 'mitigate', {
  summary: 'Mark an open incident mitigated (the impact is contained), with an optional rationale',
  input: Type.Object({ rationale: Type.Optional(Rationale) }, { additionalProperties: false }),
  run: (ctx, input, i) => transition(ctx, i, 'mitigate', input.rationale ?? null),
});

export const resolveIncident = onIncident('incident.resolve', 'resolve', {
  summary: 'Resolve an incident; the rationale (what fixed it) is required and recorded in the receipt and timeline',
  input: Type.Object({ rationale: Rationale }, { additionalProperties: false }),
  run: (ctx, input, i) => transition(ctx, i, 'resolve', input.rationale),
});

export const linkIncidentRunbook = onIncident('incident.runbook.link', 'runbook', {
  summary: 'Link an incident to a runbook of the tenant (replacing any earlier link)',
  input: Type.Object({ slug: RunbookSlug }, { additionalProperties: false }),
  run: async (ctx, input, i) => {
    assertUnresolved(i, 'link a runbook to');
    const after = { ...i, runbook_slug: await runbookOrRefuse(input.slug), updated_at: ctx.now.toISOString() };
    await updateIncident(after);
    await record(ctx, i, after, 'link_runbook', null, { runbook: input.slug, previous: i.runbook_slug, entity_id: runbookTarget(input.slug) });
    return after;
  },
});

export const linkIncidentEntity = onIncident('incident.entity.link', 'entities', {
  summary: 'Link an incident to a graph entity it affects (an AFFECTS edge in the graph)',
  input: Type.Object({ entity_id: EntityId }, { additionalProperties: false }),
  run: async (ctx, input, i) => {
    assertUnresolved(i, 'link an entity to');
    if (!(await entityExists(input.entity_id))) {
      throw new Problem('invalid-request', `the graph has no entity ${input.entity_id}`, { errors: [{ in: 'body', field: 'entity_id', message: 'no such entity' }] });
    }
    const after = { ...i, updated_at: ctx.now.toISOString() };
    await updateIncident(after);
    await mirrorLink(incidentTarget(i.incident_id), 'AFFECTS', input.entity_id, 'incidents', ctx.now);
    await record(ctx, i, after, 'link_entity', null, { entity_id: input.entity_id });
    return after;
  },
});

export const incidentActions = [openIncident, openIncidentFromAlert, listIncidentsAction, getIncidentAction, noteIncident, mitigateIncident, resolveIncident, linkIncidentRunbook, linkIncidentEntity];
