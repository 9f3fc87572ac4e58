import { Type } from '@sinclair/typebox';
import { defineAction } from '../pipeline/define-action.ts';
import { ledgerServices } from '../ledger/ledger-runtime.ts';
import { TenantId } from '../tenancy/tenant-config.ts';
import { kekActions } from './kek-actions.ts';

export const rotateTenantKeyAction = defineAction({
  name: 'tenant.keys.rotate',
  method: 'POST',
  path: '/tenants/:id/keys/rotate',
  summary: "Rotate the caller tenant's signing key: new artifacts use a new key, the old one is retired and stays in the JWKS (tenant admins, step-up)",
  scope: 'tenant',
  tenantParam: 'id',
  params: Type.Object({ id: TenantId }),
  response: Type.Object({ kid: Type.String(), retired: Type.Array(Type.String()) }),
  target: (ctx) => `tenant:${ctx.tenantId}`,
  run: async (ctx) => {
    const { created, retired } = await ledgerServices().keys.rotate(ctx.now);
    return { kid: created.kid, retired };
  },
});

export const keyActions = [rotateTenantKeyAction, ...kekActions];
