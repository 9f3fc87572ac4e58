import type { AuditPage } from '../../api/types.ts';
import { useApiPath } from '../../api/use-api-data.ts';
import { Link } from '../../router/router.tsx';
import { AsyncView } from '../../ui/async-view.tsx';
import { Time } from '../../ui/time.tsx';
import { entityHref, entityLabel, neighbourhoodPath, type GraphEntity, type Neighbourhood } from '../graph/graph-api.ts';
import { RelatedPane } from '../graph/related-pane.tsx';
import { linkedBy, receiptOf, recentReceiptsPath, subjectEntityId, SUBJECT_WALK, type Subject } from './subject-types.ts';

/** One subject: who it is (roles, attributes), its teams and entitlements, its recent receipts, and what the graph links to it. */
export function SubjectPage({ tenantId, subjectId }: { tenantId: string; subjectId: string }) {
  const { state, reload } = useApiPath<Subject>(`/subjects/${encodeURIComponent(subjectId)}`, 0);
  return (
    <section aria-labelledby="subject-title">
      <p>
        <Link href={`/tenants/${encodeURIComponent(tenantId)}/subjects`}>← All people</Link>
      </p>
      <h1 id="subject-title">
        {state.status === 'ready' ? state.data.display_name : 'Subject'} <code>{subjectId}</code>
      </h1>
      <AsyncView state={state} label="the subject" onRetry={reload}>
        {(s) => (
          <div className="with-related">
            <div>
              <div className="card">
                <h2>Who</h2>
                <dl className="facts">
                  <dt>Status</dt>
                  <dd>
                    <span className={`badge ${s.status === 'active' ? 'allow' : 'deny'}`}>{s.status}</span>
                  </dd>
                  <dt>Roles</dt>
                  <dd>{s.roles.length === 0 ? <span className="muted">none</span> : s.roles.join(', ')}</dd>
                  {Object.entries(s.attributes).map(([k, v]) => (
                    <Attribute key={k} name={k} value={v} />
                  ))}
                  <dt>Since</dt>
                  <dd>
                    <Time at={s.created_at} />
                  </dd>
                </dl>
              </div>
              <TeamsAndEntitlements tenantId={tenantId} subjectId={s.subject_id} />
              <RecentReceipts tenantId={tenantId} subjectId={s.subject_id} />
            </div>
            <RelatedPane tenantId={tenantId} entityId={subjectEntityId(s.subject_id)} />
          </div>
        )}
      </AsyncView>
    </section>
  );
}

function Attribute({ name, value }: { name: string; value: unknown }) {
  return (
    <>
      <dt>{name.replaceAll('_', ' ')}</dt>
      <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
    </>
  );
}

function EntityList({ tenantId, title, entities }: { tenantId: string; title: string; entities: GraphEntity[] }) {
  return (
    <>
      <h3>
        {title} ({entities.length})
      </h3>
      {entities.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul>
          {entities.map((e) => (
            <li key={e.entity_id}>
              <Link href={entityHref(tenantId, e.entity_id)}>{entityLabel(e)}</Link> <span className="hint">{e.type}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The teams the subject is a member of and the entities it is entitled to, from its edges in the graph. */
function TeamsAndEntitlements({ tenantId, subjectId }: { tenantId: string; subjectId: string }) {
  const { state, reload } = useApiPath<Neighbourhood>(neighbourhoodPath(subjectEntityId(subjectId), SUBJECT_WALK), 0);
  return (
    <div className="card">
      <h2>Teams and entitlements</h2>
      {state.status === 'error' && state.problem.status === 403 ? (
        <p className="hint">Your role may not read the graph.</p>
      ) : (
        <AsyncView state={state} label="teams and entitlements" onRetry={reload}>
          {(n) => (
            <>
              <EntityList tenantId={tenantId} title="Teams" entities={linkedBy(n, 'MEMBER_OF')} />
              <EntityList tenantId={tenantId} title="Entitled to" entities={linkedBy(n, 'ENTITLED_TO')} />
              {n.hidden > 0 && <p className="hint">{n.hidden} more hidden: your role may not see them.</p>}
              {n.truncated && <p className="hint">Only the first {n.neighbours.length} are listed.</p>}
            </>
          )}
        </AsyncView>
      )}
    </div>
  );
}

/** The subject's latest allowed changes, each with the receipt that attests it. */
function RecentReceipts({ tenantId, subjectId }: { tenantId: string; subjectId: string }) {
  const { state, reload } = useApiPath<AuditPage>(recentReceiptsPath(subjectId), 0);
  return (
    <div className="card">
      <h2>Recent receipts</h2>
      {state.status === 'error' && state.problem.status === 403 ? (
        <p className="hint">Your role may not read the audit trail.</p>
      ) : (
        <AsyncView state={state} label="recent receipts" isEmpty={(p) => p.events.length === 0} empty="No receipted changes by this subject yet." onRetry={reload}>
          {(p) => (
            <ul aria-label={`Recent receipts of ${subjectId}`}>
              {p.events.map((e) => {
                const receipt = receiptOf(e);
                return (
                  <li key={e.event_id}>
                    <Time at={e.occurred_at} /> <strong>{e.action}</strong> {e.target !== null && <code>{e.target}</code>}{' '}
                    {receipt !== undefined && <Link href={`/tenants/${encodeURIComponent(tenantId)}/receipts/${encodeURIComponent(receipt)}`}>receipt {receipt}</Link>}
                  </li>
                );
              })}
            </ul>
          )}
        </AsyncView>
      )}
    </div>
  );
}
