import { useState } from 'react';
import type { Tenant } from '../../api/types.ts';
import { useSessions } from '../../session/session-store.ts';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { ReasonDialog } from '../../ui/reason-dialog.tsx';

/**
 * Disabling or enabling a tenant, with its required reason. The operator's own platform tenant
 * is never offered for disabling (the server refuses it too).
 */
export function useTenantStatusChange(onChanged: (t: Tenant, verb: 'disable' | 'enable') => void) {
  const { active } = useSessions();
  const action = useGovernedAction();
  const [asking, setAsking] = useState<{ tenant: Tenant; verb: 'disable' | 'enable' } | null>(null);

  async function change(tenant: Tenant, verb: 'disable' | 'enable', reason: string) {
    setAsking(null);
    const done = await action.run((api) => api.send<Tenant>('POST', `/tenants/${encodeURIComponent(tenant.tenant_id)}/${verb}`, { reason }));
    if (done !== undefined) onChanged(done, verb);
  }

  const dialog =
    asking === null ? null : (
      <ReasonDialog
        title={`${asking.verb === 'disable' ? 'Disable' : 'Enable'} ${asking.tenant.tenant_id}?`}
        message={
          asking.verb === 'disable'
            ? `Users of ${asking.tenant.config.display_name} will no longer be able to sign in or run actions until the tenant is enabled again.`
            : `Users of ${asking.tenant.config.display_name} will be able to sign in and run actions again.`
        }
        label="Reason"
        confirmLabel={asking.verb === 'disable' ? 'Disable tenant' : 'Enable tenant'}
        onCancel={() => setAsking(null)}
        onConfirm={(reason) => void change(asking.tenant, asking.verb, reason)}
      />
    );

  return {
    /** Whether this session may be offered disabling the tenant: never its own platform tenant. */
    canDisable: (t: Tenant) => t.status === 'active' && t.tenant_id !== active?.tenant_id,
    ask: (tenant: Tenant, verb: 'disable' | 'enable') => setAsking({ tenant, verb }),
    action,
    dialog: (
      <>
        {dialog}
        {action.dialog}
      </>
    ),
  };
}
