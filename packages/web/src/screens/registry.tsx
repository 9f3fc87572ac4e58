import type { ReactNode } from 'react';
import { ApprovalsScreen } from './approvals/approvals-screen.tsx';
import { AuditLogScreen } from './audit/audit-log-screen.tsx';
import { BoardPacksScreen } from './board-packs/board-packs-screen.tsx';
import { BrandingScreen } from './branding/branding-screen.tsx';
import { CohortsScreen } from './cohorts/cohorts-screen.tsx';
import { ExportScreen } from './export/export-screen.tsx';
import { FinopsScreen } from './finops/finops-screen.tsx';
import { MarginsScreen } from './finops/margins-screen.tsx';
import { FlagsScreen } from './flags/flags-screen.tsx';
import { ExplorerScreen } from './graph/explorer-screen.tsx';
import { HighRiskOpsScreen } from './high-risk-ops/high-risk-ops-screen.tsx';
import { IncidentsScreen } from './incidents/incidents-screen.tsx';
import { KeysScreen } from './keys/keys-screen.tsx';
import { OperatorHomeScreen } from './operator-home/operator-home-screen.tsx';
import { PolicyScreen } from './policy/policy-screen.tsx';
import { ReceiptsScreen } from './receipts/receipts-screen.tsx';
import { RevopsDashboardScreen } from './revops/revops-dashboard.tsx';
import { RevopsScreen } from './revops/revops-screen.tsx';
import { RunbooksScreen } from './runbooks/runbooks-screen.tsx';
import { SecurityScreen } from './security/security-screen.tsx';
import { SubjectsScreen } from './subjects/subjects-screen.tsx';
import { TenantConfigScreen } from './tenant-config/tenant-config-screen.tsx';
import { TenantListScreen } from './tenants/tenant-list-screen.tsx';
import { TenantPageScreen } from './tenants/tenant-page-screen.tsx';

/**
 * The console's screens behind sign-in. Each is its own module; a new screen is one entry
 * here. `scope: 'tenant'` screens live under /tenants/:id/ and show
 * the active tenant.
 */
export interface ScreenDef {
  id: string;
  title: string;
  scope: 'platform' | 'tenant';
  /** The path below the scope prefix. */
  segment: string;
  /** The actions the screen is for: the navigation offers it when the server's preflight allows them all. */
  offered: string[];
  /** Whether the screen also shows one item at `<its path>/<item>` (a runbook's slug, a tenant's id). */
  detail?: true;
  /** `item` is the detail pattern's parameter when the path names one item. */
  render: (params: { tenantId: string; item?: string | undefined }) => ReactNode;
}

export const SCREENS: ScreenDef[] = [
  {
    id: 'tenants',
    title: 'Tenants',
    scope: 'platform',
    segment: 'tenants',
    detail: true,
    offered: ['tenant.list'],
    render: ({ item }) => (item === undefined ? <TenantListScreen /> : <TenantPageScreen tenantId={item} />),
  },
  { id: 'operator-home', title: 'Operator home', scope: 'platform', segment: 'home', offered: ['observability.slo.get'], render: () => <OperatorHomeScreen /> },
  {
    id: 'config',
    title: 'Configuration',
    scope: 'tenant',
    segment: 'config',
    offered: ['tenant.config.get'],
    render: ({ tenantId }) => <TenantConfigScreen tenantId={tenantId} />,
  },
  { id: 'branding', title: 'Branding', scope: 'tenant', segment: 'branding', offered: ['branding.update'], render: ({ tenantId }) => <BrandingScreen tenantId={tenantId} /> },
  { id: 'approvals', title: 'Approvals', scope: 'tenant', segment: 'approvals', offered: ['approval.inbox.list'], render: () => <ApprovalsScreen /> },
  { id: 'audit', title: 'Audit log', scope: 'tenant', segment: 'audit', offered: ['audit.list'], render: () => <AuditLogScreen /> },
  { id: 'keys', title: 'Keys', scope: 'tenant', segment: 'keys', offered: ['tenant.keys.rotate'], render: ({ tenantId }) => <KeysScreen tenantId={tenantId} /> },
  { id: 'policy', title: 'Policy', scope: 'tenant', segment: 'policy', offered: ['policy.bundle.list'], render: ({ tenantId }) => <PolicyScreen tenantId={tenantId} /> },
  { id: 'flags', title: 'Flags', scope: 'tenant', segment: 'flags', offered: ['flag.list'], render: ({ tenantId }) => <FlagsScreen tenantId={tenantId} /> },
  { id: 'export', title: 'Export', scope: 'tenant', segment: 'export', offered: ['audit.export.create'], render: ({ tenantId }) => <ExportScreen tenantId={tenantId} /> },
  { id: 'security', title: 'Security', scope: 'tenant', segment: 'security', offered: ['high_risk.request.list'], render: ({ tenantId }) => <SecurityScreen tenantId={tenantId} /> },
  {
    id: 'subjects',
    title: 'People',
    scope: 'tenant',
    segment: 'subjects',
    detail: true,
    offered: ['subject.list'],
    render: ({ tenantId, item }) => <SubjectsScreen tenantId={tenantId} subjectId={item} />,
  },
  { id: 'graph', title: 'Graph', scope: 'tenant', segment: 'graph', offered: ['graph.neighbours.get'], render: ({ tenantId }) => <ExplorerScreen tenantId={tenantId} /> },
  { id: 'incidents', title: 'Incidents', scope: 'tenant', segment: 'incidents', detail: true, offered: ['incident.list'], render: ({ item }) => <IncidentsScreen incidentId={item} /> },
  { id: 'runbooks', title: 'Runbooks', scope: 'tenant', segment: 'runbooks', detail: true, offered: ['runbook.list'], render: ({ item }) => <RunbooksScreen slug={item} /> },
  { id: 'revops', title: 'RevOps', scope: 'tenant', segment: 'revops', offered: ['revops.quote.list'], render: ({ tenantId }) => <RevopsScreen tenantId={tenantId} /> },
  { id: 'revops-dashboard', title: 'RevOps governance', scope: 'tenant', segment: 'revops-dashboard', offered: ['revops.dashboard.get'], render: () => <RevopsDashboardScreen /> },
  { id: 'finops', title: 'FinOps', scope: 'tenant', segment: 'finops', offered: ['finops.usage.list'], render: ({ tenantId }) => <FinopsScreen tenantId={tenantId} /> },
  { id: 'receipts', title: 'Receipts', scope: 'tenant', segment: 'receipts', detail: true, offered: ['provenance.receipt.get'], render: ({ tenantId, item }) => <ReceiptsScreen tenantId={tenantId} receiptId={item} /> },
  { id: 'cohorts', title: 'Cohorts', scope: 'platform', segment: 'cohorts', detail: true, offered: ['onboarding.cohort.get'], render: ({ item }) => <CohortsScreen cohort={item} /> },
  { id: 'board-packs', title: 'Board pack', scope: 'platform', segment: 'board-packs', offered: ['board.pack.list'], render: () => <BoardPacksScreen /> },
  { id: 'high-risk-ops', title: 'High-Risk Ops', scope: 'tenant', segment: 'high-risk-ops', offered: ['high_risk.dashboard.get'], render: ({ tenantId }) => <HighRiskOpsScreen tenantId={tenantId} /> },
  { id: 'margins', title: 'Cost and margin', scope: 'platform', segment: 'margins', offered: ['finops.cost.tenants'], render: () => <MarginsScreen /> },
];

export function screenPath(screen: ScreenDef, tenantId: string): string {
  return screen.scope === 'platform' ? `/operator/${screen.segment}` : `/tenants/${encodeURIComponent(tenantId)}/${screen.segment}`;
}

export function screenPattern(screen: ScreenDef): string {
  return screen.scope === 'platform' ? `/operator/${screen.segment}` : `/tenants/:tenantId/${screen.segment}`;
}

/** The patterns a screen answers: its own path, and its detail path when it has one. */
export function screenPatterns(screen: ScreenDef): string[] {
  const own = screenPattern(screen);
  return screen.detail === undefined ? [own] : [own, `${own}/:item`];
}
