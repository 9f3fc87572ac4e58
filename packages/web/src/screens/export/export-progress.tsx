import { useEffect, useRef, useState } from 'react';
import { apiFor } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';
import type { AuditExport } from '../../api/governance-types.ts';
import { toProblem, type Problem } from '../../api/problem.ts';
import { useSessions } from '../../session/session-store.ts';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { ExportVerificationPanel } from './export-verification.tsx';

const POLL_MS = 500;
const finished = (e: AuditExport | null) => e?.status === 'done' || e?.status === 'failed';

/** Follows one export until it is done, then offers the pack, its recorded digest, its verification and how to verify it offline. */
export function ExportProgress({ tenantId, exportId, onFinished }: { tenantId: string; exportId: string; onFinished: () => void }) {
  const { active } = useSessions();
  const token = active?.token;
  const [job, setJob] = useState<AuditExport | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [downloaded, setDownloaded] = useState<string | null | undefined>(undefined);
  const finishedRef = useRef(onFinished);
  finishedRef.current = onFinished;

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await apiFor(token).get<AuditExport>(`/audit/exports/${exportId}`);
        if (stopped) return;
        setJob(next);
        if (finished(next)) finishedRef.current();
        else timer = setTimeout(() => void poll(), POLL_MS);
      } catch (error) {
        if (!stopped) setProblem(toProblem(error));
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [exportId, token]);

  const filename = `audit-export-${exportId}.tar.gz`;
  async function download(path: string) {
    setProblem(null);
    try {
      setDownloaded(await downloadFile(path.replace(/^\/api\/v1/, ''), token, filename));
    } catch (error) {
      setProblem(toProblem(error));
    }
  }

  const link = job?.download ?? null;
  const jwks = `${location.origin}/api/v1/tenants/${encodeURIComponent(tenantId)}/jwks.json`;
  return (
    <div className="card" role="region" aria-label="Current export">
      <h2>Export {exportId}</h2>
      {problem !== null && <ProblemAlert problem={problem} />}
      {job === null ? (
        problem === null && (
          <p className="status" role="status">
            Loading export…
          </p>
        )
      ) : (
        <>
          <p role="status" aria-live="polite">
            Status: <strong>{job.status}</strong>
            {job.progress.phase !== undefined && ` · ${job.progress.phase}`}
            {job.progress.total !== undefined && ` · ${job.progress.records ?? 0} of ${job.progress.total} records`}
          </p>
          <progress max={100} value={job.progress.percent} aria-label="Export progress">
            {job.progress.percent}%
          </progress>
          {job.status === 'failed' && <ProblemAlert problem={{ type: 'about:blank', title: 'The export failed', status: 0, detail: job.error ?? 'no reason recorded' }} />}
          {job.status === 'done' && (
            <>
              <dl className="facts">
                <dt>Pack SHA-256</dt>
                <dd>
                  <code className="digest" data-testid="pack-digest">
                    {job.pack_sha256}
                  </code>
                </dd>
                <dt>Size</dt>
                <dd>{job.pack_size} bytes</dd>
                <dt>Records</dt>
                <dd>{job.counts === null ? '—' : Object.entries(job.counts).map(([k, v]) => `${k}: ${v}`).join(', ')}</dd>
              </dl>
              {link !== null && (
                <button type="button" className="primary" onClick={() => void download(link)}>
                  Download pack
                </button>
              )}
              {downloaded !== undefined && (
                <p className={downloaded === job.pack_sha256 ? 'notice' : 'alert'} role="status">
                  {downloaded === null
                    ? 'Downloaded; this page cannot compute digests, check it with the command below.'
                    : downloaded === job.pack_sha256
                      ? 'Downloaded; its SHA-256 matches the digest the server recorded.'
                      : `Downloaded, but its SHA-256 ${downloaded} differs from the recorded digest.`}
                </p>
              )}
              <ExportVerificationPanel exportId={exportId} />
              <p>Verify the pack offline too (signatures, receipts, digests):</p>
              <pre className="command">
                <code>{`companyos verify ${filename} --jwks ${jwks}`}</code>
              </pre>
            </>
          )}
        </>
      )}
    </div>
  );
}
