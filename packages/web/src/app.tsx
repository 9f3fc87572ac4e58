import { lazy, Suspense, useEffect } from 'react';
import { matchPath, navigate, useLocation } from './router/router.tsx';
import { homePath } from './screens/home-path.ts';
import { screenPath, screenPatterns, SCREENS } from './screens/registry.tsx';
import { useOfferedScreens } from './screens/offered-screens.ts';
import { OidcCallbackScreen } from './screens/sign-in/oidc-sign-in.tsx';
import { SignInScreen } from './screens/sign-in/sign-in-screen.tsx';
import { OIDC_CALLBACK_PATH } from './session/oidc.ts';
import { switchTenant, useSessions } from './session/session-store.ts';
import { BrandingProvider } from './theme/branding-context.tsx';
import { Shell } from './layout/shell.tsx';
import { ProblemAlert } from './ui/problem-alert.tsx';

function Routes() {
  const { path } = useLocation();
  const { sessions, active } = useSessions();

  if (path === '/sign-in') return <Shell current={null}><SignInScreen /></Shell>;
  if (path === OIDC_CALLBACK_PATH) return <Shell current={null}><OidcCallbackScreen /></Shell>;
  if (active === undefined) return <Redirect to="/sign-in" />;

  for (const screen of SCREENS) {
    const params = screenPatterns(screen)
      .map((pattern) => matchPath(pattern, path))
      .find((p) => p !== null);
    if (params === undefined) continue;
    const tenantId = params.tenantId ?? active.tenant_id;
    if (tenantId !== active.tenant_id) {
      // A link to another tenant: switch to it when signed in there, else sign in to it.
      if (sessions.some((s) => s.tenant_id === tenantId)) return <SwitchTo tenantId={tenantId} />;
      return <Redirect to={`/sign-in?tenant=${encodeURIComponent(tenantId)}`} />;
    }
    return (
      <Shell current={screen.id}>
        {/* A screen may be lazy (React.lazy), keeping heavy libraries out of the first load. */}
        <Suspense fallback={<p className="status" role="status">Loading {screen.title}…</p>}>{screen.render({ tenantId, item: params.item })}</Suspense>
      </Shell>
    );
  }
  return <Home />;
}

/** The landing screen: the first screen the policy offers the active session. */
function Home() {
  const { active } = useSessions();
  const { ready, problem, screens } = useOfferedScreens();
  if (active === undefined) return <Redirect to={homePath(active)} />;
  const first = screens[0];
  if (first !== undefined) return <Redirect to={screenPath(first, active.tenant_id)} />;
  if (problem !== null) {
    return (
      <Shell current={null}>
        <ProblemAlert problem={problem} />
      </Shell>
    );
  }
  return (
    <Shell current={null}>
      <p className="status" role="status" aria-live="polite">
        {ready ? 'Your roles give you no screens of this console. Ask an administrator of your tenant for access.' : 'Loading your screens…'}
      </p>
    </Shell>
  );
}

function SwitchTo({ tenantId }: { tenantId: string }) {
  useEffect(() => switchTenant(tenantId), [tenantId]);
  return null;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

// The trust portal for external viewers: its own layout and sign-in, loaded only when visited.
const PortalApp = lazy(() => import('./portal/portal-app.tsx'));
const isPortal = (path: string) => path === '/portal' || path.startsWith('/portal/');

export function App() {
  const { path } = useLocation();
  if (isPortal(path)) {
    return (
      <Suspense fallback={<p className="status" role="status">Loading the trust portal…</p>}>
        <PortalApp />
      </Suspense>
    );
  }
  return (
    <BrandingProvider>
      <Routes />
    </BrandingProvider>
  );
}
