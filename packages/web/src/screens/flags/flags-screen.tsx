import { apiFor } from '../../api/client.ts';
import type { Flag, FlagEvaluation } from '../../api/governance-types.ts';
import { useSessions } from '../../session/session-store.ts';
import { useCan } from '../../session/use-can.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { useAsync } from '../../ui/use-async.ts';
import { FlagTable } from './flag-table.tsx';

export interface FlagRow {
  flag: Flag;
  evaluation: FlagEvaluation | undefined;
}

const CHANGE = [{ action: 'flag.set' }];

/** The tenant's feature flags: its setting of each and what it serves the signed-in user. */
export function FlagsScreen({ tenantId }: { tenantId: string }) {
  const { active } = useSessions();
  const { state, reload } = useAsync(async (): Promise<FlagRow[]> => {
    const api = apiFor(active?.token);
    const [{ flags }, { evaluations }] = await Promise.all([api.get<{ flags: Flag[] }>('/flags'), api.send<{ evaluations: FlagEvaluation[] }>('POST', '/flags/evaluate', {})]);
    return flags.map((flag) => ({ flag, evaluation: evaluations.find((e) => e.flag_id === flag.flag_id) }));
  }, `flags:${tenantId}:${active?.token}`);
  const canChange = useCan(CHANGE).can('flag.set');
  return (
    <section aria-labelledby="flags-title">
      <h1 id="flags-title">Feature flags</h1>
      <AsyncView state={state} label="feature flags" onRetry={reload} isEmpty={(rows) => rows.length === 0}>
        {(rows) => <FlagTable rows={rows} canChange={canChange} onChanged={reload} />}
      </AsyncView>
    </section>
  );
}
