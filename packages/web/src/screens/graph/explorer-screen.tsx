import { lazy, Suspense, useState } from 'react';
import { apiFor } from '../../api/client.ts';
import { navigate, useLocation } from '../../router/router.tsx';
import { useSessions } from '../../session/session-store.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { useAsync } from '../../ui/use-async.ts';
import { EntityFinder } from './entity-finder.tsx';
import { DEFAULT_WALK, entityLabel, explorerHref, type GraphType } from './graph-api.ts';
import { NeighbourTable } from './neighbour-table.tsx';
import { RelatedPane } from './related-pane.tsx';
import { useGraphView } from './use-graph-view.ts';
import { WalkControls } from './walk-controls.tsx';
import { Time } from '../../ui/time.tsx';

// cytoscape is large: it loads with the first drawn graph, not with the console.
const GraphCanvas = lazy(() => import('./graph-canvas.tsx'));

/** The tenant's entity types and relationship types, built-in and its own. */
function useTypeNames(): { entity: string[]; relationship: string[] } {
  const { active } = useSessions();
  const { state } = useAsync(() => apiFor(active?.token).get<{ types: GraphType[] }>('/graph/types'), `types:${active?.token}`);
  const types = state.status === 'ready' ? state.data.types : [];
  const of = (kind: GraphType['kind']) => types.filter((t) => t.kind === kind).map((t) => t.type_name);
  return { entity: of('entity'), relationship: of('relationship') };
}

/** One entity of the graph: its facts, its neighbourhood drawn and as a table, and its related objects. */
function EntityView({ tenantId, entityId, relationshipTypes }: { tenantId: string; entityId: string; relationshipTypes: string[] }) {
  const [walk, setWalk] = useState(DEFAULT_WALK);
  const [expanded, setExpanded] = useState<string[]>([]);
  const { state, reload } = useGraphView(entityId, walk, expanded);
  const expand = (id: string) => setExpanded((xs) => (xs.includes(id) || id === entityId ? xs : [...xs, id]));
  const open = (id: string) => navigate(explorerHref(tenantId, id));
  return (
    <AsyncView state={state} label="the entity" onRetry={reload}>
      {(view) => (
        <>
          <div className="card" role="region" aria-labelledby="entity-title">
            <h2 id="entity-title">
              {view.focus.type}: {entityLabel(view.focus)}
            </h2>
            <dl className="facts">
              <dt>Id</dt>
              <dd>
                <code>{view.focus.entity_id}</code>
              </dd>
              <dt>Owner</dt>
              <dd>{view.focus.owner ?? 'none'}</dd>
              <dt>Source</dt>
              <dd>{view.focus.source}</dd>
              <dt>Updated</dt>
              <dd>
                <Time at={view.focus.updated_at} />
              </dd>
            </dl>
            <details>
              <summary>Properties</summary>
              <pre>{JSON.stringify(view.focus.properties, null, 2)}</pre>
            </details>
          </div>
          <div className="graph-layout">
            <div className="card graph-main">
              <WalkControls
                walk={walk}
                relationshipTypes={relationshipTypes}
                onApply={(w) => {
                  setWalk(w);
                  setExpanded([]);
                }}
              />
              <p className="hint">Tap a node to show its neighbours, double-tap to open it. The table below lists the same graph.</p>
              <Suspense fallback={<p role="status">Loading the drawing…</p>}>
                <GraphCanvas view={view} onExpand={expand} onOpen={open} />
              </Suspense>
              {view.hidden.map((h) => (
                <p key={h.around.entity_id} className="hint">
                  {h.count} hidden around {entityLabel(h.around)}: your role may not see {h.count === 1 ? 'it' : 'them'}.
                </p>
              ))}
              {view.truncated && <p className="hint">The node limit stopped the walk; some neighbours are not shown.</p>}
              <NeighbourTable tenantId={tenantId} view={view} expanded={expanded} onExpand={expand} />
            </div>
            <div className="card graph-side">
              <RelatedPane tenantId={tenantId} entityId={entityId} />
            </div>
          </div>
        </>
      )}
    </AsyncView>
  );
}

/** The entity explorer: find an entity, see what it is connected to, walk on from there. */
export function ExplorerScreen({ tenantId }: { tenantId: string }) {
  const { search } = useLocation();
  const entityId = search.get('entity');
  const types = useTypeNames();
  return (
    <section aria-labelledby="graph-title">
      <h1 id="graph-title">Graph</h1>
      <p className="hint">Every object of {tenantId} and how they are linked: people and teams, requests and their approvals, decisions, receipts and evidence.</p>
      <EntityFinder tenantId={tenantId} entityTypes={types.entity} onOpen={(id) => navigate(explorerHref(tenantId, id))} />
      {entityId !== null && <EntityView key={entityId} tenantId={tenantId} entityId={entityId} relationshipTypes={types.relationship} />}
    </section>
  );
}
