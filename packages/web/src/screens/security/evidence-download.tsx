import { useState } from 'react';
import { downloadFile } from '../../api/download.ts';
import { toProblem, type Problem } from '../../api/problem.ts';
import { useSessions } from '../../session/session-store.ts';
import { ProblemAlert } from '../../ui/problem-alert.tsx';

/** The request's evidence pack (its receipts, history and audit events, signed), fetched with the token. */
export function EvidenceDownload({ requestId }: { requestId: string }) {
  const { active } = useSessions();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [digest, setDigest] = useState<string | null | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const filename = `evidence-${active?.tenant_id ?? 'tenant'}-high-risk-${requestId}.tar.gz`;

  async function download() {
    setProblem(null);
    setDigest(undefined);
    setPending(true);
    try {
      setDigest(await downloadFile(`/evidence/high-risk-ops/${encodeURIComponent(requestId)}`, active?.token, filename));
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <button type="button" disabled={pending} onClick={() => void download()}>
        {pending ? 'Preparing…' : 'Evidence pack'}
      </button>
      <p className="notice" role="status" aria-live="polite">
        {digest === undefined ? '' : `Downloaded ${filename}${digest === null ? '' : ` (SHA-256 ${digest})`}; check it with companyos verify.`}
      </p>
      {problem !== null && <ProblemAlert problem={problem} />}
    </>
  );
}
