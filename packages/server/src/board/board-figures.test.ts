import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_BOUNDS_MS } from '../observability/service-samples.ts';
import { computeFigures } from './board-figures.ts';
import type { TenantInput } from './board-inputs.ts';

const window = { from: new Date('2026-04-01T00:00:00Z'), to: new Date('2026-05-16T00:00:00Z') };
const buckets = (i: number, n: number) => Array.from({ length: SAMPLE_BOUNDS_MS.length + 1 }, (_, k) => (k === i ? n : 0));
const checkpoint = { size: 3, rootHash: 'r', kid: 'k', createdAt: '2026-04-02T00:00:00.000Z', signatureOk: true, errors: [] };

function tenant(id: string, over: Partial<TenantInput> = {}): TenantInput {
  return {
    tenant_id: id,
    display_name: id,
    status: 'active',
    data_region: 'eu',
    created_at: '2026-01-01T00:00:00.000Z',
    platform: false,
    has_admin: true,
    onboarding: null,
    bundle: { version: null, hash: 'h' },
    checkpoint: null,
    coverage: { allowed: 0, inLedger: 0, receipts: 0 },
    invoices: [],
    service: [],
    ...over,
  };
}

test('figures add up across tenants: coverage, uptime, p95, SLA days, revenue by currency, partner stages', () => {
  const f = computeFigures(
    [
      tenant('internal', { platform: true, coverage: { allowed: 10, inLedger: 10, receipts: 12 } }),
      tenant('a', {
        checkpoint,
        coverage: { allowed: 30, inLedger: 27, receipts: 31 },
        invoices: [{ status: 'finalized', currency: 'EUR', invoices: 1, total: 49900 }, { status: 'draft', currency: 'EUR', invoices: 1, total: 100 }],
        // Day 1 meets the SLA; day 2 has a server error in 100 requests (99% < 99.9%).
        service: [
          { day: '2026-04-02', requests: 1000, errors: 0, counts: buckets(2, 1000) },
          { day: '2026-04-03', requests: 100, errors: 1, counts: buckets(3, 100) },
        ],
      }),
      tenant('b', { onboarding: 'failed', created_at: '2026-04-10T00:00:00.000Z', invoices: [{ status: 'finalized', currency: 'USD', invoices: 1, total: 250000 }] }),
      tenant('c', { onboarding: 'in progress', has_admin: false, created_at: '2026-05-20T00:00:00.000Z' }),
      tenant('d', { has_admin: false }),
    ],
    window,
  );
  assert.deepEqual(f.northStar, { receipts: 43, allowedActions: 40, inLedger: 37 });
  assert.equal(f.coverage, 37 / 40);
  assert.deepEqual([f.requests, f.errors, f.uptime], [1100, 1, 1 - 1 / 1100]);
  // The 1045th of 1100 requests: the 45th of the 100 in (25, 50] ms.
  assert.equal(f.p95Ms, 25 + (25 * 45) / 100);
  assert.deepEqual(f.sla, { met: 1, total: 2, compliance: 0.5 });
  assert.deepEqual(f.revenue, { finalized: { EUR: 49900, USD: 250000 }, draft: { EUR: 100 } });
  assert.deepEqual(f.partners, { total: 4, active: 4, createdInPeriod: 1, byStage: { created: 1, 'admin in place': 0, onboarding: 1, 'onboarding failed': 1, 'evidence signed': 1 } });
});

test('no data is no data, not zero', () => {
  const f = computeFigures([tenant('a')], window);
  assert.deepEqual([f.coverage, f.uptime, f.p95Ms, f.sla.compliance], [null, null, null, null]);
});
