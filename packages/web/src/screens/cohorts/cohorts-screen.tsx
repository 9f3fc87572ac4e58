import { useState, type FormEvent } from 'react';
import type { CohortReport } from '../../api/types.ts';
import { useApiPath } from '../../api/use-api-data.ts';
import { Link, navigate } from '../../router/router.tsx';
import { AsyncView } from '../../ui/async-view.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { duration } from '../../ui/format.ts';

const cohortHref = (cohort: string) => `/operator/cohorts/${encodeURIComponent(cohort)}`;
const ms = (v: number | null) => (v === null ? '—' : duration(v));

/** Operators: a partner cohort's onboarding, or the form that opens one by name. */
export function CohortsScreen({ cohort }: { cohort: string | undefined }) {
  return cohort === undefined ? <CohortLookup /> : <CohortDashboard cohort={cohort} />;
}

function CohortLookup() {
  const [name, setName] = useState('');
  const open = (e: FormEvent) => {
    e.preventDefault();
    navigate(cohortHref(name.trim()));
  };
  return (
    <section aria-labelledby="cohorts-title">
      <h1 id="cohorts-title">Cohorts</h1>
      <p className="hint">A cohort is the set of partner tenants onboarded together by companyos onboard --batch. Open one by its name to see how far each tenant got.</p>
      <form className="card" aria-label="Open a cohort" onSubmit={open}>
        <label>
          Cohort
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <button type="submit">Open</button>
      </form>
    </section>
  );
}

function CohortDashboard({ cohort }: { cohort: string }) {
  const { state, reload } = useApiPath<CohortReport>(`/onboarding/cohorts/${encodeURIComponent(cohort)}`, 0);
  return (
    <section aria-labelledby="cohort-title">
      <p>
        <Link href="/operator/cohorts">← Open another cohort</Link>
      </p>
      <h1 id="cohort-title">
        Cohort <code>{cohort}</code>
      </h1>
      <AsyncView state={state} label="the cohort" isEmpty={(r) => r.tenants.length === 0} empty="No tenant of this cohort has started onboarding yet." onRetry={reload}>
        {(r) => (
          <>
            {r.alert.raised && (
              <p className="alert" role="alert">
                {r.alert.message}
              </p>
            )}
            <div className="card">
              <h2>Totals</h2>
              <dl className="facts">
                <dt>Tenants</dt>
                <dd>{r.totals.tenants}</dd>
                <dt>Onboarded</dt>
                <dd>{r.totals.onboarded}</dd>
                <dt>Verified</dt>
                <dd>{r.totals.verified}</dd>
                <dt>Failed</dt>
                <dd>
                  {r.totals.failed} ({(r.alert.failed_share * 100).toFixed(0)}%, alert above {(r.alert.threshold * 100).toFixed(0)}%)
                </dd>
                <dt>In progress</dt>
                <dd>{r.totals.in_progress}</dd>
                <dt>Time to first verify</dt>
                <dd>
                  median {ms(r.time_to_first_verify_ms.p50)}, slowest {ms(r.time_to_first_verify_ms.max)}
                </dd>
              </dl>
            </div>
            <DataTable caption={`Tenants of cohort ${r.cohort} (${r.tenants.length})`} columns={['Tenant', 'State', 'Steps done', 'Time to first verify', 'Failure']}>
              {r.tenants.map((t) => (
                <tr key={t.tenant_id}>
                  <th scope="row">
                    <Link href={`/operator/tenants/${encodeURIComponent(t.tenant_id)}`}>{t.tenant_id}</Link>
                  </th>
                  <td>
                    <span className={`badge ${t.state === 'failed' ? 'deny' : t.state === 'verified' ? 'allow' : ''}`}>{t.state}</span>
                  </td>
                  <td>{t.done.join(', ') || '—'}</td>
                  <td>{ms(t.time_to_first_verify_ms)}</td>
                  <td>{t.failed_step === null ? '—' : `${t.failed_step}: ${t.error ?? 'failed'}`}</td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </AsyncView>
    </section>
  );
}
