import { useEffect, useRef, type ReactNode } from 'react';
import { AsyncView } from './async-view.tsx';
import type { PagedList } from './use-paged-list.ts';

/**
 * A paged list's four states: loading, error (the problem's detail, with a retry), empty (the
 * designed words for a list with nothing in it) and a page of items with the pager under it.
 * After a page turn the focus goes to the new page, not back to the top of the document.
 */
export function PagedView<T>(props: { list: PagedList<T>; label: string; empty: ReactNode; children: (items: T[], page: number) => ReactNode }) {
  const { list } = props;
  const top = useRef<HTMLDivElement>(null);
  const turned = useRef(false);
  useEffect(() => {
    if (!turned.current || list.state.status !== 'ready') return;
    turned.current = false;
    top.current?.focus();
  }, [list.state.status, list.page]);
  const turn = (to: (() => void) | null) =>
    to === null
      ? null
      : () => {
          turned.current = true;
          to();
        };
  return (
    <div ref={top} tabIndex={-1} className="paged">
      <AsyncView state={list.state} label={props.label} isEmpty={(p) => p.items.length === 0 && (p.hidden ?? 0) === 0 && p.next === null && list.page === 1} empty={props.empty} onRetry={list.reload}>
        {(p) => (
          <>
            {props.children(p.items, list.page)}
            {(p.hidden ?? 0) > 0 && <p className="hint">{p.hidden} more on this page hidden: your role may not see them.</p>}
            <Pager label={props.label} page={list.page} previous={turn(list.previous)} next={turn(list.next)} />
          </>
        )}
      </AsyncView>
    </div>
  );
}

/** Previous and next page with the page number; shown only when there is more than one page. */
function Pager(props: { label: string; page: number; previous: (() => void) | null; next: (() => void) | null }) {
  if (props.previous === null && props.next === null) return null;
  return (
    <nav className="pager" aria-label={`Pages of ${props.label}`}>
      <button type="button" disabled={props.previous === null} onClick={() => props.previous?.()}>
        Previous page
      </button>
      <span aria-live="polite">Page {props.page}</span>
      <button type="button" disabled={props.next === null} onClick={() => props.next?.()}>
        Next page
      </button>
    </nav>
  );
}
