import { useEffect } from 'react';
import { matchPath, navigate, useLocation } from './router/router.tsx';
import { homePath } from './screens/home-path.ts';
import { screenPatterns, SCREENS } from './screens/registry.tsx';
import { OidcCallbackScreen } from './screens/sign-in/oidc-sign-in.tsx';
import { SignInScreen } from './screens/sign-in/sign-in-screen.tsx';
import { OIDC_CALLBACK_PATH } from './session/oidc.ts';
import { switchTenant, useSessions } from './session/session-store.ts';
import { BrandingProvider } from './theme/branding-context.tsx';
import { Shell } from './layout/shell.tsx';

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
        {screen.render({ tenantId, item: params.item })}
      </Shell>
    );
  }
  return <Redirect to={homePath(active)} />;
}

function SwitchTo({ tenantId }: { tenantId: string }) {
  useEffect(() => switchTenant(tenantId), [tenantId]);
  return null;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

export function App() {
  return (
    <BrandingProvider>
      <Routes />
    </BrandingProvider>
  );
}
