import { Link } from '../../router/router.tsx';
import { useSessions } from '../../session/session-store.ts';
import { useCan } from '../../session/use-can.ts';
import { subjectHref } from '../graph/graph-api.ts';

const SUBJECT_PAGE = [{ action: 'subject.get' }];

/** Whether subject ids may link to their pages: the preflight allows reading a subject. Asked once per list, not per row. */
export function useSubjectLinks(): boolean {
  return useCan(SUBJECT_PAGE).can('subject.get');
}

/**
 * A subject id, as a link to its page in the active tenant when `linked` (see useSubjectLinks);
 * the server's own actors (`system:…`) stay plain text.
 */
export function SubjectLink({ subjectId, linked }: { subjectId: string; linked: boolean }) {
  const { active } = useSessions();
  if (!linked || active === undefined || subjectId.startsWith('system:')) return <>{subjectId}</>;
  return <Link href={subjectHref(active.tenant_id, subjectId)}>{subjectId}</Link>;
}
