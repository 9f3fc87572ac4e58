import { currentTenantId, currentTx } from '../context.ts';
import { mirrorEntity, mirrorLink } from '../graph/mirror.ts';
import type { PackCounts, PackFilters, PackWindow } from '../evidence/index.ts';

// The current tenant's audit exports (the request, its progress and the finished pack's digest).

export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ExportProgress {
  /** The file being written (bundles, decisions, receipts, audit_events) or `packing`. */
  phase?: string;
  records?: number;
  total?: number;
}

export interface AuditExport {
  export_id: string;
  job_id: string;
  requested_by: string;
  request_id: string;
  created_at: string;
  window: PackWindow;
  filters: PackFilters;
  status: ExportStatus;
  progress: ExportProgress;
  checkpoint_size: number | null;
  counts: PackCounts | null;
  pack_sha256: string | null;
  pack_size: number | null;
  error: string | null;
  finished_at: string | null;
}

type ExportRow = Omit<AuditExport, 'created_at' | 'window' | 'finished_at'> & {
  created_at: Date | string;
  window_from: Date | string;
  window_to: Date | string;
  finished_at: Date | string | null;
};

const COLUMNS = `export_id, job_id, requested_by, request_id, created_at, window_from, window_to, filters, status, progress,
  checkpoint_size::float8 AS checkpoint_size, counts, pack_sha256, pack_size::float8 AS pack_size, error, finished_at`;
const iso = (v: Date | string): string => new Date(v).toISOString();

const toExport = (r: ExportRow): AuditExport => ({
  export_id: String(r.export_id),
  job_id: String(r.job_id),
  requested_by: r.requested_by,
  request_id: r.request_id,
  created_at: iso(r.created_at),
  window: { from: iso(r.window_from), to: iso(r.window_to) },
  filters: r.filters,
  status: r.status,
  progress: r.progress,
  checkpoint_size: r.checkpoint_size,
  counts: r.counts,
  pack_sha256: r.pack_sha256,
  pack_size: r.pack_size,
  error: r.error,
  finished_at: r.finished_at === null ? null : iso(r.finished_at),
});

export async function insertExport(e: { exportId: string; jobId: string; requestedBy: string; requestId: string; at: Date; window: PackWindow; filters: PackFilters }): Promise<AuditExport> {
  const rows = await currentTx().query<ExportRow>(
    `INSERT INTO audit_exports (tenant_id, export_id, job_id, requested_by, request_id, created_at, window_from, window_to, filters, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'queued') RETURNING ${COLUMNS}`,
    [currentTenantId(), e.exportId, e.jobId, e.requestedBy, e.requestId, e.at.toISOString(), e.window.from, e.window.to, JSON.stringify(e.filters)],
  );
  const made = toExport(rows[0]!);
  await mirrorExport(made, e.at);
  await mirrorLink(`subject:${e.requestedBy}`, 'REQUESTED', exportEntityId(e.exportId), 'audit', e.at);
  return made;
}

const exportEntityId = (exportId: string) => `export:${exportId}`;

/** The export as an EvidenceBundle entity (its id is the export's audit target). */
function mirrorExport(x: Pick<AuditExport, 'export_id' | 'status' | 'requested_by' | 'pack_sha256'>, at: Date): Promise<void> {
  return mirrorEntity(
    { entity_id: exportEntityId(x.export_id), type: 'EvidenceBundle', properties: { export_id: x.export_id, status: x.status, pack_sha256: x.pack_sha256 }, owner: x.requested_by, source: 'audit' },
    at,
  );
}

export async function getExport(exportId: string): Promise<AuditExport | undefined> {
  const rows = await currentTx().query<ExportRow>(`SELECT ${COLUMNS} FROM audit_exports WHERE tenant_id = $1 AND export_id = $2`, [currentTenantId(), exportId]);
  return rows[0] === undefined ? undefined : toExport(rows[0]);
}

export async function listExports(limit: number): Promise<AuditExport[]> {
  const rows = await currentTx().query<ExportRow>(
    `SELECT ${COLUMNS} FROM audit_exports WHERE tenant_id = $1 ORDER BY created_at DESC, export_id DESC LIMIT $2`,
    [currentTenantId(), limit],
  );
  return rows.map(toExport);
}

/** Marks the export running; the first attempt also fixes the checkpoint its receipts are proven against. */
export async function startExport(exportId: string, checkpointSize: number, progress: ExportProgress): Promise<void> {
  await currentTx().query(
    `UPDATE audit_exports SET status = 'running', checkpoint_size = coalesce(checkpoint_size, $3), progress = $4 WHERE tenant_id = $1 AND export_id = $2`,
    [currentTenantId(), exportId, checkpointSize, JSON.stringify(progress)],
  );
}

export async function updateProgress(exportId: string, progress: ExportProgress): Promise<void> {
  await currentTx().query(`UPDATE audit_exports SET progress = $3 WHERE tenant_id = $1 AND export_id = $2`, [currentTenantId(), exportId, JSON.stringify(progress)]);
}

export async function finishExport(exportId: string, f: { sha256: string; size: number; counts: PackCounts; at: Date }): Promise<void> {
  const total = Object.values<number>(f.counts).reduce((a, b) => a + b, 0);
  await currentTx().query(
    `UPDATE audit_exports SET status = 'done', pack_sha256 = $3, pack_size = $4, counts = $5, finished_at = $6, error = NULL, progress = $7
     WHERE tenant_id = $1 AND export_id = $2`,
    [currentTenantId(), exportId, f.sha256, f.size, JSON.stringify(f.counts), f.at.toISOString(), JSON.stringify({ phase: 'done', records: total, total })],
  );
  const done = await getExport(exportId);
  if (done !== undefined) await mirrorExport(done, f.at);
}

export async function failExport(exportId: string, error: string, at: Date): Promise<void> {
  await currentTx().query(`UPDATE audit_exports SET status = 'failed', error = $3, finished_at = $4 WHERE tenant_id = $1 AND export_id = $2`, [
    currentTenantId(),
    exportId,
    error,
    at.toISOString(),
  ]);
  const failed = await getExport(exportId);
  if (failed !== undefined) await mirrorExport(failed, at);
}
