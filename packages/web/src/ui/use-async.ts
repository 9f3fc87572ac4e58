import { useCallback, useEffect, useRef, useState } from 'react';
import { toProblem, type Problem } from '../api/problem.ts';

export type AsyncState<T> = { status: 'loading' } | { status: 'error'; problem: Problem } | { status: 'ready'; data: T };

/**
 * Loads data when `key` changes; `reload` fetches again, keeping what is shown until the answer
 * arrives (so a screen's notices and focus survive a refresh after a change). A stale answer
 * never overwrites a newer one.
 */
export function useAsync<T>(load: () => Promise<T>, key: string): { state: AsyncState<T>; reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  // `load` changes identity every render; `key` says when its meaning changes.
  const run = useCallback(load, [key]);
  const lastRun = useRef(run);
  useEffect(() => {
    let current = true;
    const refresh = lastRun.current === run;
    lastRun.current = run;
    setState((s) => (refresh && s.status === 'ready' ? s : { status: 'loading' }));
    run().then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState({ status: 'error', problem: toProblem(error) }),
    );
    return () => {
      current = false;
    };
  }, [run, round]);
  return { state, reload: () => setRound((r) => r + 1) };
}
