import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { startServer } from '../src/http/server.ts';
import { DevIssuer } from '../src/identity/dev-issuer.ts';
import { createLogger } from '../src/logger.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { FakeClock } from '../src/util/clock.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

// A listening server (not inject): these refusals come from Node's HTTP parser and timers, before
// any route runs, and must still be problem+json.
let t: TestDatabase;
let app: FastifyInstance;
let port: number;
const clock = new FakeClock('2026-03-02T09:00:00.000Z');
const issuerKey = generateKeyPairSync('ed25519').privateKey;
const issuer = new DevIssuer(issuerKey, clock);

before(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, { clock });
  app = await startServer({
    database: t.db,
    clock,
    devIssuer: issuer,
    logger: createLogger({ level: 'silent' }),
    config: { port: 0, host: '127.0.0.1', requestTimeoutMs: 1_000 },
    handleSignals: false,
  });
  port = (app.server.address() as AddressInfo).port;
});
after(async () => {
  await app.close();
  await t.close();
});

/** Sends raw bytes (optionally stalling after them) and returns everything the server answers before closing. */
function raw(bytes: string | Buffer, o: { keepOpen?: boolean } = {}): Promise<{ status: number; headers: string; body: string; elapsedMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body, elapsedMs: Date.now() - started });
    });
    socket.write(bytes);
    if (o.keepOpen !== true) socket.end();
  });
}

function assertProblem(res: { status: number; headers: string; body: string }, status: number, slug: string): void {
  assert.equal(res.status, status, res.headers);
  assert.match(res.headers, /content-type: application\/problem\+json/i);
  const body = JSON.parse(res.body) as Record<string, unknown>;
  assert.equal(body.type, `https://companyos.dev/problems/${slug}`);
  assert.equal(body.status, status);
  assert.equal(typeof body.detail, 'string');
}

test('a request body that stalls is answered 408 problem+json once the request timeout passes, not held open', async () => {
  const token = await issuer.mint({ tenant: 'pilot-a', subject: 'user-admin' });
  const res = await raw(
    `POST /api/v1/subjects HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"subject_id":`,
    { keepOpen: true },
  );
  assertProblem(res, 408, 'request-timeout');
  assert.ok(res.elapsedMs >= 900 && res.elapsedMs < 5_000, `answered after ${res.elapsedMs} ms`);
});

test('headers that never end are answered 408 problem+json', async () => {
  const res = await raw('GET /api/v1/subjects HTTP/1.1\r\nHost: x\r\nX-Slow: 1\r\n', { keepOpen: true });
  assertProblem(res, 408, 'request-timeout');
});

test('a bad Content-Length is 400 problem+json', async () => {
  assertProblem(await raw('POST /api/v1/subjects HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'), 400, 'invalid-request');
  const both = await raw('POST /api/v1/subjects HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n');
  assertProblem(both, 400, 'invalid-request');
});

test('oversized headers are 431 problem+json', async () => {
  const res = await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
  assertProblem(res, 431, 'headers-too-large');
});

test('bytes the parser refuses in the path are 400 problem+json', async () => {
  const res = await raw(Buffer.concat([Buffer.from('GET /api/v1/sub'), Buffer.from([0x01, 0x7f]), Buffer.from('jects HTTP/1.1\r\nHost: x\r\n\r\n')]));
  assertProblem(res, 400, 'invalid-request');
  // Bytes the parser lets through but the router cannot decode are refused by the router, also as problem+json.
  const undecodable = await fetch(`http://127.0.0.1:${port}/api/v1/tenants/%E0%A4%A/config`);
  assert.equal(undecodable.status, 400);
  assert.match(String(undecodable.headers.get('content-type')), /problem\+json/);
});

test('a token issued a year in the future is refused; a minute of clock skew is tolerated', async () => {
  const call = async (token: string) => fetch(`http://127.0.0.1:${port}/api/v1/subjects`, { headers: { authorization: `Bearer ${token}` } });
  const ahead = new DevIssuer(issuerKey, new FakeClock(new Date(clock.now().getTime() + 365 * 86_400_000).toISOString()));
  const future = await call(await ahead.mint({ tenant: 'pilot-a', subject: 'user-admin', ttl: 400 * 86_400 }));
  assert.equal(future.status, 401);
  assert.match(String(future.headers.get('content-type')), /problem\+json/);
  assert.match(((await future.json()) as { detail: string }).detail, /issued in the future/);
  const skewed = new DevIssuer(issuerKey, new FakeClock(new Date(clock.now().getTime() + 30_000).toISOString()));
  assert.equal((await call(await skewed.mint({ tenant: 'pilot-a', subject: 'user-admin' }))).status, 200);
});
