import { apiFor } from '../../api/client.ts';
import { Link } from '../../router/router.tsx';
import { useSessions } from '../../session/session-store.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { useAsync } from '../../ui/use-async.ts';
import { DEFAULT_WALK, entityHref, explorerHref, entityLabel, linkOf, neighbourhoodPath, type GraphEntity, type Neighbourhood, type WalkOptions } from './graph-api.ts';

/** Neighbours grouped by entity type, the types in alphabetical order. */
function byType(n: Neighbourhood): Array<[string, GraphEntity[]]> {
  const groups = new Map<string, GraphEntity[]>();
  for (const { entity } of n.neighbours) groups.set(entity.type, [...(groups.get(entity.type) ?? []), entity]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

/**
 * The "Related" pane of an object page: what the graph links to the entity, one level out, grouped
 * by type with a link to each, and how many neighbours the caller's policy hides.
 */
export function RelatedPane({ tenantId, entityId, level = 2, walk = DEFAULT_WALK }: { tenantId: string; entityId: string; level?: 2 | 3; walk?: WalkOptions }) {
  const { active } = useSessions();
  const path = neighbourhoodPath(entityId, walk);
  const { state, reload } = useAsync(() => apiFor(active?.token).get<Neighbourhood>(path), `${path}:${active?.token}`);
  const Heading = level === 2 ? 'h2' : 'h3';
  const titleId = `related-${entityId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <section className="related" aria-labelledby={titleId}>
      <Heading id={titleId}>Related</Heading>
      {state.status === 'error' && state.problem.status === 403 ? (
        <p className="hint">Your role may not see what this object is linked to.</p>
      ) : (
        <AsyncView state={state} label="related objects" isEmpty={(n) => n.neighbours.length === 0 && n.hidden === 0} empty="Nothing is linked to this object yet." onRetry={reload}>
          {(n) => (
            <>
              <ul className="related-groups">
                {byType(n).map(([type, entities]) => (
                  <li key={type}>
                    <span className="related-type">
                      {type} ({entities.length})
                    </span>
                    <ul>
                      {entities.map((e) => (
                        <li key={e.entity_id}>
                          <Link href={entityHref(tenantId, e.entity_id)}>{entityLabel(e)}</Link> <span className="hint">{linkOf(n, e.entity_id)}</span>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
              {n.hidden > 0 && (
                <p className="hint related-hidden">
                  {n.hidden} hidden: your role may not see {n.hidden === 1 ? 'it' : 'them'}.
                </p>
              )}
              {n.truncated && <p className="hint">Only the first {n.neighbours.length} are listed.</p>}
              <p>
                <Link href={explorerHref(tenantId, entityId)}>Explore in the graph</Link>
              </p>
            </>
          )}
        </AsyncView>
      )}
    </section>
  );
}
