import type { ReactNode } from 'react';
import { ProblemAlert } from './problem-alert.tsx';
import type { AsyncState } from './use-async.ts';

/** The three states every view has: loading, error (the problem's detail) and empty. */
export function AsyncView<T>(props: {
  state: AsyncState<T>;
  label: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  onRetry?: () => void;
  children: (data: T) => ReactNode;
}) {
  const { state } = props;
  if (state.status === 'loading') {
    return (
      <p className="status" role="status" aria-live="polite">
        Loading {props.label}…
      </p>
    );
  }
  if (state.status === 'error') return <ProblemAlert problem={state.problem} onRetry={props.onRetry} />;
  if (props.isEmpty?.(state.data) === true) {
    return (
      <p className="empty" role="status">
        {props.empty ?? `No ${props.label} yet.`}
      </p>
    );
  }
  return <>{props.children(state.data)}</>;
}
