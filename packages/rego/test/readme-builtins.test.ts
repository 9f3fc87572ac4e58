// The README's builtin list is generated from the registry; this fails when they drift apart.

import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinsMarkdown, README_PATH, readmeBuiltins, replaceReadmeBuiltins } from '../src/cli/list-builtins.ts';

it('README lists exactly the builtins of the default registry', () => {
  const listed = readmeBuiltins(readFileSync(README_PATH, 'utf8'));
  assert.notEqual(listed, undefined, 'README.md has no builtins block');
  assert.equal(
    listed,
    builtinsMarkdown(),
    'README builtin list is stale: run `node --import tsx packages/rego/src/cli/list-builtins.ts --write`',
  );
});

it('replaces only the text between the markers', () => {
  const readme = 'intro\n<!-- builtins:start -->\nold\n<!-- builtins:end -->\noutro\n';
  const updated = replaceReadmeBuiltins(readme, 'new list');
  assert.equal(updated, 'intro\n<!-- builtins:start -->\nnew list\n<!-- builtins:end -->\noutro\n');
  assert.equal(readmeBuiltins(updated), 'new list');
});
