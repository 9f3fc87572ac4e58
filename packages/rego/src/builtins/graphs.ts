// Graph builtins over adjacency objects ({node: array or set of neighbours}) and `walk`.

import { RObject, RSet, typeName, type Value } from '../value/value.ts';
import { obj, operandError } from './operands.ts';
import type { BuiltinRegistry } from './registry.ts';

/** The initial nodes: an array or a set (OPA words this type error its own way). */
function initialNodes(args: Value[]): readonly Value[] {
  const v = args[1] as Value;
  if (Array.isArray(v)) return v;
  if (v instanceof RSet) return v.values();
  throw operandError(2, v, `operand 2 must be {array, set} but got ${typeName(v)}`);
}

/** Neighbours of a node; anything but an array or set (null included) means none. */
function neighbours(edges: Value): readonly Value[] {
  if (Array.isArray(edges)) return edges;
  if (edges instanceof RSet) return edges.values();
  return [];
}

/** Every node reachable from the initial ones, counting only nodes the graph defines. */
function reachable(graph: RObject, initial: readonly Value[]): RSet {
  const reached = new RSet();
  const queue = [...initial];
  while (queue.length > 0) {
    const node = queue.shift() as Value;
    if (reached.has(node)) continue;
    const edges = graph.get(node);
    if (edges === undefined) continue;
    reached.add(node);
    for (const n of neighbours(edges)) if (!reached.has(n)) queue.push(n);
  }
  return reached;
}

/**
 * Paths from each initial node, depth first. A path ends at a node without neighbours, before a
 * neighbour the graph does not define, or before a node already expanded (which also breaks
 * cycles). Nodes whose neighbours are all undefined are never marked expanded, so every path
 * into them is reported in full.
 */
function reachablePaths(graph: RObject, initial: readonly Value[]): RSet {
  const paths = new RSet();
  const expanded = new RSet();
  const visit = (node: Value, path: Value[]): void => {
    const edges = graph.get(node);
    if (edges === undefined) {
      if (path.length > 0) paths.add(path);
      return;
    }
    const here = [...path, node];
    const next = neighbours(edges);
    if (next.some((n) => graph.has(n))) expanded.add(node);
    if (next.length === 0) paths.add(here);
    for (const n of next) {
      if (expanded.has(n)) paths.add(here);
      else visit(n, here);
    }
  };
  for (const node of initial) visit(node, []);
  return paths;
}

/** [path, value] for the value and every value nested in it, parents before children. */
function* walk(v: Value, path: Value[]): Generator<Value> {
  yield [path, v];
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) yield* walk(v[i] as Value, [...path, i]);
  } else if (v instanceof RObject) {
    for (const [k, x] of v.entries()) yield* walk(x, [...path, k]);
  } else if (v instanceof RSet) {
    for (const x of v.values()) yield* walk(x, [...path, x]);
  }
}

export function register(registry: BuiltinRegistry): void {
  registry.fn('graph.reachable', 2, (a) => reachable(obj(a, 0), initialNodes(a)));
  registry.fn('graph.reachable_paths', 2, (a) => reachablePaths(obj(a, 0), initialNodes(a)));
  registry.add({ name: 'walk', arity: 1, relation: (a) => walk(a[0] as Value, []) });
}

