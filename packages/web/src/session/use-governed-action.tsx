import { useState, type ReactNode } from 'react';
import { apiFor, type Api } from '../api/client.ts';
import { needsStepUp, toProblem, type Problem } from '../api/problem.ts';
import { ModalDialog } from '../ui/modal-dialog.tsx';
import { devSignIn } from './dev-sign-in.ts';
import { useSessions } from './session-store.ts';

interface StepUpRequest {
  resolve: (confirmed: boolean) => void;
}

/**
 * Runs a changing call as the active session. When the policy asks for a recent step-up, the
 * user is prompted to confirm their identity and the call is retried with the stronger token.
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

  async function run<T>(call: (api: Api) => Promise<T>): Promise<T | undefined> {
    setPending(true);
    setProblem(null);
    try {
      try {
        return await call(apiFor(active?.token));
      } catch (error) {
        if (!needsStepUp(error) || active?.method !== 'dev') throw error;
        const confirmed = await new Promise<boolean>((resolve) => setStepUp({ resolve }));
        setStepUp(null);
        if (!confirmed) throw error;
        const stronger = await devSignIn(active.tenant_id, active.subject_id, true);
        return await call(apiFor(stronger.token));
      }
    } catch (error) {
      setProblem(toProblem(error));
      return undefined;
    } finally {
      setPending(false);
    }
  }

  const dialog =
    stepUp === null ? null : (
      <ModalDialog title="Confirm it is you" onCancel={() => stepUp.resolve(false)}>
        <p>This action needs a recent strong sign-in. Confirm your identity to continue.</p>
        <div className="dialog-actions">
          <button type="button" onClick={() => stepUp.resolve(false)}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={() => stepUp.resolve(true)}>
            Confirm identity
          </button>
        </div>
      </ModalDialog>
    );

  return { run, pending, problem, clearProblem: () => setProblem(null), dialog };
}
