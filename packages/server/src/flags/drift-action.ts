import { Type } from '@sinclair/typebox';
import { brandingCache } from '../branding/branding-cache.ts';
import { defineAction } from '../pipeline/define-action.ts';
import { flagService } from './flag-service.ts';

const Reading = Type.Object({
  kind: Type.String(),
  drifted: Type.Boolean(),
  loaded: Type.Union([Type.String(), Type.Null()], { description: 'hash this process holds; null when it has not loaded the tenant' }),
  desired: Type.Union([Type.String(), Type.Null()], { description: 'hash the database holds' }),
});

export const getConfigDrift = defineAction({
  name: 'config.drift.get',
  method: 'GET',
  path: '/config/drift',
  summary: "Whether this process's copy of the tenant's flags and configuration matches the database",
  scope: 'tenant',
  response: Type.Object({ tenant: Type.String(), readings: Type.Array(Reading) }),
  run: async (ctx) => {
    const flags = await flagService().driftOfCurrent();
    const config = await brandingCache().driftOfCurrent();
    const readings = [
      { kind: 'flags', drifted: flags.drifted, loaded: flags.loaded, desired: flags.desired },
      { kind: 'config', drifted: config.drifted, loaded: config.loaded, desired: config.desired },
    ];
    return { tenant: ctx.tenantId, readings };
  },
});
