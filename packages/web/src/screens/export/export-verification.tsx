import { useState } from 'react';
import type { ExportVerification } from '../../api/types.ts';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';

const OUTCOME = { passed: 'passed', failed: 'FAILED', not_run: 'not checked' } as const;

/** Has the server verify a finished pack, as `companyos verify` would, and shows what was checked. */
export function ExportVerificationPanel({ exportId }: { exportId: string }) {
  const action = useGovernedAction();
  const [report, setReport] = useState<ExportVerification | null>(null);

  async function verify() {
    setReport(null);
    const result = await action.run((api) => api.send<ExportVerification>('POST', `/audit/exports/${exportId}/verify`));
    if (result !== undefined) setReport(result);
  }

  return (
    <div aria-label="Verification" role="group">
      <button type="button" onClick={() => void verify()} disabled={action.pending}>
        {action.pending ? 'Verifying…' : 'Verify pack on the server'}
      </button>
      {action.problem !== null && <ProblemAlert problem={action.problem} />}
      {report !== null &&
        (report.ok ? (
          <p className="notice" role="status">
            Pack verified against the tenant's published keys ({report.keys.join(', ')}).
          </p>
        ) : (
          <div className="alert" role="alert">
            <p className="alert-title">The pack failed verification</p>
            <ul aria-label="Failures">
              {report.failures.map((f, i) => (
                <li key={i}>
                  <code>{f.code}</code>
                  {f.file !== undefined && ` ${f.file}${f.line === undefined ? '' : `:${f.line}`}`}: {f.message}
                </li>
              ))}
            </ul>
          </div>
        ))}
      {report !== null && (
        <ul aria-label="Checks">
          {report.checks.map((c) => (
            <li key={c.check}>
              <strong>{OUTCOME[c.outcome]}</strong>: {c.description}
            </li>
          ))}
        </ul>
      )}
      {action.dialog}
    </div>
  );
}
