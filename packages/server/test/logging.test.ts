import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from '../src/logger.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

let h: TestApp;
before(async () => {
  h = await createTestApp({ logger: createLogger({ level: 'info', destination: sink }) });
});
after(() => h.close());

test('decisions are logged with the bundle hash, tenant and request id, and no credentials', async () => {
  const res = await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-engineer'], headers: { 'x-request-id': 'log-test-1' } });
  assert.equal(res.statusCode, 403);
  const decision = lines.find((l) => l.msg === 'policy decision' && l.request_id === 'log-test-1');
  assert.ok(decision, 'decision logged');
  assert.equal(decision.tenant_id, 'pilot-a');
  assert.match(String(decision.bundle_hash), /^[0-9a-f]{64}$/);
  assert.deepEqual((decision.result as { allow: boolean }).allow, false);
  const all = JSON.stringify(lines);
  assert.ok(!all.includes('Bearer '), 'no bearer token in logs');
  const requestLines = lines.filter((l) => l.request_id === 'log-test-1');
  assert.ok(requestLines.some((l) => l.msg === 'request completed' && l.tenant_id === 'pilot-a'));
});
