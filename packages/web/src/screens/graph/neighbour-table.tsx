import { Link } from '../../router/router.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { entityHref, entityLabel, type GraphRelationship } from './graph-api.ts';
import type { GraphView } from './graph-view.ts';

/** The edges between a node and the rest of what is shown, read from that node. */
function linksOf(id: string, edges: GraphRelationship[]): string {
  return edges
    .filter((e) => e.from_id === id || e.to_id === id)
    .map((e) => (e.from_id === id ? `${e.type} → ${e.to_id}` : `← ${e.type} ${e.from_id}`))
    .join('; ');
}

/** The graph as a table: the same nodes and links as the drawing, each with its page and an Expand button. */
export function NeighbourTable({ tenantId, view, expanded, onExpand }: { tenantId: string; view: GraphView; expanded: string[]; onExpand: (entityId: string) => void }) {
  return (
    <DataTable caption={`Neighbours of ${entityLabel(view.focus)} (${view.nodes.length})`} columns={['Entity', 'Type', 'Links', 'Depth', 'Neighbours']}>
      {view.nodes.map(({ entity, depth }) => (
        <tr key={entity.entity_id}>
          <td>
            <Link href={entityHref(tenantId, entity.entity_id)}>{entityLabel(entity)}</Link>
            {entityLabel(entity) !== entity.entity_id && <div className="hint">{entity.entity_id}</div>}
          </td>
          <td>{entity.type}</td>
          <td>{linksOf(entity.entity_id, view.edges)}</td>
          <td>{depth}</td>
          <td>
            {expanded.includes(entity.entity_id) ? (
              <span className="hint">shown</span>
            ) : (
              <button type="button" onClick={() => onExpand(entity.entity_id)}>
                Expand<span className="visually-hidden"> {entityLabel(entity)}</span>
              </button>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
