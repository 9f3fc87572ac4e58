import { auditActions } from './audit/actions.ts';
import { identityActions } from './identity/actions.ts';
import type { AnyAction, HttpMethod } from './pipeline/define-action.ts';
import { DECISION_PATH } from './policy/policy-engine.ts';
import { tenancyActions } from './tenancy/actions.ts';
import { brandingActions } from './branding/actions.ts';
import { flagActions } from './flags/actions.ts';
import { configDocumentActions } from './tenancy/config-document.ts';
import { keyActions } from './keys/actions.ts';
import { ledgerActions } from './ledger/actions.ts';
import { policyActions } from './policy/actions.ts';
import { canAction } from './policy/can-action.ts';
import { highRiskActions } from './workflows/high-risk/actions.ts';
import { purgeActions } from './workflows/purge/actions.ts';
import { revopsActions } from './workflows/revops/actions.ts';
import { graphActions } from './graph/index.ts';
import { finopsActions } from './finops/actions.ts';
import { registerApprovalSource } from './workflows/shared/approval-inbox.ts';
import { inboxAction } from './workflows/shared/approval-actions.ts';
import { highRiskApprovals } from './workflows/high-risk/approval-source.ts';
import { quoteApprovals } from './workflows/revops/approval-source.ts';
import { purgeApprovals } from './workflows/purge/approval-source.ts';
import { runbookActions } from './runbooks/actions.ts';
import { incidentActions } from './workflows/incidents/actions.ts';
import { boardActions } from './board/actions.ts';
import { onboardingActions } from './onboarding/actions.ts';
import { observabilityActions } from './observability/slo-actions.ts';
import { portalActions } from './portal/actions.ts';

/** Every governed action the server mounts. A feature adds its actions here. */
export const allActions: AnyAction[] = [...tenancyActions, ...identityActions, ...auditActions, ...ledgerActions, ...keyActions, ...flagActions, ...brandingActions, ...configDocumentActions, ...policyActions, ...highRiskActions, ...purgeActions, ...revopsActions, ...graphActions, ...finopsActions, ...runbookActions, ...incidentActions, ...boardActions, ...onboardingActions, ...observabilityActions, ...portalActions, canAction(() => allActions), inboxAction(() => allActions)];

// The flows whose pending approvals the inbox gathers.
registerApprovalSource(highRiskApprovals);
registerApprovalSource(quoteApprovals);
registerApprovalSource(purgeApprovals);

export interface ActionSummary {
  name: string;
  method: HttpMethod;
  path: string;
  scope: 'tenant' | 'platform';
  quota: string | null;
  summary: string;
  /** The policy rule that decides it. */
  policy: string;
}

/** The action catalog (for `companyos actions` and documentation), sorted by name. */
export function listActions(actions: AnyAction[] = allActions): ActionSummary[] {
  return actions
    .map((a) => ({ name: a.name, method: a.method, path: `/api/v1${a.path}`, scope: a.scope, quota: a.quota ?? null, summary: a.summary ?? a.name, policy: `data.${DECISION_PATH}` }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
