import { useState, type FormEvent } from 'react';
import { apiFor } from '../../api/client.ts';
import { Link } from '../../router/router.tsx';
import { useSessions } from '../../session/session-store.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { useAsync } from '../../ui/use-async.ts';
import { entityLabel, explorerHref, type EntityPage } from './graph-api.ts';

const NOTHING: EntityPage = { entities: [], hidden: 0, next_cursor: null };

function searchPath(type: string, name: string): string {
  const q = new URLSearchParams({ limit: '50' });
  if (type !== '') q.set('type', type);
  if (name !== '') q.set('where', JSON.stringify({ name }));
  return `/entities?${q}`;
}

/** Finds entities by type and exact name, and opens one by its id. */
export function EntityFinder({ tenantId, entityTypes, onOpen }: { tenantId: string; entityTypes: string[]; onOpen: (entityId: string) => void }) {
  const { active } = useSessions();
  const [type, setType] = useState('');
  const [name, setName] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const [id, setId] = useState('');
  const { state, reload } = useAsync(() => (query === null ? Promise.resolve(NOTHING) : apiFor(active?.token).get<EntityPage>(query)), `${query}:${active?.token}`);
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
        <AsyncView state={state} label="entities" isEmpty={(p) => p.entities.length === 0 && p.hidden === 0} empty="No entity matches." onRetry={reload}>
          {(p) => (
            <>
              <ul className="found" aria-label="Found entities">
                {p.entities.map((e) => (
                  <li key={e.entity_id}>
                    <Link href={explorerHref(tenantId, e.entity_id)}>{entityLabel(e)}</Link> <span className="hint">{e.type}</span>
                  </li>
                ))}
              </ul>
              {p.hidden > 0 && <p className="hint">{p.hidden} more hidden: your role may not see them.</p>}
              {p.next_cursor !== null && <p className="hint">Showing the first {p.entities.length}; narrow the search to see others.</p>}
            </>
          )}
        </AsyncView>
      )}
    </div>
  );
}
