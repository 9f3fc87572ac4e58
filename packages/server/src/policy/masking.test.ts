import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyMaskRules } from './masking.ts';

const input = { subject: { id: 'u', attributes: { email: 'u@x.example', region: 'eu' } }, resource: { ssn: '123' }, context: { request_id: 'r' } };

test('remove and upsert rules rewrite a copy and are reported as erased and masked', () => {
  const out = applyMaskRules(
    ['/input/resource', { op: 'upsert', path: '/input/subject/attributes/email', value: '***' }, { op: 'remove', path: '/result/obligations' }],
    input,
    { allow: true, obligations: { redaction: 'strict' } },
  );
  assert.deepEqual(out.input, { subject: { id: 'u', attributes: { email: '***', region: 'eu' } }, context: { request_id: 'r' } });
  assert.deepEqual(out.result, { allow: true });
  assert.deepEqual(out.erased, ['/input/resource', '/result/obligations']);
  assert.deepEqual(out.masked, ['/input/subject/attributes/email']);
  // The decision itself is untouched.
  assert.equal(input.resource.ssn, '123');
});

test('rules for paths that do not exist change nothing', () => {
  const out = applyMaskRules(['/input/nothing/here', '/input/subject/none'], input, {});
  assert.deepEqual(out.input, input);
  assert.deepEqual(out.erased, []);
});

test('pointer escapes address keys with / and ~', () => {
  const out = applyMaskRules(['/input/a~1b', '/input/c~0d'], { 'a/b': 1, 'c~d': 2, e: 3 }, {});
  assert.deepEqual(out.input, { e: 3 });
});

test('only the objects on a rule path are copied, each once, and the decision keeps its own', () => {
  const decision = { subject: { id: 'u', attributes: { email: 'e', phone: 'p' } }, resource: { tags: ['a', { secret: 's' }] }, context: { request_id: 'r' } };
  const out = applyMaskRules(['/input/subject/attributes/email', '/input/subject/attributes/phone', '/input/resource/tags/1/secret'], decision, {});
  assert.deepEqual(out.input, { subject: { id: 'u', attributes: {} }, resource: { tags: ['a', {}] }, context: { request_id: 'r' } });
  assert.deepEqual(decision, { subject: { id: 'u', attributes: { email: 'e', phone: 'p' } }, resource: { tags: ['a', { secret: 's' }] }, context: { request_id: 'r' } });
  const masked = out.input as typeof decision;
  assert.equal(masked.context, decision.context, 'an object off every rule path is shared');
  assert.notEqual(masked.subject.attributes, decision.subject.attributes);
});
