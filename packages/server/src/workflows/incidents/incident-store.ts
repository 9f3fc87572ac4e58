import { currentTenantId, currentTx } from '../../context.ts';
import { mirrorEntity, mirrorLink } from '../../graph/mirror.ts';
import { workflowHistory, type HistoryEntry } from '../shared/history.ts';
import { incidentStepAction, type IncidentState, type IncidentStep } from './incident-machine.ts';

// The current tenant's incidents, their timelines, and their mirror in the entity graph.

export type Severity = 'critical' | 'high' | 'medium' | 'low';

export interface AlertRef {
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface Incident {
  incident_id: string;
  title: string;
  severity: Severity;
  status: IncidentState;
  source: 'manual' | 'alert';
  alert: AlertRef | null;
  alert_key: string | null;
  runbook_slug: string | null;
  opened_by: string;
  opened_at: string;
  updated_at: string;
  resolved_at: string | null;
  resolution: string | null;
}

export type IncidentEvent = HistoryEntry<IncidentStep, IncidentState>;

/** The incident's audit target and graph entity: `incident:<id>`. */
export const incidentTarget = (id: string): string => `incident:${id}`;

export const incidentHistory = workflowHistory<IncidentStep, IncidentState>({
  table: 'incident_history',
  idColumn: 'incident_id',
  auditType: 'incident.step',
  target: incidentTarget,
  stepAction: incidentStepAction,
});

const COLUMNS = 'incident_id, title, severity, status, source, alert, alert_key, runbook_slug, opened_by, opened_at, updated_at, resolved_at, resolution';
const iso = (v: unknown): string => new Date(v as string).toISOString();
const toIncident = (r: Record<string, unknown>): Incident => ({
  ...(r as unknown as Incident),
  incident_id: String(r.incident_id),
  opened_at: iso(r.opened_at),
  updated_at: iso(r.updated_at),
  resolved_at: r.resolved_at === null ? null : iso(r.resolved_at),
});

export async function insertIncident(i: Incident): Promise<void> {
  await currentTx().query(`INSERT INTO incidents (tenant_id, ${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`, [
    currentTenantId(),
    i.incident_id,
    i.title,
    i.severity,
    i.status,
    i.source,
    i.alert === null ? null : JSON.stringify(i.alert),
    i.alert_key,
    i.runbook_slug,
    i.opened_by,
    i.opened_at,
    i.updated_at,
    i.resolved_at,
    i.resolution,
  ]);
  await mirror(i);
}

export async function updateIncident(i: Incident): Promise<void> {
  await currentTx().query(
    `UPDATE incidents SET status = $3, runbook_slug = $4, updated_at = $5, resolved_at = $6, resolution = $7 WHERE tenant_id = $1 AND incident_id = $2`,
    [currentTenantId(), i.incident_id, i.status, i.runbook_slug, i.updated_at, i.resolved_at, i.resolution],
  );
  await mirror(i);
}

/** The incident's entity: written with the incident, in its transaction, so the graph is never behind. */
async function mirror(i: Incident): Promise<void> {
  const at = new Date(i.updated_at);
  await mirrorEntity({ entity_id: incidentTarget(i.incident_id), type: 'Incident', properties: { name: i.title, status: i.status, severity: i.severity, source: i.source }, owner: i.opened_by, source: 'incidents' }, at);
  if (i.runbook_slug !== null) await mirrorLink(incidentTarget(i.incident_id), 'FOLLOWS', `runbook:${i.runbook_slug}`, 'incidents', at);
}

export async function getIncident(id: string, o: { lock?: boolean } = {}): Promise<Incident | undefined> {
  const rows = await currentTx().query<Record<string, unknown>>(`SELECT ${COLUMNS} FROM incidents WHERE tenant_id = $1 AND incident_id = $2${o.lock === true ? ' FOR UPDATE' : ''}`, [currentTenantId(), id]);
  return rows[0] === undefined ? undefined : toIncident(rows[0]);
}

/** The unresolved incident an alert with this key opened, if any: a repeat of the alert joins it. */
export async function findUnresolvedByAlert(alertKey: string): Promise<Incident | undefined> {
  const rows = await currentTx().query<Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM incidents WHERE tenant_id = $1 AND alert_key = $2 AND status <> 'resolved' ORDER BY incident_id DESC LIMIT 1 FOR UPDATE`,
    [currentTenantId(), alertKey],
  );
  return rows[0] === undefined ? undefined : toIncident(rows[0]);
}

/** Incidents newest first (ids are time-ordered), optionally of one status, before the `before` id (keyset paging). */
export async function listIncidents(o: { status?: IncidentState | undefined; before?: string | undefined; limit: number }): Promise<Incident[]> {
  const rows = await currentTx().query<Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM incidents WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::uuid IS NULL OR incident_id < $3) ORDER BY incident_id DESC LIMIT $4`,
    [currentTenantId(), o.status ?? null, o.before ?? null, o.limit],
  );
  return rows.map(toIncident);
}

export interface LinkedEntity {
  entity_id: string;
  type: string;
}

/** The graph entities an incident affects (its AFFECTS edges). */
export async function linkedEntities(id: string): Promise<LinkedEntity[]> {
  return currentTx().query<LinkedEntity>(
    `SELECT e.entity_id, e.type FROM relationships r JOIN entities e ON e.tenant_id = r.tenant_id AND e.entity_id = r.to_id
     WHERE r.tenant_id = $1 AND r.from_id = $2 AND r.type = 'AFFECTS' ORDER BY r.created_at, e.entity_id`,
    [currentTenantId(), incidentTarget(id)],
  );
}

export async function entityExists(entityId: string): Promise<boolean> {
  const rows = await currentTx().query(`SELECT 1 FROM entities WHERE tenant_id = $1 AND entity_id = $2`, [currentTenantId(), entityId]);
  return rows.length > 0;
}
