import type { Problem } from '../api/problem.ts';

/** A refused or failed request: the problem's detail, the policy's reasons and the bad fields. */
export function ProblemAlert({ problem, onRetry }: { problem: Problem; onRetry?: (() => void) | undefined }) {
  return (
    <div className="alert" role="alert">
      <p className="alert-title">{problem.title}</p>
      <p>{problem.detail}</p>
      {problem.reasons !== undefined && problem.reasons.length > 0 && (
        <ul aria-label="Reasons">
          {problem.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {problem.errors !== undefined && problem.errors.length > 0 && (
        <ul aria-label="Invalid fields">
          {problem.errors.map((e, i) => (
            <li key={i}>{e.field !== undefined ? `${e.field}: ${e.message}` : e.message}</li>
          ))}
        </ul>
      )}
      {onRetry !== undefined && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
