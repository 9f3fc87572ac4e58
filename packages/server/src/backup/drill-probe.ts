import { buildApp } from '../http/app.ts';
import type { Database } from '../db/database.ts';
import { withTenantTransaction } from '../db/tenant-tx.ts';
import { currentTx } from '../context.ts';
import { DevIssuer } from '../identity/dev-issuer.ts';
import type { KeyProvider } from '../keys/key-provider.ts';
import { findCheckpoint } from '../ledger/ledger-store.ts';
import { verifyReceiptBundle } from '../ledger/receipt-format.ts';
import type { Logger } from 'pino';

// The probe of a drill: a real server started on the restored data answers a governed read —
// the proof of the newest checkpointed receipt — and the answer verifies offline.

export interface ProbeResult {
  ok: boolean;
  tenant_id: string | null;
  receipt_id: string | null;
  subject_id: string | null;
  /** The HTTP status of the governed read (the last one tried). */
  status: number | null;
  detail: string;
}

interface Candidate {
  tenantId: string;
  receiptId: string;
  subjects: string[];
}

/** Subjects to try, in a stable order: the first one whose roles allow the read is used. */
const MAX_SUBJECTS = 50;

async function candidateOf(db: Database, tenantId: string): Promise<Candidate | undefined> {
  return withTenantTransaction(db, tenantId, async () => {
    const cp = await findCheckpoint();
    if (cp === undefined || cp.size === 0) return undefined;
    const [leaf] = await currentTx().query<{ receipt_id: string }>(`SELECT receipt_id::text FROM ledger_leaves WHERE tenant_id = $1 AND leaf_index = $2`, [tenantId, cp.size - 1]);
    if (leaf === undefined) return undefined;
    const subjects = await currentTx().query<{ subject_id: string }>(`SELECT subject_id FROM subjects WHERE status = 'active' ORDER BY subject_id LIMIT ${MAX_SUBJECTS}`);
    return { tenantId, receiptId: leaf.receipt_id, subjects: subjects.map((s) => s.subject_id) };
  });
}

export async function probeRestoredServer(o: { db: Database; tenants: string[]; keyProvider: KeyProvider; dataDir: string; log: Logger }): Promise<ProbeResult> {
  let candidate: Candidate | undefined;
  for (const t of o.tenants) {
    candidate = await candidateOf(o.db, t);
    if (candidate !== undefined) break;
  }
  if (candidate === undefined) return { ok: false, tenant_id: null, receipt_id: null, subject_id: null, status: null, detail: 'no tenant has a checkpointed receipt to prove' };
  const issuer = DevIssuer.open();
  const app = await buildApp({
    database: o.db,
    devIssuer: issuer,
    keyProvider: o.keyProvider,
    logger: o.log,
    ledgerBackground: false,
    jobsBackground: false,
    config: { dataDir: o.dataDir, devIssuer: true },
  });
  try {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    let status: number | null = null;
    for (const subject of candidate.subjects) {
      const token = await issuer.mint({ tenant: candidate.tenantId, subject });
      const res = await fetch(`${address}/api/v1/provenance/receipts/${candidate.receiptId}`, { headers: { authorization: `Bearer ${token}` } });
      status = res.status;
      if (res.status === 403) continue;
      const base = { tenant_id: candidate.tenantId, receipt_id: candidate.receiptId, subject_id: subject, status };
      if (res.status !== 200) return { ok: false, ...base, detail: `the governed read answered ${res.status}` };
      const check = verifyReceiptBundle(await res.json(), { tenantId: candidate.tenantId });
      return check.ok ? { ok: true, ...base, detail: 'receipt proven against the signed checkpoint of the restored ledger' } : { ok: false, ...base, detail: check.errors.join('; ') };
    }
    return { ok: false, tenant_id: candidate.tenantId, receipt_id: candidate.receiptId, subject_id: null, status, detail: 'no active subject of the tenant may read receipt proofs' };
  } finally {
    await app.close();
  }
}
