import { useCallback, useEffect, useRef } from 'react';
import { apiFor, type Api } from './client.ts';
import { useSessions } from '../session/session-store.ts';
import { useAsync, type AsyncState } from '../ui/use-async.ts';

/**
 * Loads from the API as the active session (`key` names what `load` reads) and loads again,
 * keeping what is shown, whenever `revision` moves: something on the screen changed what it shows.
 * `reload` keeps its identity, so timers can hold it.
 */
export function useApiData<T>(key: string, load: (api: Api) => Promise<T>, revision: number): { state: AsyncState<T>; reload: () => void } {
  const { active } = useSessions();
  const loaded = useAsync(() => load(apiFor(active?.token)), `${key}:${active?.token}`);
  const reload = useRef(loaded.reload);
  reload.current = loaded.reload;
  const stableReload = useCallback(() => reload.current(), []);
  const first = useRef(revision);
  useEffect(() => {
    if (revision !== first.current) reload.current();
  }, [revision]);
  return { state: loaded.state, reload: stableReload };
}

/** GET of one path. */
export const useApiPath = <T,>(path: string, revision: number) => useApiData<T>(path, (api) => api.get<T>(path), revision);
