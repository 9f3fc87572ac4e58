// The six request flows the HTTP benchmarks drive, as plain request descriptions, so the
// in-process cost benchmark and the open-loop load benchmark send exactly the same requests.

import { DEMO_TENANTS } from '../../packages/server/src/seed/seed-demo.ts';

export const FLOW_NAMES = ['tenant-read', 'governed-write', 'policy-simulate', 'flag-evaluate', 'audit-list', 'receipt-proof'] as const;
export type FlowName = (typeof FLOW_NAMES)[number];

export interface FlowRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** What every flow needs per tenant: an admin token and a receipt that is in the log under a checkpoint. */
export interface TenantFixture {
  tenant: string;
  token: string;
  receiptId: string;
}

export const BENCH_TENANTS: string[] = DEMO_TENANTS.map((t) => t.tenant_id);
export const BENCH_SUBJECT = 'user-admin';

const simulateBody = (tenant: string): string =>
  JSON.stringify({
    inputs: [
      {
        subject: { id: 'user-engineer', tenant_id: tenant, roles: ['engineer'], attributes: { region: 'eu' } },
        action: 'tenant.config.get',
        resource: null,
        tenant: { id: tenant, status: 'active', data_region: 'eu', allowed_regions: ['eu'] },
        context: { request_id: 'simulated', time: '2026-03-02T09:00:00Z', step_up: false },
      },
    ],
  });

/**
 * The `n`-th request of a flow, spread over the tenants round-robin. `tag` keeps the subjects a
 * run creates apart from those of other runs on the same database.
 */
export function flowRequest(flow: FlowName, fixtures: TenantFixture[], n: number, tag: string): FlowRequest {
  const f = fixtures[n % fixtures.length]!;
  const auth = { authorization: `Bearer ${f.token}` };
  const json = { ...auth, 'content-type': 'application/json' };
  switch (flow) {
    case 'tenant-read':
      return { method: 'GET', path: `/api/v1/tenants/${f.tenant}/config`, headers: auth };
    case 'governed-write':
      return {
        method: 'POST',
        path: '/api/v1/subjects',
        headers: json,
        body: JSON.stringify({ subject_id: `load-${tag}-${n}`, display_name: `Load ${n}`, roles: ['engineer'], attributes: { region: 'eu' } }),
      };
    case 'policy-simulate':
      return { method: 'POST', path: '/api/v1/policy/simulate', headers: json, body: simulateBody(f.tenant) };
    case 'flag-evaluate':
      return { method: 'POST', path: '/api/v1/flags/evaluate', headers: json, body: '{}' };
    case 'audit-list':
      return { method: 'GET', path: '/api/v1/audit-events?limit=20', headers: auth };
    case 'receipt-proof':
      return { method: 'GET', path: `/api/v1/provenance/receipts/${f.receiptId}`, headers: auth };
  }
}

/** The status each flow answers when it works. */
export const FLOW_STATUS: Record<FlowName, number> = {
  'tenant-read': 200,
  'governed-write': 201,
  'policy-simulate': 200,
  'flag-evaluate': 200,
  'audit-list': 200,
  'receipt-proof': 200,
};

/** Parses `--flows a,b` (default: all six) and rejects names that are not flows. */
export function parseFlows(raw: string | undefined): FlowName[] {
  if (raw === undefined) return [...FLOW_NAMES];
  const names = raw.split(',').map((s) => s.trim());
  for (const n of names) if (!(FLOW_NAMES as readonly string[]).includes(n)) throw new Error(`unknown flow ${n}; flows: ${FLOW_NAMES.join(', ')}`);
  return names as FlowName[];
}
