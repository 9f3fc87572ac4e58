import { useEffect, useState } from 'react';
import { toProblem, type Problem } from '../../api/problem.ts';
import { navigate } from '../../router/router.tsx';
import { completeOidcSignIn, handCallbackToOpener, startOidcSignIn } from '../../session/oidc.ts';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { homePath } from '../home-path.ts';

export function OidcSignIn({ issuer, clientId }: { issuer: string; clientId: string }) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);
  const start = () => {
    setPending(true);
    startOidcSignIn(issuer, clientId).catch((error: unknown) => {
      setPending(false);
      setProblem(toProblem(error));
    });
  };
  return (
    <div className="card">
      <h2>Single sign-on</h2>
      <p className="hint">Signs in with your organisation's identity provider ({new URL(issuer).host}).</p>
      {problem !== null && <ProblemAlert problem={problem} />}
      <button type="button" className="primary" onClick={start} disabled={pending}>
        {pending ? 'Redirecting…' : 'Sign in with single sign-on'}
      </button>
    </div>
  );
}

/** The page the issuer redirects back to (in a step-up window, it hands over to the console that opened it). */
export function OidcCallbackScreen() {
  const [problem, setProblem] = useState<Problem | null>(null);
  useEffect(() => {
    const callback = new URL(location.href);
    if (handCallbackToOpener(callback)) return;
    completeOidcSignIn(callback).then(
      ({ session, returnTo }) => navigate(returnTo ?? homePath(session), { replace: true }),
      (error: unknown) => setProblem(toProblem(error)),
    );
  }, []);
  return (
    <section aria-labelledby="callback-title">
      <h1 id="callback-title">Signing in</h1>
      {problem === null ? (
        <p className="status" role="status">
          Completing sign-in…
        </p>
      ) : (
        <>
          <ProblemAlert problem={problem} />
          <a href="/sign-in">Back to sign-in</a>
        </>
      )}
    </section>
  );
}
