import type { Page } from '../ui/use-paged-list.ts';
import type { Api } from './client.ts';

/**
 * Reads one page of a list the server pages with `before` (its `key` holds the rows and
 * `next_before` the cursor of the page after); `path` already carries its query.
 */
export const pagesBefore =
  <K extends string>(path: string, key: K) =>
  async <T>(api: Api, cursor: string | null): Promise<Page<T>> => {
    const page = await api.get<Record<K, T[]> & { next_before: string | null }>(cursor === null ? path : `${path}&before=${encodeURIComponent(cursor)}`);
    return { items: page[key], next: page.next_before };
  };
