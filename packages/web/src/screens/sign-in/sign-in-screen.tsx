import { useState, type FormEvent } from 'react';
import { toProblem, type Problem } from '../../api/problem.ts';
import { navigate, useLocation } from '../../router/router.tsx';
import { devSignIn, loadSignInOptions, type DevIdentity, type SignInOptions } from '../../session/dev-sign-in.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useAsync } from '../../ui/use-async.ts';
import { homePath } from '../home-path.ts';
import { OidcSignIn } from './oidc-sign-in.tsx';

export function SignInScreen() {
  const { state, reload } = useAsync<SignInOptions>(loadSignInOptions, 'sign-in-options');
  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to Switchboard</h1>
      <AsyncView state={state} label="sign-in options" onRetry={reload}>
        {(options) => (
          <>
            {options.oidc !== null && <OidcSignIn issuer={options.oidc.issuer} clientId={options.oidc.client_id} />}
            {options.dev !== null && <DevSignInForm identities={options.dev.identities} />}
            {options.oidc === null && options.dev === null && (
              <p className="empty" role="status">
                No sign-in method is configured on this server.
              </p>
            )}
          </>
        )}
      </AsyncView>
    </section>
  );
}

function DevSignInForm({ identities }: { identities: DevIdentity[] }) {
  const { search } = useLocation();
  const [tenant, setTenant] = useState(search.get('tenant') ?? identities[0]?.tenant_id ?? '');
  const [subject, setSubject] = useState(search.get('subject') ?? identities[0]?.subject_id ?? '');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);
  const tenants = [...new Set(identities.map((i) => i.tenant_id))];
  const users = identities.filter((i) => i.tenant_id === tenant);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    setProblem(null);
    try {
      const session = await devSignIn(tenant.trim(), subject.trim());
      navigate(homePath(session), { replace: true });
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="dev-sign-in-title">
      <h2 id="dev-sign-in-title">Development sign-in</h2>
      <p className="hint">Signs in as a seeded user through the local development issuer.</p>
      <label htmlFor="sign-in-tenant">Tenant</label>
      <input id="sign-in-tenant" name="tenant" list="sign-in-tenants" required value={tenant} onChange={(e) => setTenant(e.target.value)} autoComplete="off" />
      <datalist id="sign-in-tenants">
        {tenants.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <label htmlFor="sign-in-subject">User</label>
      <input id="sign-in-subject" name="subject" list="sign-in-subjects" required value={subject} onChange={(e) => setSubject(e.target.value)} autoComplete="off" />
      <datalist id="sign-in-subjects">
        {users.map((u) => (
          <option key={u.subject_id} value={u.subject_id}>
            {u.display_name}
          </option>
        ))}
      </datalist>
      {problem !== null && <ProblemAlert problem={problem} />}
      <button type="submit" className="primary" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
