import { useState } from 'react';
import { downloadFile } from '../api/download.ts';
import { toProblem, type Problem } from '../api/problem.ts';
import { useSessions } from '../session/session-store.ts';
import { ProblemAlert } from './problem-alert.tsx';

/**
 * A signed evidence pack fetched with the session's token and saved as `filename`; the notice
 * gives its SHA-256 and how to check it offline.
 */
export function EvidenceDownload({ path, filename, label = 'Evidence pack' }: { path: string; filename: string; label?: string }) {
  const { active } = useSessions();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [digest, setDigest] = useState<string | null | undefined>(undefined);
  const [pending, setPending] = useState(false);

  async function download() {
    setProblem(null);
    setDigest(undefined);
    setPending(true);
    try {
      setDigest(await downloadFile(path, active?.token, filename));
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <button type="button" disabled={pending} onClick={() => void download()}>
        {pending ? 'Preparing…' : label}
      </button>
      <p className="notice" role="status" aria-live="polite">
        {digest === undefined ? '' : `Downloaded ${filename}${digest === null ? '' : ` (SHA-256 ${digest})`}; check it with companyos verify.`}
      </p>
      {problem !== null && <ProblemAlert problem={problem} />}
    </>
  );
}
