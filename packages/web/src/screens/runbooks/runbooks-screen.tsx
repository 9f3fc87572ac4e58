import { RunbookList } from './runbook-list.tsx';
import { RunbookPage } from './runbook-page.tsx';

/** Runbooks: the list, or one runbook at its stable address /tenants/{tenant}/runbooks/{slug}. */
export function RunbooksScreen({ slug }: { slug: string | undefined }) {
  return slug === undefined ? <RunbookList /> : <RunbookPage slug={slug} />;
}
