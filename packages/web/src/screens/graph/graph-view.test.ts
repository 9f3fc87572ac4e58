import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkOf, type GraphEntity, type Neighbourhood } from './graph-api.ts';
import { mergeNeighbourhoods } from './graph-view.ts';

const entity = (id: string, type = 'Asset'): GraphEntity => ({ entity_id: id, type, properties: {}, owner: null, source: 'api', created_at: '', updated_at: '' });
const edge = (from: string, type: string, to: string) => ({ relationship_id: `${from}-${type}-${to}`, from_id: from, to_id: to, type });
const around = (id: string, neighbours: Array<[string, number]>, relationships: ReturnType<typeof edge>[], hidden = 0): Neighbourhood => ({
  entity: entity(id),
  neighbours: neighbours.map(([n, depth]) => ({ entity: entity(n), depth })),
  relationships,
  hidden,
  truncated: false,
});

test('an expansion adds its neighbours one level beyond the node it expands, keeping each node at its least depth', () => {
  const focus = around('hub', [['a', 1], ['b', 1]], [edge('hub', 'OWNS', 'a'), edge('hub', 'OWNS', 'b')], 2);
  const fromA = around('a', [['hub', 1], ['c', 1], ['b', 1]], [edge('hub', 'OWNS', 'a'), edge('a', 'OWNS', 'c'), edge('a', 'OWNS', 'b')]);
  const view = mergeNeighbourhoods(focus, [fromA]);
  assert.deepEqual(view.nodes.map((n) => [n.entity.entity_id, n.depth]), [['a', 1], ['b', 1], ['c', 2]]);
  assert.deepEqual(view.edges.map((e) => e.relationship_id).sort(), ['a-OWNS-b', 'a-OWNS-c', 'hub-OWNS-a', 'hub-OWNS-b']);
  assert.deepEqual(view.hidden.map((h) => [h.around.entity_id, h.count]), [['hub', 2]]);
});

test('a link reads from the entity the walk started at', () => {
  const n = around('req', [['alice', 1], ['approval', 1], ['bob', 2]], [edge('alice', 'REQUESTED', 'req'), edge('req', 'OWNS', 'approval'), edge('approval', 'DECIDED_BY', 'bob')]);
  assert.equal(linkOf(n, 'alice'), '← REQUESTED');
  assert.equal(linkOf(n, 'approval'), 'OWNS →');
  assert.equal(linkOf(n, 'bob'), 'DECIDED_BY →', 'a node further out shows the edge that reached it');
});
