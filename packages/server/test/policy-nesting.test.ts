import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { MAX_NESTING_DEPTH } from '@companyos/rego';
import { createTestApp, type TestApp } from './support/test-app.ts';

// Nesting is hostile input: what the API accepts never overflows a recursive walk, and what
// nests too deeply is refused as 400 nesting-too-deep, through the HTTP API.
let h: TestApp;
const admin: [string, string] = ['pilot-a', 'user-admin'];
const NESTING_TYPE = 'https://companyos.dev/problems/nesting-too-deep';

before(async () => {
  h = await createTestApp();
});
after(() => h.close());

const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number, leaf = '1') => '{"a":'.repeat(n) + leaf + '}'.repeat(n);
const module = (expr: string) => JSON.stringify({ 'tenant/deep.rego': `package tenant.deep\n\np := ${expr}\n\nq := input\n` });

/** POSTs raw JSON text, which the test never parses or stringifies itself. */
const post = (url: string, text: string, headers: Record<string, string> = {}) =>
  h.call('POST', url, { as: admin, stepUp: true, body: text, headers: { 'content-type': 'application/json', ...headers } });

function assertNestingProblem(res: { statusCode: number; body: string; headers: Record<string, unknown> }, detail: RegExp): void {
  assert.equal(res.statusCode, 400, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const problem = JSON.parse(res.body) as { type: string; detail: string; max_depth: number };
  assert.equal(problem.type, NESTING_TYPE, res.body.slice(0, 500));
  assert.match(problem.detail, detail);
  assert.equal(problem.max_depth, MAX_NESTING_DEPTH);
}

test('20,000 levels of JSON are refused as 400 wherever a body carries them, and nothing is written', async () => {
  const versionsBefore = (await h.call('GET', '/api/v1/policy/versions', { as: admin })).json().versions as unknown[];
  const bodies: [string, string][] = [
    ['/api/v1/policy/simulate', `{"inputs":[${deepArray(20_000)}]}`],
    ['/api/v1/policy/simulate', `{"inputs":[${deepObject(20_000)}]}`],
    ['/api/v1/policy/simulate', `{"draft":{"data_patch":{"x":${deepObject(20_000)}}},"inputs":[{}]}`],
    ['/api/v1/policy/versions', `{"message":"deep patch","data_patch":{"x":${deepObject(20_000)}}}`],
    ['/api/v1/policy/diff', `{"to":"base","fixtures":[${deepObject(20_000)}]}`],
  ];
  for (const [url, text] of bodies) assertNestingProblem(await post(url, text), /JSON body nests arrays and objects deeper than 256 levels/);
  // Compressed, the same body is refused the same way after decompression.
  const gz = await post('/api/v1/policy/simulate', gzipSync(`{"inputs":[${deepArray(20_000)}]}`) as unknown as string, { 'content-encoding': 'gzip' });
  assertNestingProblem(gz, /deeper than 256/);
  const versionsAfter = (await h.call('GET', '/api/v1/policy/versions', { as: admin })).json().versions as unknown[];
  assert.equal(versionsAfter.length, versionsBefore.length);
});

test('50,000 nested parentheses (or brackets, braces, minus signs) in a module are refused as 400, on simulate and on propose', async () => {
  const n = 50_000;
  for (const expr of ['('.repeat(n) + '1' + ')'.repeat(n), '['.repeat(n) + '1' + ']'.repeat(n), '{1:'.repeat(40_000) + '1' + '}'.repeat(40_000), '- '.repeat(n) + '1']) {
    assertNestingProblem(await post('/api/v1/policy/simulate', `{"draft":{"modules":${module(expr)}},"path":"tenant.deep.p","inputs":[{}]}`), /a module nests .* deeper than 256 levels \(tenant\/deep\.rego:3\)/);
  }
  const propose = await post('/api/v1/policy/versions', `{"message":"deep module","modules":${module('('.repeat(n) + '1' + ')'.repeat(n))}}`);
  assertNestingProblem(propose, /a module nests/);
});

test('nesting within the limits is evaluated: deep input, deep data patches and deeply nested modules', async () => {
  const depth = MAX_NESTING_DEPTH - 6;
  const half = depth / 2;
  const expr = '('.repeat(half) + '[' + deepObject(half, '1') + ']' + ')'.repeat(half);
  const res = await post(
    '/api/v1/policy/simulate',
    `{"draft":{"modules":${module(expr)},"data_patch":{"deep":${deepObject(depth)}}},"path":"tenant.deep.q","inputs":[${deepObject(depth, '"leaf"')}]}`,
  );
  assert.equal(res.statusCode, 200, res.body);
  let v = res.json().results[0].result as unknown;
  for (let i = 0; i < depth; i++) v = (v as { a: unknown }).a;
  assert.equal(v, 'leaf');
  const p = await post('/api/v1/policy/simulate', `{"draft":{"modules":${module(expr)}},"path":"tenant.deep.p","inputs":[{}]}`);
  assert.equal(p.statusCode, 200, p.body);
  let w = (p.json().results[0].result as unknown[])[0];
  for (let i = 0; i < half; i++) w = (w as { a: unknown }).a;
  assert.equal(w, 1);
  // The server still answers everyone else.
  assert.equal((await h.call('GET', '/api/v1/policy/versions', { as: ['pilot-b', 'user-admin'] })).statusCode, 200);
});
