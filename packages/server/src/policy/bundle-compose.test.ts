import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundleFromFiles } from './bundle.ts';
import { composeBundle, mergePatch } from './bundle-compose.ts';
import { dataChanges, moduleChanges } from './bundle-diff.ts';

const base = bundleFromFiles([
  { path: 'authz.rego', content: 'package companyos.authz' },
  { path: 'data.json', content: '{"roles":{"a":["x"]},"limits":{"n":1}}' },
]);

test('merge patch replaces, adds and removes keys and replaces arrays whole', () => {
  assert.deepEqual(mergePatch({ a: 1, b: { c: 2, d: 3 }, e: [1, 2] }, { a: null, b: { c: 9 }, e: [3], f: true }), { b: { c: 9, d: 3 }, e: [3], f: true });
});

test('a draft keeps the base modules, applies tenant module changes and patches the data', () => {
  const parent = composeBundle(base, base, { modules: { 'tenant/a.rego': 'package tenant.a', 'tenant/b.rego': 'package tenant.b' } }).bundle;
  const { bundle, problems } = composeBundle(base, parent, { modules: { 'tenant/b.rego': null }, data_patch: { limits: { n: 2 } } });
  assert.deepEqual(problems, []);
  assert.deepEqual(bundle.files.map((f) => f.path), ['authz.rego', 'data.json', 'tenant/a.rego']);
  assert.deepEqual(bundle.data, { roles: { a: ['x'] }, limits: { n: 2 } });
  assert.deepEqual(moduleChanges(parent, bundle), { added: [], removed: ['tenant/b.rego'], changed: [] });
  assert.deepEqual(dataChanges(parent.data, bundle.data), [{ path: '/limits/n', from: 1, to: 2 }]);
});

test('an empty draft over the base bundle is the base bundle, hash included', () => {
  assert.equal(composeBundle(base, base, {}).bundle.hash, base.hash);
});

test('tenant modules must live under tenant/, and data and data_patch exclude each other', () => {
  const { problems } = composeBundle(base, base, { modules: { 'authz.rego': 'package x', 'tenant/../x.rego': 'package x' }, data: {}, data_patch: {} });
  assert.equal(problems.length, 3);
});
