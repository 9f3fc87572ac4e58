import { useCallback, useEffect, useState } from 'react';
import { toProblem, type Problem } from '../api/problem.ts';

export type AsyncState<T> = { status: 'loading' } | { status: 'error'; problem: Problem } | { status: 'ready'; data: T };

/** Loads data when `key` changes; `reload` fetches again. A stale answer never overwrites a newer one. */
export function useAsync<T>(load: () => Promise<T>, key: string): { state: AsyncState<T>; reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  // `load` changes identity every render; `key` says when its meaning changes.
  const run = useCallback(load, [key]);
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
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
