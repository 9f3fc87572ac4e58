import { apiFor } from '../../api/client.ts';
import type { PolicyVersionList } from '../../api/governance-types.ts';
import { useSessions } from '../../session/session-store.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { useAsync } from '../../ui/use-async.ts';
import { PolicyDiffForm } from './policy-diff-form.tsx';
import { PolicySimulateForm } from './policy-simulate-form.tsx';
import { PolicyVersions } from './policy-versions.tsx';
import { Time } from '../../ui/time.tsx';

/** The tenant's policy bundle: what is active, its versions, diffs, rollback and simulation. */
export function PolicyScreen({ tenantId }: { tenantId: string }) {
  const { active } = useSessions();
  const { state, reload } = useAsync(() => apiFor(active?.token).get<PolicyVersionList>('/policy/versions'), `policy:${tenantId}:${active?.token}`);
  return (
    <section aria-labelledby="policy-title">
      <h1 id="policy-title">Policy</h1>
      <AsyncView state={state} label="policy versions" onRetry={reload}>
        {(list) => (
          <>
            <div className="card" role="region" aria-label="Active bundle">
              <h2>Active bundle</h2>
              <dl className="facts">
                <dt>Version</dt>
                <dd>
                  {list.active === null ? (
                    'the base bundle (no tenant version activated)'
                  ) : (
                    <>
                      v{list.active.version} ({list.active.kind} by {list.active.actor}, <Time at={list.active.activated_at} />)
                    </>
                  )}
                </dd>
                <dt>Hash</dt>
                <dd>
                  <code className="digest">{list.active?.hash ?? list.base_hash}</code>
                </dd>
                <dt>Loaded</dt>
                <dd>
                  <code className="digest">{list.loaded_hash}</code>
                </dd>
              </dl>
            </div>
            <PolicyVersions list={list} onChanged={reload} />
            <PolicyDiffForm versions={list.versions} />
          </>
        )}
      </AsyncView>
      <PolicySimulateForm tenantId={tenantId} />
    </section>
  );
}
