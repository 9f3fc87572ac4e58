import { useState, type FormEvent } from 'react';
import { downloadFile } from '../../api/download.ts';
import { toProblem, type Problem } from '../../api/problem.ts';
import type { BoardPack } from '../../api/types.ts';
import { useApiPath } from '../../api/use-api-data.ts';
import { useSessions } from '../../session/session-store.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { duration } from '../../ui/format.ts';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { Time } from '../../ui/time.tsx';

/** Operators: generate the board pack PDF of a period and download it; the packs made so far with their digests. */
export function BoardPacksScreen() {
  const { active } = useSessions();
  const [revision, setRevision] = useState(0);
  const { state, reload } = useApiPath<{ board_packs: BoardPack[] }>('/board-packs', revision);
  const [period, setPeriod] = useState('');
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);

  async function generate(e: FormEvent) {
    e.preventDefault();
    const filename = `board-${period.trim()}.pdf`;
    setProblem(null);
    setNotice('');
    setPending(true);
    try {
      const digest = await downloadFile('/board-packs', active?.token, filename, { body: { period: period.trim() } });
      setNotice(`Downloaded ${filename}${digest === null ? '' : ` (SHA-256 ${digest})`}.`);
      setRevision((r) => r + 1);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="board-packs-title">
      <h1 id="board-packs-title">Board pack</h1>
      <p className="hint">A signed PDF of a period's figures, each traceable to the stored data it came from. The same as companyos board-pack.</p>
      <form className="card" aria-label="Generate a board pack" onSubmit={(e) => void generate(e)}>
        <label>
          Period
          <input value={period} onChange={(e) => setPeriod(e.target.value)} required aria-describedby="board-period-hint" />
        </label>
        <p id="board-period-hint" className="hint">
          A year (2026), a half (2026-H1), a quarter (2026-Q2), a quarter up to its middle (2026-Q2-mid) or a month (2026-05).
        </p>
        <button type="submit" disabled={pending}>
          {pending ? 'Generating…' : 'Generate and download'}
        </button>
      </form>
      <p className="notice" role="status" aria-live="polite">
        {notice}
      </p>
      {problem !== null && <ProblemAlert problem={problem} />}
      <AsyncView state={state} label="board packs" isEmpty={(d) => d.board_packs.length === 0} empty="No board pack has been generated yet." onRetry={reload}>
        {(d) => (
          <DataTable caption={`Board packs (${d.board_packs.length})`} columns={['Period', 'Generated', 'By', 'Time to pack', 'SHA-256']}>
            {d.board_packs.map((p) => (
              <tr key={p.pack_id}>
                <th scope="row">{p.period}</th>
                <td>
                  <Time at={p.created_at} />
                </td>
                <td>{p.created_by}</td>
                <td>{duration(p.duration_ms)}</td>
                <td>
                  <code className="digest">{p.sha256}</code>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </AsyncView>
    </section>
  );
}
