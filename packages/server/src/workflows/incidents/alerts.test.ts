import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAlert, slugOf } from './alerts.ts';

test("a runbook_url's file name becomes the runbook slug", () => {
  assert.equal(slugOf('docs/runbooks/DecisionLatencyBudgetBurnFast.md'), 'decision-latency-budget-burn-fast');
  assert.equal(slugOf('https://wiki.example.com/runbooks/api_down'), 'api-down');
  assert.equal(slugOf('ledger-lag'), 'ledger-lag');
  assert.equal(slugOf('///'), null);
});

test('an Alertmanager payload: title from the summary, severity mapped, keyed by the group labels', () => {
  const a = readAlert({
    version: '4',
    status: 'firing',
    groupLabels: { alertname: 'ApiDown', service: 'api' },
    commonLabels: { alertname: 'ApiDown', severity: 'warning', service: 'api' },
    alerts: [{ status: 'firing', labels: { alertname: 'ApiDown', severity: 'warning', service: 'api', instance: 'a:1' }, annotations: { summary: 'API is down', runbook_url: 'docs/runbooks/ApiDown.md' } }],
  });
  assert.deepEqual([a.title, a.severity, a.key, a.firing, a.runbookSlug], ['API is down', 'medium', 'ApiDown,service=api', true, 'api-down']);
  assert.equal(a.ref.labels.instance, 'a:1');
});

test('a short body names the alert; a resolved Alertmanager group is not firing', () => {
  const a = readAlert({ alert: 'LedgerLag', severity: 'critical', runbook: 'ledger-lag' });
  assert.deepEqual([a.title, a.severity, a.key, a.runbookSlug], ['LedgerLag', 'critical', 'LedgerLag', 'ledger-lag']);
  const r = readAlert({ version: '4', status: 'resolved', alerts: [{ status: 'resolved', labels: { alertname: 'LedgerLag' } }] });
  assert.equal(r.firing, false);
  assert.equal(r.severity, 'medium');
});
