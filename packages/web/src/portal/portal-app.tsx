import { useEffect, useState, type ReactNode } from 'react';
import { apiRequest } from '../api/client.ts';
import { toProblem, type Problem } from '../api/problem.ts';
import { Link, matchPath, navigate, useLocation } from '../router/router.tsx';
import { loadBranding } from '../theme/branding-context.tsx';
import { applyBranding } from '../theme/branding.ts';
import type { Branding } from '../api/types.ts';
import { AsyncView } from '../ui/async-view.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { useAsync } from '../ui/use-async.ts';
import { currentSignIn, portalGet, saveSignIn, signOutOfPortal, useSignIn } from './portal-session.ts';
import { AuditTab, BillingTab, FinanceTab, OverviewTab, SupplyChainTab, type TabProps } from './portal-tabs.tsx';
import type { AcceptedInvitation, PortalSession } from './portal-types.ts';

// The trust portal: a tenant's external viewers (auditors, partners) see its trust posture, in a
// layout of its own, branded per tenant. Loaded on first visit to /portal, apart from the console.

const TABS = [
  { slug: 'overview', title: 'Overview', Tab: OverviewTab },
  { slug: 'audit', title: 'Audit', Tab: AuditTab },
  { slug: 'billing', title: 'Billing and usage', Tab: BillingTab },
  { slug: 'finance', title: 'Finance', Tab: FinanceTab },
  { slug: 'supply-chain', title: 'Supply chain', Tab: SupplyChainTab },
] as const;

export const ACCEPT_PATH = '/portal/accept';
const tabPath = (tenantId: string, slug: string) => `/portal/${encodeURIComponent(tenantId)}/${slug}`;

export default function PortalApp() {
  const { path } = useLocation();
  const signIn = useSignIn();
  if (path === ACCEPT_PATH) return <AcceptInvitation />;
  if (signIn === undefined) return <SignedOut />;
  const params = matchPath('/portal/:tenantId/:tab', path);
  return <Portal signIn={signIn} tenantId={params?.tenantId} tab={params?.tab} />;
}

function Frame({ title, children, header }: { title: string; children: ReactNode; header?: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="product" data-testid="portal-product-name">
          {title}
        </span>
        {header}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** The invitation link's page: the token is in the fragment, so it never reaches a server log. */
function AcceptInvitation() {
  const [problem, setProblem] = useState<Problem | null>(null);
  useEffect(() => {
    const token = decodeURIComponent(location.hash.slice(1));
    if (token === '') {
      setProblem({ type: 'about:blank', title: 'No invitation', status: 0, detail: 'This link carries no invitation. Open the link from your invitation again.' });
      return;
    }
    const existing = currentSignIn();
    apiRequest<AcceptedInvitation>('POST', '/portal/invitations/accept', { token, body: existing === undefined ? {} : { sign_in: existing } }).then(
      (accepted) => {
        saveSignIn(accepted.sign_in);
        navigate(tabPath(accepted.tenant_id, 'overview'), { replace: true });
      },
      (error: unknown) => setProblem(toProblem(error)),
    );
  }, []);
  return (
    <Frame title="Trust portal">
      <h1>Accepting your invitation</h1>
      {problem === null ? (
        <p className="status" role="status">
          Signing you in…
        </p>
      ) : (
        <ProblemAlert problem={problem} />
      )}
    </Frame>
  );
}

function SignedOut() {
  useEffect(() => applyBranding(null), []);
  return (
    <Frame title="Trust portal">
      <h1>You are signed out of the trust portal</h1>
      <p role="status">Your access has ended or you signed out. Open the link of an invitation to sign in again.</p>
    </Frame>
  );
}

/** The tenant's public branding themes the portal while it is viewed. */
function useTenantBranding(tenantId: string | undefined): Branding | null {
  const [branding, setBranding] = useState<Branding | null>(null);
  useEffect(() => {
    let current = true;
    setBranding(null);
    if (tenantId !== undefined) loadBranding(tenantId).then((b) => current && setBranding(b), () => undefined);
    return () => {
      current = false;
    };
  }, [tenantId]);
  useEffect(() => applyBranding(branding), [branding]);
  return branding;
}

function Portal({ signIn, tenantId, tab }: { signIn: string; tenantId: string | undefined; tab: string | undefined }) {
  const { state, reload } = useAsync(() => portalGet<PortalSession>(signIn, tenantId, 'session'), `${signIn}|${tenantId ?? ''}`);
  const current = TABS.find((t) => t.slug === tab);
  const session = state.status === 'ready' ? state.data : undefined;
  const branding = useTenantBranding(session?.tenant_id);
  useEffect(() => {
    if (session !== undefined && (tenantId === undefined || current === undefined)) navigate(tabPath(session.tenant_id, 'overview'), { replace: true });
  }, [session, tenantId, current]);

  const header = session !== undefined && (
    <>
      <span className="switcher">
        <label htmlFor="portal-tenant">Tenant</label>
        <select id="portal-tenant" value={session.tenant_id} onChange={(e) => navigate(tabPath(e.target.value, current?.slug ?? 'overview'))}>
          {session.tenants.map((t) => (
            <option key={t.tenant_id} value={t.tenant_id}>
              {t.name} ({t.role})
            </option>
          ))}
        </select>
      </span>
      <span className="who">{session.viewer.email}</span>
      <button type="button" className="on-brand" onClick={signOutOfPortal}>
        Sign out
      </button>
    </>
  );
  return (
    <Frame title={branding === null ? 'Trust portal' : `${branding.product_name} trust portal`} header={header}>
      {session !== undefined && (
        <nav className="sidenav" aria-label="Portal">
          <ul>
            {TABS.map((t) => (
              <li key={t.slug}>
                <Link href={tabPath(session.tenant_id, t.slug)} aria-current={t.slug === current?.slug ? 'page' : undefined}>
                  {t.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <AsyncView state={state} label="your portal access" onRetry={reload}>
        {(s) => (
          <>
            <h1>{current?.title ?? 'Overview'}</h1>
            <p className="hint">
              Viewing {s.tenants.find((t) => t.tenant_id === s.tenant_id)?.name ?? s.tenant_id} as {s.viewer.role} for {s.viewer.purpose} ({s.viewer.legal_basis.replaceAll('_', ' ')}), until{' '}
              {new Date(s.viewer.expires_at).toUTCString()}.
            </p>
            {current !== undefined && s.tenant_id === tenantId && <current.Tab {...({ signIn, tenantId: s.tenant_id } satisfies TabProps)} key={s.tenant_id} />}
          </>
        )}
      </AsyncView>
    </Frame>
  );
}
