import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compile } from '@companyos/rego';
import { defaultPolicyDir } from '../config.ts';
import { bundleFromFiles, bundleHash, isTestModule, loadBundleDir, loadTestModules } from './bundle.ts';

test('the bundle hash covers paths and contents and ignores listing order', () => {
  const a = { path: 'a.rego', content: 'package a' };
  const b = { path: 'data.json', content: '{}' };
  assert.equal(bundleHash([a, b]), bundleHash([b, a]));
  assert.notEqual(bundleHash([a, b]), bundleHash([{ ...a, content: 'package a ' }, b]));
  assert.notEqual(bundleHash([a, b]), bundleHash([{ ...a, path: 'b.rego' }, b]));
  assert.equal(bundleFromFiles([b, a]).hash, bundleHash([a, b]));
});

test('the base bundle loads its modules at any depth and its data, without test files', () => {
  const bundle = loadBundleDir(defaultPolicyDir);
  const paths = bundle.files.map((f) => f.path);
  for (const p of ['authz.rego', 'export.rego', 'presentation.rego', 'high_risk/operations.rego', 'revops/discount_approvals.rego', 'data.json']) assert.ok(paths.includes(p), p);
  assert.ok(!paths.some(isTestModule));
  assert.deepEqual(bundle.tests, []);
  assert.ok((bundle.data as { roles: Record<string, string[]> }).roles.CompanyAdmin!.includes('tenant.config.update'));
  const tests = loadTestModules(defaultPolicyDir).map((m) => m.file);
  assert.ok(tests.includes('authz_test.rego') && tests.includes('high_risk/operations_test.rego'));
});

test('JSON files hash by their canonical form, so spelling does not change the hash', () => {
  const rego = { path: 'a.rego', content: 'package a' };
  assert.equal(bundleHash([rego, { path: 'data.json', content: '{"b":1,"a":[1,2]}' }]), bundleHash([rego, { path: 'data.json', content: '{\n  "a": [1, 2],\n  "b": 1\n}' }]));
  assert.notEqual(bundleHash([rego, { path: 'data.json', content: '{"a":[2,1]}' }]), bundleHash([rego, { path: 'data.json', content: '{"a":[1,2]}' }]));
});

test('test modules travel with a bundle but never decide', () => {
  const bundle = bundleFromFiles([
    { path: 'a.rego', content: 'package a' },
    { path: 'tenant/a_test.rego', content: 'package a_test' },
  ]);
  assert.deepEqual(bundle.modules.map((m) => m.file), ['a.rego']);
  assert.deepEqual(bundle.tests.map((m) => m.file), ['tenant/a_test.rego']);
});

test('the base policy passes its own Rego tests, 5 or more per domain module', () => {
  const bundle = loadBundleDir(defaultPolicyDir);
  const report = compile([...bundle.modules, ...loadTestModules(defaultPolicyDir)], { data: bundle.data }).test();
  const failures = report.results.filter((r) => r.status !== 'pass').map((r) => `${r.name}: ${r.status} ${r.error ?? ''}`);
  assert.deepEqual(failures, []);
  const perFile = new Map<string, number>();
  for (const r of report.results) perFile.set(r.file, (perFile.get(r.file) ?? 0) + 1);
  for (const file of ['authz_test.rego', 'export_test.rego', 'presentation_test.rego', 'high_risk/operations_test.rego', 'revops/discount_approvals_test.rego']) {
    const n = perFile.get(file) ?? 0;
    assert.ok(n >= 5, `${file} has ${n} tests`);
  }
});
