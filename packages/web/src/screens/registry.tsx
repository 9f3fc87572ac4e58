import type { ReactNode } from 'react';
import { isOperator, type Session } from '../session/session-store.ts';
import { AuditLogScreen } from './audit/audit-log-screen.tsx';
import { BrandingScreen } from './branding/branding-screen.tsx';
import { ExportScreen } from './export/export-screen.tsx';
import { FlagsScreen } from './flags/flags-screen.tsx';
import { KeysScreen } from './keys/keys-screen.tsx';
import { PolicyScreen } from './policy/policy-screen.tsx';
import { SecurityScreen } from './security/security-screen.tsx';
import { TenantConfigScreen } from './tenant-config/tenant-config-screen.tsx';
import { TenantListScreen } from './tenants/tenant-list-screen.tsx';
import { TenantPageScreen } from './tenants/tenant-page-screen.tsx';
import { IncidentsScreen } from './incidents/incidents-screen.tsx';
import { RunbooksScreen } from './runbooks/runbooks-screen.tsx';

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
  /** Whether the screen also shows one item at `<its path>/<item>` (a runbook's slug, a tenant's id). */
  detail?: true;
  /** `item` is the detail pattern's parameter when the path names one item. */
  render: (params: { tenantId: string; item?: string | undefined }) => ReactNode;
}

// Roles are unknown for single sign-on sessions: offer everything and let the API answer.
const rolesUnknown = (s: Session) => s.roles.length === 0;

export const SCREENS: ScreenDef[] = [
  {
    id: 'tenants',
    title: 'Tenants',
    scope: 'platform',
    segment: 'tenants',
    detail: true,
    offered: (s) => isOperator(s) || rolesUnknown(s),
    render: ({ item }) => (item === undefined ? <TenantListScreen /> : <TenantPageScreen tenantId={item} />),
  },
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
  { id: 'incidents', title: 'Incidents', scope: 'tenant', segment: 'incidents', detail: true, offered: (s) => !isOperator(s), render: ({ item }) => <IncidentsScreen incidentId={item} /> },
  { id: 'runbooks', title: 'Runbooks', scope: 'tenant', segment: 'runbooks', detail: true, offered: (s) => !isOperator(s), render: ({ item }) => <RunbooksScreen slug={item} /> },
  { id: 'security', title: 'Security', scope: 'tenant', segment: 'security', offered: (s) => !isOperator(s), render: ({ tenantId }) => <SecurityScreen tenantId={tenantId} /> },
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
