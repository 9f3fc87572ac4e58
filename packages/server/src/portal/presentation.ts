import type { PortalViewer } from '../identity/principal.ts';
import { fieldNames, PRESENTATION_PATH, type PresentationInput } from '../ledger/presentation-policy.ts';
import type { RunContext } from '../pipeline/define-action.ts';
import { Denied } from '../pipeline/execute.ts';
import { policyRuntime } from '../policy/policy-runtime.ts';

type ViewContext = Pick<RunContext, 'principal' | 'tenantId' | 'action' | 'now' | 'bundleHash'>;

/** A refusal the action reaches after the policy's decision, audited as a denial like the policy's own. */
export function refuse(ctx: Pick<RunContext, 'bundleHash'>, reason: string): Denied {
  return new Denied({ reasons: [reason], bundleHash: ctx.bundleHash }, reason);
}

/** The portal viewer of a request; only a portal sign-in carries one. */
export function viewerOf(ctx: Pick<RunContext, 'principal' | 'bundleHash'>): PortalViewer {
  const viewer = ctx.principal.viewer;
  if (viewer === undefined || ctx.principal.credential !== 'portal_viewer') throw refuse(ctx, 'the trust portal is for invited viewers signed in with a portal sign-in');
  return viewer;
}

/**
 * The fields of a record type the viewer may see, by the tenant's presentation policy for the
 * viewer's role, purpose and legal basis. Each question is logged to the decision log.
 */
export function visibleFields(ctx: ViewContext, recordType: string): string[] {
  const viewer = viewerOf(ctx);
  const input: PresentationInput = {
    viewer: { id: ctx.principal.subjectId, tenant_id: ctx.principal.tenantId, roles: ctx.principal.roles },
    record_type: recordType,
    purpose: viewer.purpose,
    legal_basis: viewer.legalBasis,
    tenant: ctx.tenantId,
  };
  const result = policyRuntime().engine.evaluateLogged(ctx.tenantId, PRESENTATION_PATH, { ...input }, { actor: ctx.principal.subjectId, action: ctx.action, time: ctx.now.toISOString() });
  return fieldNames(result).sort();
}

/** A record cut down to the visible fields: what is withheld never leaves the server. */
export function masked<T extends object>(record: T, visible: readonly string[]): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => visible.includes(k))) as Partial<T>;
}
