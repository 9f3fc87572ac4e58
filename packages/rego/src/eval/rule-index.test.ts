import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultRegistry } from '../builtins/index.ts';
import { compileModules } from '../compile/compiler.ts';
import { nodeAt } from '../compile/rule-tree.ts';
import type { RuleNode } from '../compile/types.ts';
import { parseModule } from '../parser/index.ts';
import { fromJS, RObject } from '../value/value.ts';
import { Evaluator } from './evaluator.ts';
import { candidateRules } from './rule-index.ts';

function setup(source: string, path: string[]): { node: RuleNode; evaluator: (input: unknown) => Evaluator } {
  const compiled = compileModules([parseModule(source, 'p.rego')], defaultRegistry());
  const node = nodeAt(compiled.root, path, false) as RuleNode;
  const ctx = { strict: false, nowNs: () => 0n, print: () => undefined, cache: new Map(), random: () => 0 };
  return { node, evaluator: (input) => new Evaluator({ policy: compiled, data: new RObject(), input: fromJS(input), strict: false, ctx }) };
}

test('only rules whose constant matches the input are candidates', () => {
  const rules = Array.from({ length: 50 }, (_, i) => `deny contains "r${i}" if input.action == "a${i % 10}"`).join('\n');
  const { node, evaluator } = setup(`package t\n\n${rules}\ndeny contains "any" if input.user == "x"\n`, ['t', 'deny']);
  const hits = candidateRules(evaluator({ action: 'a3' }), node);
  assert.equal(hits.length, 6);
  assert.deepEqual(hits.map((r) => r.id), [3, 13, 23, 33, 43, 50]);
  assert.equal(candidateRules(evaluator({ action: 'zzz' }), node).length, 1);
  assert.equal(candidateRules(evaluator({}), node).length, 1);
});

test('small rule sets and rules without a shared condition are not indexed', () => {
  const few = setup('package t\n\np if input.a == 1\np if input.a == 2\n', ['t', 'p']);
  assert.equal(candidateRules(few.evaluator({ a: 1 }), few.node).length, 2);
  const rules = Array.from({ length: 20 }, (_, i) => `q if input.n > ${i}`).join('\n');
  const mixed = setup(`package t\n\n${rules}\n`, ['t', 'q']);
  assert.equal(candidateRules(mixed.evaluator({ n: 0 }), mixed.node).length, 20);
});
