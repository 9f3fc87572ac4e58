import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleNames, bundleRefProblems } from './bundle-refs.ts';

test('bundles are the folders with a data document', () => {
  const dir = mkdtempSync(join(tmpdir(), 'policies-'));
  for (const name of ['base', 'acme', 'notes']) mkdirSync(join(dir, name));
  writeFileSync(join(dir, 'base', 'data.json'), '{}');
  writeFileSync(join(dir, 'acme', 'data.json'), '{}');
  writeFileSync(join(dir, 'README.md'), '');
  assert.deepEqual(bundleNames(dir), ['acme', 'base']);
});

test('a missing bundle and an unused bundle are both problems', () => {
  assert.deepEqual(bundleRefProblems([{ tenant_id: 'a', policy_bundle_ref: 'base' }], ['base']), []);
  assert.deepEqual(
    bundleRefProblems(
      [
        { tenant_id: 'a', policy_bundle_ref: 'base' },
        { tenant_id: 'b', policy_bundle_ref: 'gone' },
      ],
      ['base', 'orphan'],
    ),
    ['tenant b references the missing bundle gone', 'bundle orphan belongs to no tenant'],
  );
});
