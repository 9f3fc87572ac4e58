import { apiFor } from '../../api/client.ts';
import { useSessions } from '../../session/session-store.ts';
import { useAsync, type AsyncState } from '../../ui/use-async.ts';
import { neighbourhoodPath, type Neighbourhood, type WalkOptions } from './graph-api.ts';
import { mergeNeighbourhoods, type GraphView } from './graph-view.ts';

/** Reads the focus's walk and one level (same direction and types) around each expanded node. */
export function useGraphView(entityId: string, walk: WalkOptions, expanded: string[]): { state: AsyncState<GraphView>; reload: () => void } {
  const { active } = useSessions();
  const paths = [neighbourhoodPath(entityId, walk), ...expanded.map((id) => neighbourhoodPath(id, { ...walk, depth: 1 }))];
  return useAsync(async () => {
    const api = apiFor(active?.token);
    const [focus, ...rest] = await Promise.all(paths.map((p) => api.get<Neighbourhood>(p)));
    return mergeNeighbourhoods(focus!, rest);
  }, `${paths.join(' ')}:${active?.token}`);
}
