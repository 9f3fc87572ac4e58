import { it } from 'node:test';
import assert from 'node:assert/strict';
import { BuiltinRegistry, compile, defaultRegistry, RegoError, RObject } from './index.ts';

const authz = {
  'authz.rego': `package authz

default allow := false

allow if input.user in data.admins

decision := {"allow": allow, "reasons": reasons}

reasons contains sprintf("%s is not an admin", [input.user]) if not allow

reasons contains "no region" if not input.region

roles := {r | some r in input.roles}
`,
};

it('a prepared query gives what evaluate gives, evaluation after evaluation', () => {
  const policy = compile(authz, { data: { admins: ['alice'] } });
  const decision = policy.prepare('authz.decision');
  const roles = policy.prepare('data.authz.roles');
  const inputs = [{ user: 'alice', region: 'eu' }, { user: 'bob' }, {}, { user: 'alice', roles: ['b', 'a', 'b'] }, undefined];
  for (let round = 0; round < 3; round++) {
    for (const input of inputs) {
      assert.deepEqual(decision.evaluate(input), policy.evaluate('authz.decision', input));
      assert.deepEqual(roles.evaluate(input), policy.evaluate('authz.roles', input));
    }
  }
  assert.deepEqual(decision.evaluate({ user: 'bob' }), { allow: false, reasons: ['bob is not an admin', 'no region'] });
  assert.equal(policy.prepare('authz.missing').evaluate({}), undefined);
});

it('reads the input in place: members evaluation never reaches are never converted', () => {
  const policy = compile(authz, { data: { admins: ['alice'] } });
  const decision = policy.prepare('authz.decision');
  const input = { user: 'alice', region: 'eu', huge: { not: Number.POSITIVE_INFINITY }, fn: () => 1 };
  assert.deepEqual(decision.evaluate(input), { allow: true, reasons: [] });
  // evaluate() converts the whole input first, and refuses what it cannot represent.
  assert.throws(() => policy.evaluate('authz.decision', input), TypeError);
  // Read in place, the input is left as it was.
  assert.deepEqual(Object.keys(input), ['user', 'region', 'huge', 'fn']);
});

it('lazily read input behaves as converted input for iteration, comparison and with', () => {
  const policy = compile({
    'p.rego': `package p

keys := [k | some k, _ in input.obj]
same if input.obj == {"a": 1, "b": [1, {"c": null}]}
nested := input.obj.b[1].c
count_obj := count(input.obj)
patched := x if x := input.obj with input.obj.a as 5
has_b if "b" in object.keys(input.obj)
`,
  });
  const input = { obj: { b: [1, { c: undefined }], a: 1 } };
  for (const rule of ['keys', 'same', 'nested', 'count_obj', 'patched', 'has_b']) {
    assert.deepEqual(policy.prepare(`p.${rule}`).evaluate(input), policy.evaluate(`p.${rule}`, input), rule);
  }
  assert.deepEqual(policy.prepare('p.keys').evaluate(input), ['a', 'b']);
  assert.equal(policy.prepare('p.same').evaluate(input), true);
});

it('each evaluation reads the clock again', () => {
  let now = 1n;
  const policy = compile({ 't.rego': 'package t\n\nnow := time.now_ns()\n' }, { clock: () => now });
  const query = policy.prepare('t.now');
  assert.equal(query.evaluate({}), 1);
  now = 2n;
  assert.equal(query.evaluate({}), 2);
});

it('stays usable after an evaluation fails, and evaluations may nest', () => {
  const registry: BuiltinRegistry = defaultRegistry().clone();
  let inner: (() => unknown) | undefined;
  registry.fn('nested', 1, ([x]) => (x === 'again' ? (inner?.() as string) : (x ?? null)));
  const policy = compile(
    { 't.rego': 'package t\n\nv := nested(input.x)\n\nboom := 1 / input.zero\n' },
    { builtins: registry, strictBuiltinErrors: true },
  );
  const v = policy.prepare('t.v');
  inner = () => v.evaluate({ x: 'inner' });
  assert.equal(v.evaluate({ x: 'again' }), 'inner');
  assert.equal(v.evaluate({ x: 'outer' }), 'outer');
  const boom = policy.prepare('t.boom');
  assert.throws(() => boom.evaluate({ zero: 0 }), RegoError);
  assert.equal(boom.evaluate({ zero: 2 }), 0.5);
  assert.ok(!(boom.evaluateValue({ zero: 2 }) instanceof RObject));
});

it('members streamed from `some x in xs` reach their consumer, with early exits and nested streams', () => {
  const policy = compile({
    'p.rego': `package p

perms contains p if {
  some r in input.roles
  some p in data.roles[r]
}

wild contains p if {
  some p in perms
  endswith(p, ".*")
}

granted if {
  some p in perms
  endswith(p, ".*")
  startswith(input.action, trim_suffix(p, "*"))
}

pairs contains [a, b] if {
  some a in wild
  some b in perms
  startswith(b, trim_suffix(a, "*"))
  a != b
}
`,
  }, { data: { roles: { dev: ['code.read', 'code.*'], ops: ['deploy.*', 'deploy.run'], none: [] } } });
  const q = (rule: string) => policy.prepare(`p.${rule}`);
  for (let round = 0; round < 2; round++) {
    assert.deepEqual(q('wild').evaluate({ roles: ['dev', 'ops'] }), ['code.*', 'deploy.*']);
    assert.equal(q('granted').evaluate({ roles: ['none', 'ops'], action: 'deploy.run' }), true);
    assert.equal(q('granted').evaluate({ roles: ['dev'], action: 'deploy.run' }), undefined);
    assert.deepEqual(q('pairs').evaluate({ roles: ['dev', 'ops'] }), [['code.*', 'code.read'], ['deploy.*', 'deploy.run']]);
    assert.deepEqual(q('wild').evaluate({ roles: ['none'] }), []);
  }
});

it('`not x in p` over a set of rules tests x alone: the set is not built', () => {
  // Built whole, the set would pass the value size budget of 3 and cancel the evaluation.
  const policy = compile({
    'p.rego': `package p

s contains "a"
s contains "b"
s contains "c"
s contains x if some x in input.more

missing if not input.x in s

size := count(s)
`,
  }, { budget: { maxValueSize: 3 } });
  const missing = policy.prepare('p.missing');
  assert.equal(missing.evaluate({ x: 'z', more: ['d'] }), true);
  assert.equal(missing.evaluate({ x: 'b', more: ['d'] }), undefined);
  assert.equal(missing.evaluate({ x: 'd', more: ['d'] }), undefined);
  // Still evaluated outside the negation as OPA does: an undefined operand fails the expression.
  assert.equal(missing.evaluate({ more: ['d'] }), undefined);
  assert.throws(() => policy.prepare('p.size').evaluate({ more: ['d'] }), (e: RegoError) => e.code === 'eval_cancel_error');
});
