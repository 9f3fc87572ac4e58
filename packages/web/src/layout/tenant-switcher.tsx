import { navigate } from '../router/router.tsx';
import { switchTenant, type Session } from '../session/session-store.ts';
import { homePath } from '../screens/home-path.ts';

const ADD = '__add__';

/** Switches between the tenants this browser tab is signed in to, or signs in to another. */
export function TenantSwitcher({ sessions, active }: { sessions: Session[]; active: Session }) {
  return (
    <div className="switcher">
      <label htmlFor="tenant-switcher">Active tenant</label>
      <select
        id="tenant-switcher"
        value={active.tenant_id}
        onChange={(e) => {
          if (e.target.value === ADD) {
            navigate('/sign-in');
            return;
          }
          switchTenant(e.target.value);
          navigate(homePath(sessions.find((s) => s.tenant_id === e.target.value)));
        }}
      >
        {sessions.map((s) => (
          <option key={s.tenant_id} value={s.tenant_id}>
            {s.tenant_id}
          </option>
        ))}
        <option value={ADD}>Sign in to another tenant…</option>
      </select>
    </div>
  );
}
