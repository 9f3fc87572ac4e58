import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../config.ts';

test('the governed database and the pending window come from the environment', () => {
  const c = loadConfig({ COMPANYOS_HIGH_RISK_DATABASE_URL: 'postgres://admin@db:5432/warehouse', COMPANYOS_HIGH_RISK_PENDING_MINUTES: '90' });
  assert.equal(c.highRiskDatabaseUrl, 'postgres://admin@db:5432/warehouse');
  assert.equal(c.highRiskPendingMinutes, 90);
  const d = loadConfig({});
  assert.equal(d.highRiskDatabaseUrl, undefined);
  assert.equal(d.highRiskPendingMinutes, 1440);
  assert.throws(() => loadConfig({ COMPANYOS_HIGH_RISK_DATABASE_URL: 'mysql://x/y', COMPANYOS_HIGH_RISK_PENDING_MINUTES: '0' }), (err: unknown) => err instanceof ConfigError && /COMPANYOS_HIGH_RISK_DATABASE_URL/.test(err.message) && /COMPANYOS_HIGH_RISK_PENDING_MINUTES/.test(err.message));
});
