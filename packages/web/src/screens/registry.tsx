import type { ReactNode } from 'react';
import { isOperator, type Session } from '../session/session-store.ts';
import { AuditLogScreen } from './audit/audit-log-screen.tsx';
import { BrandingScreen } from './branding/branding-screen.tsx';
import { ExportScreen } from './export/export-screen.tsx';
import { FlagsScreen } from './flags/flags-screen.tsx';
import { HighRiskOpsScreen } from './high-risk-ops/high-risk-ops-screen.tsx';
import { KeysScreen } from './keys/keys-screen.tsx';
import { OperatorHomeScreen } from './operator-home/operator-home-screen.tsx';
import { PolicyScreen } from './policy/policy-screen.tsx';
import { SecurityScreen } from './security/security-screen.tsx';
import { TenantConfigScreen } from './tenant-config/tenant-config-screen.tsx';
import { TenantListScreen } from './tenants/tenant-list-screen.tsx';

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
  /** Whether the navigation offers it to this session (the API still decides). */
  offered: (session: Session) => boolean;
  render: (params: { tenantId: string }) => ReactNode;
}

// Roles are unknown for single sign-on sessions: offer everything and let the API answer.
const rolesUnknown = (s: Session) => s.roles.length === 0;

export const SCREENS: ScreenDef[] = [
  { id: 'operator-home', title: 'Operator home', scope: 'platform', segment: 'home', offered: (s) => isOperator(s) || rolesUnknown(s), render: () => <OperatorHomeScreen /> },
  { id: 'tenants', title: 'Tenants', scope: 'platform', segment: 'tenants', offered: (s) => isOperator(s) || rolesUnknown(s), render: () => <TenantListScreen /> },
  {
    id: 'config',
    title: 'Configuration',
    scope: 'tenant',
    segment: 'config',
    offered: (s) => !isOperator(s),
    render: ({ tenantId }) => <TenantConfigScreen tenantId={tenantId} />,
  },
  { id: 'branding', title: 'Branding', scope: 'tenant', segment: 'branding', offered: (s) => !isOperator(s), render: ({ tenantId }) => <BrandingScreen tenantId={tenantId} /> },
  { id: 'audit', title: 'Audit log', scope: 'tenant', segment: 'audit', offered: () => true, render: () => <AuditLogScreen /> },
  { id: 'keys', title: 'Keys', scope: 'tenant', segment: 'keys', offered: (s) => !isOperator(s), render: ({ tenantId }) => <KeysScreen tenantId={tenantId} /> },
  { id: 'policy', title: 'Policy', scope: 'tenant', segment: 'policy', offered: (s) => !isOperator(s), render: ({ tenantId }) => <PolicyScreen tenantId={tenantId} /> },
  { id: 'flags', title: 'Flags', scope: 'tenant', segment: 'flags', offered: (s) => !isOperator(s), render: ({ tenantId }) => <FlagsScreen tenantId={tenantId} /> },
  { id: 'export', title: 'Export', scope: 'tenant', segment: 'export', offered: (s) => !isOperator(s), render: ({ tenantId }) => <ExportScreen tenantId={tenantId} /> },
  { id: 'high-risk-ops', title: 'High-Risk Ops', scope: 'tenant', segment: 'high-risk-ops', offered: (s) => !isOperator(s), render: ({ tenantId }) => <HighRiskOpsScreen tenantId={tenantId} /> },
  { id: 'security', title: 'Security', scope: 'tenant', segment: 'security', offered: (s) => !isOperator(s), render: ({ tenantId }) => <SecurityScreen tenantId={tenantId} /> },
];

export function screenPath(screen: ScreenDef, tenantId: string): string {
  return screen.scope === 'platform' ? `/operator/${screen.segment}` : `/tenants/${encodeURIComponent(tenantId)}/${screen.segment}`;
}

export function screenPattern(screen: ScreenDef): string {
  return screen.scope === 'platform' ? `/operator/${screen.segment}` : `/tenants/:tenantId/${screen.segment}`;
}
