import type { useGovernedAction } from '../session/use-governed-action.tsx';
import { ProblemAlert } from './problem-alert.tsx';

/** The end of a form that runs a governed action: its problem, a status line, the submit button. */
export function ActionFooter(props: { action: ReturnType<typeof useGovernedAction>; notice?: string; idle: string; busy: string }) {
  const { action } = props;
  return (
    <>
      {action.problem !== null && <ProblemAlert problem={action.problem} />}
      {props.notice !== undefined && (
        <p className="notice" role="status" aria-live="polite">
          {props.notice}
        </p>
      )}
      <button type="submit" className="primary" disabled={action.pending}>
        {action.pending ? props.busy : props.idle}
      </button>
      {action.dialog}
    </>
  );
}
