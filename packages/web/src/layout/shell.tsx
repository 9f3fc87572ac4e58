import type { ReactNode } from 'react';
import { Link, navigate } from '../router/router.tsx';
import { screenPath } from '../screens/registry.tsx';
import { useOfferedScreens } from '../screens/offered-screens.ts';
import { ApprovalsBadge } from '../screens/approvals/approvals-badge.tsx';
import { signOut, useSessions } from '../session/session-store.ts';
import { useBranding } from '../theme/branding-context.tsx';
import { DEFAULT_PRODUCT_NAME } from '../theme/branding.ts';
import { TenantSwitcher } from './tenant-switcher.tsx';
import { PaletteLauncher } from '../palette/palette-launcher.tsx';

/** The frame of every screen: skip link, branded header, tenant switcher, navigation, main. */
export function Shell({ current, children }: { current: string | null; children: ReactNode }) {
  const { sessions, active } = useSessions();
  const { branding } = useBranding();
  const { screens: offered } = useOfferedScreens();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="product" data-testid="product-name">
          {branding?.logo_url != null && <img className="logo" src={branding.logo_url} alt="" />}
          {branding?.product_name ?? DEFAULT_PRODUCT_NAME}
        </span>
        {active !== undefined && (
          <>
            <PaletteLauncher />
            <TenantSwitcher sessions={sessions} active={active} />
            <span className="who">
              {active.display_name} <span className="muted-on-brand">({active.subject_id})</span>
            </span>
            <button
              type="button"
              className="on-brand"
              onClick={() => {
                signOut();
                navigate('/sign-in');
              }}
            >
              Sign out
            </button>
          </>
        )}
      </header>
      {active !== undefined && offered.length > 0 && (
        <nav className="sidenav" aria-label="Screens">
          <ul>
            {offered.map((s) => (
              <li key={s.id}>
                <Link href={screenPath(s, active.tenant_id)} aria-current={s.id === current ? 'page' : undefined}>
                  {s.title}
                  {s.id === 'approvals' && <ApprovalsBadge />}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
