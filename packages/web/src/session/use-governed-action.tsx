import { useState, type ReactNode } from 'react';
import { apiFor, type Api } from '../api/client.ts';
import { ApiError, needsStepUp, toProblem, type Problem } from '../api/problem.ts';
import { ModalDialog } from '../ui/modal-dialog.tsx';
import { devSignIn } from './dev-sign-in.ts';
import { oidcStepUp, openStepUpWindow, STEP_UP_ACR, takeStepUpNotice } from './oidc.ts';
import { useSessions } from './session-store.ts';

/** Null when the user cancels; for single sign-on, the window the issuer opens in (null if blocked). */
type Confirmation = { popup: Window | null } | null;

interface StepUpRequest {
  resolve: (confirmation: Confirmation) => void;
}

/** The ACRs a step-up denial names (an export's problem does), else the one the API always takes. */
function acrValuesOf(error: unknown): string[] {
  const named = error instanceof ApiError ? (error.problem as { acr_values?: unknown }).acr_values : undefined;
  return Array.isArray(named) && named.every((v) => typeof v === 'string') && named.length > 0 ? named : [STEP_UP_ACR];
}

/**
 * Runs a changing call as the active session. When the policy asks for a recent step-up, the
 * user is prompted to confirm their identity and the call is retried with the stronger token:
 * a development sign-in with step-up, or a fresh strong login at the SSO issuer in a popup window.
 * `dialog` must be rendered by the caller.
 */
export function useGovernedAction(): {
  run: <T>(call: (api: Api) => Promise<T>) => Promise<T | undefined>;
  pending: boolean;
  problem: Problem | null;
  clearProblem: () => void;
  dialog: ReactNode;
} {
  const { active } = useSessions();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [stepUp, setStepUp] = useState<StepUpRequest | null>(null);
  // Back from a step-up that had to leave the page: the action it interrupted did not run.
  const [returned, setReturned] = useState(takeStepUpNotice);

  async function run<T>(call: (api: Api) => Promise<T>): Promise<T | undefined> {
    setPending(true);
    setProblem(null);
    try {
      try {
        return await call(apiFor(active?.token));
      } catch (error) {
        if (!needsStepUp(error) || active === undefined) throw error;
        const confirmation = await new Promise<Confirmation>((resolve) => setStepUp({ resolve }));
        setStepUp(null);
        if (confirmation === null) throw error;
        const stronger = active.method === 'dev' ? await devSignIn(active.tenant_id, active.subject_id, true) : await oidcStepUp(active, confirmation.popup, acrValuesOf(error));
        // Undefined: the page is on its way to the issuer and comes back to this screen.
        if (stronger === undefined) return undefined;
        return await call(apiFor(stronger.token));
      }
    } catch (error) {
      setProblem(toProblem(error));
      return undefined;
    } finally {
      setPending(false);
    }
  }

  const sso = active?.method === 'oidc';
  const dialog =
    stepUp !== null ? (
      <ModalDialog title="Confirm it is you" onCancel={() => stepUp.resolve(null)}>
        <p>This action needs a recent strong sign-in. Confirm your identity to continue.</p>
        {sso && <p className="hint">Your identity provider opens in a new window and asks you to sign in again with a second factor; then the action continues.</p>}
        <div className="dialog-actions">
          <button type="button" onClick={() => stepUp.resolve(null)}>
            Cancel
          </button>
          {/* The window opens in this click: a browser blocks one opened later. */}
          <button type="button" className="primary" onClick={() => stepUp.resolve({ popup: sso ? openStepUpWindow() : null })}>
            Confirm identity
          </button>
        </div>
      </ModalDialog>
    ) : returned ? (
      <ModalDialog title="Identity confirmed" onCancel={() => setReturned(false)}>
        <p>You signed in again with a second factor. The action you started was not carried out: repeat it now.</p>
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={() => setReturned(false)}>
            OK
          </button>
        </div>
      </ModalDialog>
    ) : null;

  return { run, pending, problem, clearProblem: () => setProblem(null), dialog };
}
