import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { writePack, type PackManifest } from '../evidence/index.ts';
import type { PlatformSigner } from '../keys/platform-key.ts';
import { ed25519NoteSigner } from '../ledger/checkpoint/ed25519-note-keys.ts';
import { signCheckpoint } from '../ledger/checkpoint/signed-checkpoint.ts';
import { uuidv7 } from '../util/ids.ts';
import type { DrillReport } from './dr-drill.ts';

// The drill report is an evidence pack in the audit export's format, so `companyos verify` checks
// it like any other: signed by the platform key, holding the drill as one event whose details are
// the report. The platform has no receipt log of its own; the pack's checkpoint is that of an
// empty log under the platform key, which proves no receipts and claims none.

export const DRILL_PACK_TENANT = 'platform';
const ORIGIN = 'companyos/platform/dr-drills';
const EMPTY_ROOT = createHash('sha256').digest();

export function writeDrillReport(report: DrillReport, signer: PlatformSigner, target: Writable): Promise<PackManifest> {
  const checkpoint = signCheckpoint({ origin: ORIGIN, size: 0, rootHash: EMPTY_ROOT }, [ed25519NoteSigner(ORIGIN, signer)]);
  const at = new Date(report.finished_at);
  const event = {
    event_id: uuidv7(at.getTime()),
    tenant_id: DRILL_PACK_TENANT,
    occurred_at: report.finished_at,
    type: 'dr.drill',
    actor: 'companyos dr drill',
    action: 'dr.drill',
    target: null,
    decision: null,
    reasons: [],
    request_id: null,
    details: report,
  };
  return writePack(target, {
    tenant: DRILL_PACK_TENANT,
    window: { from: report.started_at, to: new Date(at.getTime() + 1).toISOString() },
    sources: { audit_events: [event] },
    signer,
    jwks: signer.jwks,
    checkpoint,
    clock: { now: () => at },
  });
}
