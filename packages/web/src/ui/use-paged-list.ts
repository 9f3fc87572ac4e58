import { useState } from 'react';
import type { Api } from '../api/client.ts';
import { useApiData } from '../api/use-api-data.ts';
import type { AsyncState } from './use-async.ts';

/** One page of a list and the server's cursor for the page after it (null on the last page). */
export interface Page<T> {
  items: T[];
  next: string | null;
  /** Rows of this page the caller may not see: counted by the server, not listed. */
  hidden?: number;
}

export interface PagedList<T> {
  state: AsyncState<Page<T>>;
  /** The page shown, counting from 1. */
  page: number;
  /** Go to the page before or after; null where there is none. */
  previous: (() => void) | null;
  next: (() => void) | null;
  reload: () => void;
}

/**
 * A list read a page at a time through the server's keyset cursor: `load` fetches the page that
 * follows `cursor` (null for the first). The cursors of the pages passed are kept, so going back
 * needs nothing from the server. A new `key` (other filters) starts again at the first page; a
 * moved `revision` reloads the page shown.
 */
export function usePagedList<T>(key: string, load: (api: Api, cursor: string | null) => Promise<Page<T>>, revision = 0): PagedList<T> {
  const [trail, setTrail] = useState<{ key: string; cursors: (string | null)[] }>({ key, cursors: [null] });
  const cursors = trail.key === key ? trail.cursors : [null];
  const cursor = cursors.at(-1) ?? null;
  const { state, reload } = useApiData(`${key}#${cursor ?? ''}`, (api) => load(api, cursor), revision);
  const after = state.status === 'ready' ? state.data.next : null;
  return {
    state,
    page: cursors.length,
    previous: cursors.length > 1 ? () => setTrail({ key, cursors: cursors.slice(0, -1) }) : null,
    next: after !== null ? () => setTrail({ key, cursors: [...cursors, after] }) : null,
    reload,
  };
}
