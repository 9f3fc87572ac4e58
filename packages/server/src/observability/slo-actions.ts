import { Type } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../http/schema.ts';
import { defineAction } from '../pipeline/define-action.ts';
import { readSloStatus } from './slo-status.ts';
import type { Signals } from './signals.ts';

let signals: Signals | undefined;

/** Set by the app that mounts the action: availability is read from its request counters. */
export function setSloSignals(s: Signals): void {
  signals = s;
}

export const getSloStatus = defineAction({
  name: 'observability.slo.get',
  method: 'GET',
  path: '/observability/slos',
  summary: 'Each service level objective with its attainment, remaining error budget and state (platform operators)',
  scope: 'platform',
  response: Type.Object({
    at: Type.String({ format: 'date-time' }),
    slos: Type.Array(
      Type.Object({
        name: Type.String(),
        description: Type.String(),
        objective: Type.Number(),
        window: Type.String(),
        source: StringEnum(['stored', 'process'] as const),
        total: Type.Integer({ minimum: 0 }),
        bad: Type.Integer({ minimum: 0 }),
        attainment: Nullable(Type.Number()),
        budget_remaining: Nullable(Type.Number()),
        state: StringEnum(['met', 'at_risk', 'breached', 'no_data'] as const),
      }),
    ),
  }),
  run: async (ctx) => {
    if (signals === undefined) throw new Error('the SLO status has no request counters');
    return { at: ctx.now.toISOString(), slos: await readSloStatus(ctx.now, signals) };
  },
});

export const observabilityActions = [getSloStatus];
