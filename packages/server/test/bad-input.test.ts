import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import type { LightMyRequestResponse } from 'fastify';
import { allActions } from '../src/actions.ts';
import { currentTx } from '../src/context.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { PROBLEM_BASE, problemTypes } from '../src/http/problem.ts';
import { DEV_AUDIENCE, DEV_ISSUER } from '../src/identity/dev-issuer.ts';
import { updateSubject } from '../src/identity/subjects.ts';
import { loadBundleDir } from '../src/policy/bundle.ts';
import { defaultPolicyDir } from '../src/config.ts';
import type { AnyAction } from '../src/pipeline/define-action.ts';
import { API_PREFIX, PUBLIC_ROUTES } from '../src/pipeline/registrar.ts';
import { corrupted, hostileString, rawBodies, type RawBody } from './support/bad-input-arbitraries.ts';
import { tenantTables } from './isolation-harness.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// Generated bad input against every route. A failure prints its seed and path; rerun it with
// BAD_INPUT_SEED=<seed>, and search wider with BAD_INPUT_SEED=<n> BAD_INPUT_RUNS=<multiplier>.

// The tenant every request acts as (or against); its admin holds every role of the catalog, so
// inputs, not permissions, decide what is refused.
const VICTIM = 'pilot-b';
const SEED = Number(process.env.BAD_INPUT_SEED ?? 20260302);
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 1);

let h: TestApp;
let adminToken: string;
let tables: string[];

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
  const roles = Object.keys((loadBundleDir(defaultPolicyDir).data as { roles: Record<string, unknown> }).roles);
  await withTenantTransaction(h.t.db, VICTIM, () => updateSubject('user-admin', { roles }, h.clock.now()));
  adminToken = await h.token(VICTIM, 'user-admin', { stepUp: true, ttl: 86_400 });
  tables = await tenantTables(h.t.db);
});
after(() => h.close());

/** Row counts of every tenant table of the victim, the allowed-action audit events counted apart. */
async function counts(): Promise<Record<string, number>> {
  return withTenantTransaction(h.t.db, VICTIM, async () => {
    // Decisions are metered with the decision log (written on refusals too), apart from the action's usage event.
    // A logged decision is also linked from its bundle's Policy entity, written with it.
    const apart: Record<string, string> = { usage_events: ` WHERE meter <> 'policy_decision'`, relationships: ` WHERE NOT (type = 'GOVERNS' AND to_id LIKE 'decision:%')` };
    const parts = tables.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM ${t}${apart[t] ?? ''}`);
    parts.push(`SELECT 'audit_events:allowed' AS t, count(*)::int AS n FROM audit_events WHERE type = 'action.allowed'`);
    const rows = await currentTx().query<{ t: string; n: number }>(parts.join(' UNION ALL '));
    return Object.fromEntries(rows.map((r) => [r.t, r.n]));
  });
}

// The app's background work is off, so nothing writes between two requests of a property: the
// counts after one are the counts before the next. They are read afresh when the last request did
// not get as far as counting, and at the start of each test.
let settled: Record<string, number> | undefined;
beforeEach(() => {
  settled = undefined;
});
async function countsBefore(): Promise<Record<string, number>> {
  const known = settled;
  settled = undefined;
  return known ?? counts();
}
async function countsAfter(): Promise<Record<string, number>> {
  settled = await counts();
  return settled;
}

// Written on refusals too, by design: denials are audited, every decision is logged, and a flag
// evaluation counts as use even when the action it guarded is refused. Logged decisions are also
// entities of the graph, written with them, and the bundle a logged decision cites is archived with
// it the first time. A caller's first request, refused or not, makes the data key whose id names
// them by pseudonym in what it records (the refusal's audit event included).
const REFUSAL_RECORDS = new Set(['audit_events', 'policy_decisions', 'flag_usage', 'entities', 'policy_bundle_contents', 'subject_data_keys']);

function assertWholeEffect(label: string, status: number, before: Record<string, number>, after: Record<string, number>): void {
  if (status >= 400) {
    for (const [table, n] of Object.entries(before)) {
      if (!REFUSAL_RECORDS.has(table)) assert.equal(after[table], n, `${label}: a refused request changed ${table}`);
    }
    return;
  }
  // An allowed request leaves its receipt, audit event and usage event together.
  for (const table of ['receipts', 'audit_events:allowed', 'usage_events']) {
    assert.equal(after[table], before[table]! + 1, `${label}: an allowed request must add exactly one row to ${table}`);
  }
}

const LEAKS = [/\n\s+at /, /node_modules/, /\.ts:\d+/, /\bat async\b/, /SELECT |INSERT |UPDATE .* SET|relation "|syntax error at/i, /Error: /, /violates .* constraint/];

/** `sent`: what the request itself carried, which a refusal may echo back without leaking anything. */
function assertWellFormed(label: string, res: LightMyRequestResponse, sent: string[] = []): void {
  assert.ok(res.statusCode < 500, `${label}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  if (res.statusCode >= 400) {
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/, label);
    const body = res.json() as { type?: unknown; status?: unknown };
    assert.equal(typeof body.type, 'string', label);
    const slug = (body.type as string).slice(PROBLEM_BASE.length);
    assert.ok((body.type as string).startsWith(PROBLEM_BASE) && slug in problemTypes, `${label}: unstable type ${String(body.type)}`);
    assert.equal(body.status, res.statusCode, label);
  }
  // A success may return stored data, hostile strings from earlier requests included.
  if (res.statusCode < 400) return;
  let body = res.body.slice(0, 200_000);
  for (const echo of sent.filter((x) => x.length > 0)) body = body.split(echo).join('');
  for (const leak of LEAKS) assert.doesNotMatch(body, leak, `${label}: internal text in the body`);
}

// `::` is a literal colon (`/entities::batch`), not a parameter.
const paramNames = (path: string): string[] => [...path.matchAll(/::|:([A-Za-z]+)/g)].flatMap((m) => (m[1] === undefined ? [] : [m[1]]));

/** A path parameter: a plausible value of the victim, or a hostile string. */
const paramValue = fc.oneof(fc.constantFrom(VICTIM, 'pilot-a', 'no-such-tenant', '1', '0', '-1', 'user-admin', '019a0000-0000-7000-8000-000000000000'), hostileString);

/** Percent-encodes a path segment; a lone surrogate goes out as its (invalid) UTF-8 bytes. */
function segment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

function urlFor(path: string, params: Record<string, string>, query: string): string {
  const filled = path.replace(/::|:([A-Za-z]+)/g, (_, name: string | undefined) => (name === undefined ? ':' : segment(params[name] ?? 'x')));
  return `${filled}${query}`;
}

const queryString = (action: AnyAction): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant(''),
    corrupted(action.query as Record<string, unknown> | undefined).map((q) =>
      q !== null && typeof q === 'object' && !Array.isArray(q)
        ? `?${new URLSearchParams(Object.entries(q).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')])).toString()}`
        : '',
    ),
    fc.constantFrom('?limit=-1', '?limit=1e999', '?limit=abc', '?cursor=%00', '?from=not-a-date', '?a=1&a=2&a=3', '?%E0%A4%A=1', '?limit[]=1'),
  );

type Body = { kind: 'json'; value: unknown } | { kind: 'raw'; raw: RawBody } | { kind: 'none' };

// Built once for every action: making a JSON arbitrary costs more than drawing a value from it.
const anyJsonBody = fc.jsonValue({ maxDepth: 3 }).map((value): Body => ({ kind: 'json', value }));

const bodyFor = (action: AnyAction): fc.Arbitrary<Body> =>
  fc.oneof(
    { weight: 4, arbitrary: corrupted(action.input as Record<string, unknown> | undefined).map((value): Body => (value === undefined ? { kind: 'none' } : { kind: 'json', value })) },
    { weight: 2, arbitrary: rawBodies.map((raw): Body => ({ kind: 'raw', raw })) },
    { weight: 1, arbitrary: anyJsonBody },
  );

const request = (action: AnyAction) =>
  fc.record({
    params: fc.record(Object.fromEntries(paramNames(action.path).map((n) => [n, paramValue]))) as fc.Arbitrary<Record<string, string>>,
    query: queryString(action),
    body: bodyFor(action),
  });

async function send(method: string, url: string, authorization: string | undefined, body: Body): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
  if (body.kind === 'raw') headers['content-type'] = body.raw.contentType;
  const payload = body.kind === 'json' ? JSON.stringify(body.value) : body.kind === 'raw' ? body.raw.payload : undefined;
  if (body.kind === 'json') headers['content-type'] = 'application/json';
  return h.app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined && method !== 'GET' && method !== 'DELETE' ? { payload } : {}) });
}

const params = { seed: SEED, verbose: 1, includeErrorInReport: true } as const;

test('every action: malformed, wrongly typed, unknown, huge, nested and hostile inputs are refused cleanly or applied whole', async () => {
  const perAction = Math.max(2, 12 * RUNS);
  const statuses = new Map<number, number>();
  for (const action of allActions) {
    const method = action.method;
    await fc.assert(
      fc.asyncProperty(request(action), async (r) => {
        const url = urlFor(`${API_PREFIX}${action.path}`, r.params, r.query);
        const label = `${action.name} ${method} ${url.slice(0, 120)}`;
        const before = await countsBefore();
        const res = await send(method, url, `Bearer ${adminToken}`, r.body);
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        assertWellFormed(label, res, [url, ...Object.values(r.params)]);
        assertWholeEffect(label, res.statusCode, before, await countsAfter());
      }),
      { ...params, numRuns: perAction },
    );
  }
  // The inputs reach both sides: some are applied (so whole effects were checked), most refused.
  const count = (from: number, to: number) => [...statuses].filter(([s]) => s >= from && s < to).reduce((n, [, c]) => n + c, 0);
  assert.ok(count(200, 300) > 0 && count(400, 500) > count(200, 300), JSON.stringify([...statuses]));
});

/** Bearer credentials that must all be refused. */
async function badCredentials(): Promise<Record<string, string | undefined>> {
  const foreign = generateKeyPairSync('ed25519').privateKey;
  const nowS = Math.floor(h.clock.now().getTime() / 1000);
  const signed = (claims: { iss?: string; aud?: string; exp?: number; tenant?: string; sub?: string }, key = foreign, kid = h.issuer.kid) =>
    new SignJWT({ tenant_id: claims.tenant ?? VICTIM, acr: 'urn:companyos:acr:step-up', amr: ['pwd', 'otp'], auth_time: nowS })
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
      .setIssuer(claims.iss ?? DEV_ISSUER)
      .setAudience(claims.aud ?? DEV_AUDIENCE)
      .setSubject(claims.sub ?? 'user-admin')
      .setIssuedAt(nowS)
      .setExpirationTime(claims.exp ?? nowS + 3600)
      .sign(key);
  const valid = await h.token(VICTIM, 'user-admin', { stepUp: true });
  const [header, payload] = valid.split('.');
  return {
    none: undefined,
    empty: '',
    'not bearer': `Basic ${Buffer.from('admin:admin').toString('base64')}`,
    garbage: 'Bearer not.a.jwt',
    'alg none': `Bearer ${header}.${payload}.`,
    'tampered payload': `Bearer ${header}.${Buffer.from(JSON.stringify({ tenant_id: 'internal', sub: 'user-platform-operator' })).toString('base64url')}.${valid.split('.')[2]}`,
    'foreign key': `Bearer ${await signed({})}`,
    expired: `Bearer ${await h.token(VICTIM, 'user-admin', { stepUp: true, ttl: -60 })}`,
    'wrong issuer (foreign key)': `Bearer ${await signed({ iss: 'https://evil.example.com' })}`,
    'wrong audience (foreign key)': `Bearer ${await signed({ aud: 'someone-else' })}`,
    'unknown tenant': `Bearer ${await h.token('no-such-tenant', 'user-admin', { stepUp: true })}`,
    'unknown subject': `Bearer ${await h.token(VICTIM, 'no-such-user', { stepUp: true })}`,
    'hostile tenant': `Bearer ${await h.token("pilot-b' OR '1'='1", 'user-admin', { stepUp: true })}`,
    'hostile subject': `Bearer ${await h.token(VICTIM, '../../user-admin\u0000', { stepUp: true })}`,
    'fake api key': 'Bearer cos_00000000_000000000000000000000000',
    'huge token': `Bearer ${'a'.repeat(100_000)}`,
  };
}

test('every action: bad, expired, forged, wrong-issuer and wrong-tenant credentials are refused with no effect', async () => {
  const creds = await badCredentials();
  const kinds = Object.keys(creds);
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...allActions.map((a) => a.name)), fc.constantFrom(...kinds), paramValue, async (name, kind, param) => {
      const action = allActions.find((a) => a.name === name)!;
      const url = urlFor(`${API_PREFIX}${action.path}`, Object.fromEntries(paramNames(action.path).map((n) => [n, param])), '');
      const label = `${action.name} with ${kind} credential`;
      const before = await countsBefore();
      const res = await send(action.method, url, creds[kind], action.input === undefined ? { kind: 'none' } : { kind: 'json', value: {} });
      assertWellFormed(label, res, [url, param]);
      // An undecodable URL, or a segment too long for any route, is refused before the credential is looked at.
      const unrouted = (res.statusCode === 400 && url.includes('%ED%A0%80')) || (res.statusCode === 400 && param.length > 256);
      assert.ok([401, 403].includes(res.statusCode) || unrouted, `${label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      assertWholeEffect(label, res.statusCode, before, await countsAfter());
    }),
    { ...params, numRuns: 60 * RUNS },
  );
});

test('public routes and unknown paths never fail on hostile input', async () => {
  const publicGets = [...PUBLIC_ROUTES].filter((p) => !p.endsWith('/sign-in'));
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(fc.constantFrom(...publicGets), fc.constantFrom('/api/v1/../../etc/passwd', '/api/v1/%2e%2e/%2e%2e', '/api/v1/tenants/%00', '/api/v1/nope', '//', '/api/v1/tenants/%E0%A4%A')),
      paramValue,
      fc.constantFrom('GET', 'POST', 'DELETE', 'PUT'),
      async (route, param, method) => {
        const url = route.replace(/:([A-Za-z]+)/g, () => segment(param));
        const res = await send(method, url, undefined, { kind: 'none' });
        assertWellFormed(`${method} ${url}`, res, [url, param]);
      },
    ),
    { ...params, numRuns: 40 * RUNS },
  );
  await fc.assert(
    fc.asyncProperty(bodyFor({ input: undefined } as unknown as AnyAction), paramValue, async (body, subject) => {
      const value = body.kind === 'json' && body.value !== null && typeof body.value === 'object' ? { tenant: subject, subject, ...body.value } : undefined;
      const res = await send('POST', `${API_PREFIX}/dev/sign-in`, undefined, value === undefined ? body : { kind: 'json', value });
      assertWellFormed(`POST /dev/sign-in ${JSON.stringify(value ?? body.kind).slice(0, 80)}`, res);
    }),
    { ...params, numRuns: 20 * RUNS },
  );
});

test('regressions the generated inputs found stay fixed', async () => {
  const as = `Bearer ${adminToken}`;
  // A NUL byte in a stored field is a client mistake (PostgreSQL text cannot hold it), not a 500.
  const nul = await send('POST', `${API_PREFIX}/subjects`, as, { kind: 'json', value: { subject_id: 'nul-byte', display_name: 'a\u0000b', roles: [] } });
  assert.equal(nul.statusCode, 400, nul.body);
  assert.equal(nul.json().type, `${PROBLEM_BASE}invalid-request`);
  // A signed token whose subject holds a NUL byte names no subject.
  const nulSubject = await send('GET', `${API_PREFIX}/subjects`, `Bearer ${await h.token(VICTIM, 'user-admin\u0000', { stepUp: true })}`, { kind: 'none' });
  assert.equal(nulSubject.statusCode, 401, nulSubject.body);
  // An empty tenant segment is a cross-tenant attempt, audited in the caller's own tenant.
  const empty = await send('GET', `${API_PREFIX}/tenants//config`, as, { kind: 'none' });
  assert.equal(empty.statusCode, 403, empty.body);
  assert.equal(empty.json().type, `${PROBLEM_BASE}tenant-isolation`);
  // Undecodable and overlong URLs are problems too.
  for (const url of [`${API_PREFIX}/tenants/%E0%A4%A/config`, `${API_PREFIX}/subjects/${'x'.repeat(300)}`]) {
    const res = await send('GET', url, as, { kind: 'none' });
    assert.equal(res.statusCode, 400, url);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  }
  // The longest subject id the schema accepts can be addressed.
  const longId = `s${'x'.repeat(127)}`;
  const created = await send('POST', `${API_PREFIX}/subjects`, as, { kind: 'json', value: { subject_id: longId, display_name: 'Long', roles: [] } });
  assert.equal(created.statusCode, 201, created.body);
  const got = await send('GET', `${API_PREFIX}/subjects/${longId}`, as, { kind: 'none' });
  assert.equal(got.statusCode, 200, got.body);
});
