import { useApiPath } from '../../api/use-api-data.ts';
import { Link } from '../../router/router.tsx';
import { AsyncView } from '../../ui/async-view.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { subjectHref } from '../graph/graph-api.ts';
import { SubjectPage } from './subject-page.tsx';
import type { Subject } from './subject-types.ts';

/** People: the tenant's subjects, or one subject's page. */
export function SubjectsScreen({ tenantId, subjectId }: { tenantId: string; subjectId: string | undefined }) {
  return subjectId === undefined ? <SubjectList tenantId={tenantId} /> : <SubjectPage tenantId={tenantId} subjectId={subjectId} />;
}

function SubjectList({ tenantId }: { tenantId: string }) {
  const { state, reload } = useApiPath<{ subjects: Subject[] }>('/subjects', 0);
  return (
    <section aria-labelledby="subjects-title">
      <h1 id="subjects-title">People</h1>
      <p className="hint">The tenant's users and services: open one to see its roles, attributes, teams, entitlements and what it did lately.</p>
      <AsyncView state={state} label="people" isEmpty={(d) => d.subjects.length === 0} onRetry={reload}>
        {({ subjects }) => (
          <DataTable caption={`People (${subjects.length})`} columns={['Name', 'Subject id', 'Roles', 'Status']}>
            {subjects.map((s) => (
              <tr key={s.subject_id}>
                <td>
                  <Link href={subjectHref(tenantId, s.subject_id)}>{s.display_name}</Link>
                </td>
                <td>
                  <code>{s.subject_id}</code>
                </td>
                <td>{s.roles.join(', ')}</td>
                <td>{s.status}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </AsyncView>
    </section>
  );
}
