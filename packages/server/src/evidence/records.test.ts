import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleBundle, syntheticAuditEvents, syntheticDecisions } from './golden/synthetic.ts';
import { normalizeFilters, normalizeWindow, RecordChecker } from './records.ts';

const window = normalizeWindow({ from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' });
const [event] = [...syntheticAuditEvents('t1', window, 1)];
const bundle = sampleBundle(1);
const [decision] = [...syntheticDecisions('t1', window, 1, [bundle.bundle_hash])];

test('windows and filters normalize to one spelling', () => {
  assert.deepEqual(normalizeWindow({ from: '2026-03-01T01:00:00+01:00', to: '2026-03-02T00:00:00.000Z' }), window);
  assert.throws(() => normalizeWindow({ from: '2026-03-01', to: '2026-03-02T00:00:00Z' }), /ISO 8601/);
  assert.throws(() => normalizeWindow({ from: window.to, to: window.to }), /end after it starts/);
  assert.deepEqual(normalizeFilters({ actors: ['b', 'a', 'b'], actions: [], outcome: 'allowed' }), { actors: ['a', 'b'], outcome: 'allowed' });
  assert.throws(() => normalizeFilters({ outcome: 'maybe' as 'allowed' }), /allowed or denied/);
});

test('the window is half-open: from is in, to is out', () => {
  const checker = new RecordChecker('t1', window, {});
  assert.equal(checker.check('audit_events', { ...event, occurred_at: window.from }), undefined);
  assert.equal(checker.check('audit_events', { ...event, occurred_at: '2026-03-01T23:59:59.999Z' }), undefined);
  assert.equal(checker.check('audit_events', { ...event, occurred_at: window.to })?.code, 'record.window');
  assert.equal(checker.check('audit_events', { ...event, occurred_at: '2026-02-28T23:59:59.999Z' })?.code, 'record.window');
  assert.equal(checker.check('audit_events', { ...event, occurred_at: 'yesterday' })?.code, 'record.invalid');
});

test('every filter must match, and a record without the field does not', () => {
  const byActor = new RecordChecker('t1', window, { actors: [event!.actor!] });
  assert.equal(byActor.check('audit_events', event), undefined);
  assert.equal(byActor.check('audit_events', { ...event, actor: 'user:eve' })?.code, 'record.filter');
  assert.equal(byActor.check('audit_events', { ...event, actor: null })?.code, 'record.filter');
  const byAction = new RecordChecker('t1', window, { actions: ['x'] });
  assert.equal(byAction.check('audit_events', { ...event, action: 'x' }), undefined);
  assert.equal(byAction.check('audit_events', { ...event, action: null })?.code, 'record.filter');
  const denied = new RecordChecker('t1', window, { outcome: 'denied' });
  assert.equal(denied.check('audit_events', { ...event, decision: 'deny' }), undefined);
  assert.equal(denied.check('audit_events', { ...event, decision: 'allow' })?.code, 'record.filter');
  assert.equal(denied.check('audit_events', { ...event, decision: null })?.code, 'record.filter');
  assert.equal(denied.check('audit_events', { ...event, decision: 'maybe' })?.code, 'record.invalid');
});

test('records of another tenant or without an id are refused', () => {
  const checker = new RecordChecker('t1', window, {});
  assert.equal(checker.check('audit_events', { ...event, tenant_id: 't2' })?.code, 'record.tenant');
  assert.equal(checker.check('audit_events', { ...event, tenant_id: undefined })?.code, 'record.tenant');
  assert.equal(checker.check('audit_events', { ...event, event_id: '' })?.code, 'record.invalid');
  assert.equal(checker.check('audit_events', [event])?.code, 'record.invalid');
  assert.equal(checker.check('receipts', { receipt: null })?.code, 'record.invalid');
});

test('decisions cite bundles carried before them, whose content matches their hash', () => {
  const checker = new RecordChecker('t1', window, {});
  assert.equal(checker.check('decisions', decision)?.code, 'bundle.missing');
  assert.equal(checker.check('bundles', { ...bundle, files: [{ path: 'x.rego', content: 'package x' }] })?.code, 'bundle.hash');
  assert.equal(checker.check('bundles', { ...bundle, files: 'nope' })?.code, 'record.invalid');
  // A data.json altered into invalid JSON is a failed check, never a crash of the verifier.
  assert.equal(checker.check('bundles', { ...bundle, files: [{ path: 'data.json', content: '{"a": "line\nbreak"}' }] })?.code, 'bundle.hash');
  assert.equal(checker.check('bundles', bundle), undefined);
  assert.equal(checker.check('bundles', bundle)?.code, 'record.invalid');
  assert.equal(checker.check('decisions', decision), undefined);
  assert.equal(checker.check('decisions', { ...decision, allow: 'yes' })?.code, 'record.invalid');
});
