// What a test file imports as `node:test` when it runs in a group (see run-group.mjs): the same
// functions, but a file's top-level tests, suites and hooks attach to the test that stands for
// the file, so its `after` hooks run when its own tests end, not when the process does.
// Outside a group every call goes to node:test itself.
import * as nodeTest from 'node:test';

export * from 'node:test';

/** The open scopes, innermost last: each a test context and the promises of the tests it was given. */
const scopes = [];

/** Makes `context` the scope that top-level calls attach to, until the returned function is called. */
export function openScope(context) {
  const scope = { context, started: [] };
  scopes.push(scope);
  return {
    close: () => scopes.splice(scopes.indexOf(scope), 1),
    /** Settles once every test given to this scope has ended. */
    settled: () => Promise.all(scope.started),
  };
}

const current = () => scopes.at(-1);

// node:test takes (name?, options?, fn?) in any of their combinations.
function normalise(args) {
  const name = typeof args[0] === 'string' ? args.shift() : undefined;
  const options = typeof args[0] === 'object' && args[0] !== null ? args.shift() : {};
  return { name, options, fn: args[0] };
}

function addTest(args, overrides = {}) {
  const scope = current();
  if (scope === undefined) return nodeTest.test(...args);
  const { name, options, fn } = normalise([...args]);
  const started = scope.context.test(name ?? fn?.name, { ...options, ...overrides }, fn);
  scope.started.push(started);
  return started;
}

function addSuite(args, overrides = {}) {
  const scope = current();
  if (scope === undefined) return nodeTest.describe(...args);
  const { name, options, fn } = normalise([...args]);
  // A suite is a test whose body registers its tests and hooks: it runs its function at once,
  // then waits for what it registered.
  return addTest([name ?? fn?.name, options, async (context) => {
    const inner = openScope(context);
    try {
      await fn?.(context);
    } finally {
      inner.close();
    }
    await inner.settled();
  }], overrides);
}

const withVariants = (add) =>
  Object.assign((...args) => add(args), {
    skip: (...args) => add(args, { skip: true }),
    todo: (...args) => add(args, { todo: true }),
    only: (...args) => add(args, { only: true }),
  });

export const test = withVariants(addTest);
export const it = test;
export const describe = withVariants(addSuite);
export const suite = describe;

const hook = (kind) => (fn, options) => {
  const scope = current();
  return scope === undefined ? nodeTest[kind](fn, options) : scope.context[kind](fn, options);
};
export const before = hook('before');
export const after = hook('after');
export const beforeEach = hook('beforeEach');
export const afterEach = hook('afterEach');

export default test;
