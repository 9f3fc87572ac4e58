import { useState, type FormEvent } from 'react';
import { Link } from '../../router/router.tsx';
import { PagedView } from '../../ui/paged-view.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { entityLabel, explorerHref, type EntityPage, type GraphEntity } from './graph-api.ts';

const NOTHING = { items: [], next: null };

function searchPath(type: string, name: string): string {
  const q = new URLSearchParams({ limit: '50' });
  if (type !== '') q.set('type', type);
  if (name !== '') q.set('where', JSON.stringify({ name }));
  return `/entities?${q}`;
}

/** Finds entities by type and exact name, a page at a time, and opens one by its id. */
export function EntityFinder({ tenantId, entityTypes, onOpen }: { tenantId: string; entityTypes: string[]; onOpen: (entityId: string) => void }) {
  const [type, setType] = useState('');
  const [name, setName] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const [id, setId] = useState('');
  const list = usePagedList<GraphEntity>(String(query), async (api, cursor) => {
    if (query === null) return NOTHING;
    const page = await api.get<EntityPage>(cursor === null ? query : `${query}&after=${encodeURIComponent(cursor)}`);
    return { items: page.entities, next: page.next_cursor, hidden: page.hidden };
  });
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQuery(searchPath(type, name.trim()));
  };
  const open = (e: FormEvent) => {
    e.preventDefault();
    if (id.trim() !== '') onOpen(id.trim());
  };
  return (
    <div className="card entity-finder">
      <form aria-label="Open an entity" onSubmit={open}>
        <label>
          Entity id <input value={id} onChange={(e) => setId(e.target.value)} placeholder="subject:user-admin" />
        </label>{' '}
        <button type="submit">Open</button>
      </form>
      <form aria-label="Find entities" onSubmit={search}>
        <label>
          Type{' '}
          <select value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">any</option>
            {entityTypes.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>{' '}
        <label>
          Name (exact) <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>{' '}
        <button type="submit">Find</button>
      </form>
      {query !== null && (
        <PagedView list={list} label="entities" empty="No entity matches.">
          {(entities) => (
            <ul className="found" aria-label="Found entities">
              {entities.map((e) => (
                <li key={e.entity_id}>
                  <Link href={explorerHref(tenantId, e.entity_id)}>{entityLabel(e)}</Link> <span className="hint">{e.type}</span>
                </li>
              ))}
            </ul>
          )}
        </PagedView>
      )}
    </div>
  );
}
