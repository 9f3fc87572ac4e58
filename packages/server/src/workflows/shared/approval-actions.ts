import { Type } from '@sinclair/typebox';
import { currentTx } from '../../context.ts';
import { defineAction, type AnyAction } from '../../pipeline/define-action.ts';
import { preflight } from '../../pipeline/preflight.ts';
import { approvalInbox } from './approval-inbox.ts';

const PendingView = Type.Object({
  flow: Type.String(),
  id: Type.String(),
  title: Type.String(),
  requestedBy: Type.String(),
  requestedAt: Type.String({ format: 'date-time' }),
  rationaleHistory: Type.Array(Type.Object({ by: Type.String(), at: Type.String({ format: 'date-time' }), decision: Type.String(), rationale: Type.Union([Type.String(), Type.Null()]) })),
  allows: Type.String({ description: 'what approving will allow' }),
  requiredApprovers: Type.Array(Type.String(), { description: 'who must still approve after the caller: role:<name> or subject:<id>' }),
  link: Type.String({ description: "the item's page in the console" }),
  decide: Type.Object({ approve: Type.String(), deny: Type.String() }),
});

/**
 * `approval.inbox.list`: everything waiting for the caller's approval across flows, each item
 * offered only when the flow's approval policy needs the caller and the pipeline would allow the
 * caller's approval. `catalog` is every action the server mounts.
 */
export function inboxAction(catalog: () => AnyAction[]) {
  return defineAction({
    name: 'approval.inbox.list',
    method: 'GET',
    path: '/approvals',
    summary: "Everything waiting for the caller's approval across flows, with its rationale history, what it allows and who else must approve",
    scope: 'tenant',
    query: Type.Object({ assignee: Type.Literal('me', { description: 'whose inbox: only the caller’s own' }) }, { additionalProperties: false }),
    response: Type.Object({ approvals: Type.Array(PendingView) }),
    run: async (ctx) => {
      const byName = new Map(catalog().map((a) => [a.name, a]));
      const can = async (name: string, resource: Record<string, string>): Promise<boolean> => {
        const action = byName.get(name);
        if (action === undefined) throw new Error(`an approval source asked about ${name}, which is not an action`);
        return (await preflight(ctx, action, resource)).allowed;
      };
      return { approvals: await approvalInbox({ tx: currentTx(), tenantId: ctx.tenantId, principal: ctx.principal, now: ctx.now, can }) };
    },
  });
}
