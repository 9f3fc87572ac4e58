import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { renderSloRules } from '../src/observability/slo-rules.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// The SLO rules, alerts and dashboards in deploy/observability, checked with the real promtool
// (Debian's prometheus package) and against the metrics a running server exports.
const dir = fileURLToPath(new URL('../../../deploy/observability/', import.meta.url));
const runbooks = fileURLToPath(new URL('../../../docs/runbooks/', import.meta.url));
const read = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const promtool = (...args: string[]) => execFileSync('promtool', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });

interface RuleGroups {
  groups: Array<{ rules: Array<{ alert?: string; record?: string; expr: string }> }>;
}
const rules = (name: string) => (parse(read(name)) as RuleGroups).groups.flatMap((g) => g.rules);
const RULE_FILES = ['rules.generated.yaml', 'alerts.yaml'];
const TEST_FILES = ['tests/slo.test.yaml', 'tests/alerts.test.yaml'];

test('rules.generated.yaml is what slos.yaml generates', () => {
  assert.equal(read('rules.generated.yaml'), renderSloRules(read('slos.yaml')), 'run: node --import tsx deploy/observability/generate.ts');
});

test('promtool accepts the rule files and their unit tests pass', () => {
  assert.match(promtool('check', 'rules', ...RULE_FILES), /SUCCESS/);
  assert.match(promtool('test', 'rules', ...TEST_FILES), /SUCCESS/);
});

test('every alert has a test where it fires and one where it stays quiet, and a runbook', () => {
  const alerts = RULE_FILES.flatMap(rules).flatMap((r) => (r.alert === undefined ? [] : [r.alert]));
  assert.ok(alerts.length >= 13);
  const cases = TEST_FILES.flatMap((f) => (parse(read(f)) as { tests: Array<{ alert_rule_test?: Array<{ alertname: string; exp_alerts?: unknown[] }> }> }).tests)
    .flatMap((t) => t.alert_rule_test ?? []);
  for (const alert of alerts) {
    const own = cases.filter((c) => c.alertname === alert);
    assert.ok(own.some((c) => (c.exp_alerts ?? []).length > 0), `${alert} has a firing test`);
    assert.ok(own.some((c) => (c.exp_alerts ?? []).length === 0), `${alert} has a quiet test`);
    assert.ok(existsSync(`${runbooks}${alert}.md`), `docs/runbooks/${alert}.md exists`);
  }
});

// ---- dashboards ----

let h: TestApp;
let exported: Set<string>;
before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
  const text = (await h.app.inject({ method: 'GET', url: '/metrics' })).body;
  exported = new Set<string>();
  // Families from the TYPE lines, with the sample names each type has (OpenMetrics counters lose _total there).
  for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    const suffixes = type === 'histogram' ? ['_bucket', '_count', '_sum'] : type === 'counter' ? ['_total', ''] : [''];
    for (const s of suffixes) exported.add(`${name!}${s}`);
  }
  for (const r of RULE_FILES.flatMap(rules)) if (r.record !== undefined) exported.add(r.record);
});
after(() => h.close());

const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan']);

/** The metric names a PromQL expression reads. */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  return [...bare.matchAll(/(?<![\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\()?/g)].filter((m) => m[2] === undefined && !KEYWORDS.has(m[1]!.toLowerCase())).map((m) => m[1]!);
}

test('the metric names of a query are found (functions, labels, ranges and keywords are not names)', () => {
  assert.deepEqual(metricNames('histogram_quantile(0.95, sum by (le, action) (rate(companyos_action_duration_seconds_bucket{outcome="allowed"}[5m])))'), [
    'companyos_action_duration_seconds_bucket',
  ]);
  assert.deepEqual(metricNames('1 - slo:objective:ratio and on (slo) up offset 5m'), ['slo:objective:ratio', 'up']);
});

for (const file of readdirSync(`${dir}dashboards`).filter((f) => f.endsWith('.json'))) {
  test(`dashboard ${file}: valid structure, and every query names only metrics the server exports or the rules record`, () => {
    const d = JSON.parse(read(`dashboards/${file}`)) as {
      uid: string;
      title: string;
      schemaVersion: number;
      panels: Array<{ id: number; type: string; title: string; gridPos: { x: number; y: number; w: number; h: number }; targets: Array<{ refId: string; expr: string }> }>;
    };
    assert.match(d.uid, /^[a-z0-9-]{1,40}$/);
    assert.ok(d.title.length > 0 && Number.isInteger(d.schemaVersion));
    assert.ok(d.panels.length > 0);
    assert.equal(new Set(d.panels.map((p) => p.id)).size, d.panels.length, 'panel ids are unique');
    for (const p of d.panels) {
      assert.ok(p.title.length > 0 && ['timeseries', 'stat', 'gauge', 'table', 'bargauge'].includes(p.type), `${p.title}: a known panel type`);
      const { x, y, w, h: height } = p.gridPos;
      assert.ok(x >= 0 && y >= 0 && w > 0 && height > 0 && x + w <= 24, `${p.title}: fits the 24-column grid`);
      assert.ok(p.targets.length > 0);
      assert.equal(new Set(p.targets.map((t) => t.refId)).size, p.targets.length);
      for (const t of p.targets) {
        const names = metricNames(t.expr);
        assert.ok(names.length > 0, `${p.title}: ${t.expr} reads a metric`);
        for (const name of names) assert.ok(exported.has(name), `${p.title}: ${name} is not exported by the server nor recorded by the rules`);
      }
    }
  });
}
