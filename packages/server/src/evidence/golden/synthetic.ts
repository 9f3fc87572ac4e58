import type { ReceiptEntry } from '../../ledger/receipt-format.ts';
import { bundleHash } from '../../policy/bundle.ts';
import type { PackWindow } from '../layout.ts';
import type { AuditEventRecord, BundleRecord, DecisionRecord } from '../records.ts';

// Deterministic sample records for tests, the golden packs and the benchmark.

const ACTORS = ['user:ada', 'user:grace', 'user:linus', 'svc:billing'];
const ACTIONS = ['high_risk.request.approve', 'policy.bundle.activate', 'tenant.config.update', 'audit.export.create'];

export function sampleBundle(version: number): BundleRecord {
  const files = [
    { path: 'authz.rego', content: `package companyos.authz\n\ndefault allow := false\n\nallow if input.subject.roles[_] == "admin"\n# v${version}\n` },
    { path: 'data.json', content: `{"limits":{"exports_per_day":${10 * version}}}` },
  ];
  return { bundle_hash: bundleHash(files), version, files };
}

/** A time inside the window for the i-th of n records, spread evenly and in order. */
function instant(window: PackWindow, i: number, n: number): string {
  const from = Date.parse(window.from);
  const span = Date.parse(window.to) - from;
  return new Date(from + Math.floor((span * i) / Math.max(n, 1))).toISOString();
}

function hex(i: number, width: number): string {
  return i.toString(16).padStart(width, '0');
}

export function* syntheticAuditEvents(tenant: string, window: PackWindow, n: number): Generator<AuditEventRecord> {
  for (let i = 0; i < n; i++) {
    const denied = i % 7 === 3;
    yield {
      event_id: `0190a0a0-0000-7000-8000-${hex(i, 12)}`,
      tenant_id: tenant,
      occurred_at: instant(window, i, n),
      type: denied ? 'action.denied' : 'action.allowed',
      actor: ACTORS[i % ACTORS.length]!,
      action: ACTIONS[i % ACTIONS.length]!,
      target: `request:${hex(i, 8)}`,
      decision: denied ? 'deny' : 'allow',
      reasons: denied ? ['requires a second approver'] : [],
      request_id: `req-${hex(i, 8)}`,
      details: { amount_minor: 1000 + i, currency: 'EUR' },
    };
  }
}

export function* syntheticDecisions(tenant: string, window: PackWindow, n: number, bundles: string[]): Generator<DecisionRecord> {
  for (let i = 0; i < n; i++) {
    const denied = i % 7 === 3;
    yield {
      decision_id: `0190a0a0-0000-7000-9000-${hex(i, 12)}`,
      tenant_id: tenant,
      timestamp: instant(window, i, n),
      actor: ACTORS[i % ACTORS.length]!,
      action: ACTIONS[i % ACTIONS.length]!,
      allow: !denied,
      reasons: denied ? ['requires a second approver'] : [],
      bundle_hash: bundles[i % bundles.length]!,
      path: 'companyos/authz/decision',
    };
  }
}

export function* syntheticReceipts(tenant: string, window: PackWindow, n: number, bundles: string[]): Generator<ReceiptEntry> {
  for (let i = 0; i < n; i++) {
    yield {
      receipt_id: `0190a0a0-0000-7000-a000-${hex(i, 12)}`,
      tenant_id: tenant,
      actor: ACTORS[i % ACTORS.length]!,
      action: ACTIONS[i % ACTIONS.length]!,
      target: `request:${hex(i, 8)}`,
      decision: 'allow',
      bundle_hash: bundles[i % bundles.length]!,
      evidence_refs: [`audit:${hex(i, 8)}`],
      issued_at: instant(window, i, n),
      request_id: `req-${hex(i, 8)}`,
    };
  }
}
