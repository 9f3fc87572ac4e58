import type { Problem } from '../api/problem.ts';
import { useSessions } from '../session/session-store.ts';
import { useCan } from '../session/use-can.ts';
import { SCREENS, type ScreenDef } from './registry.tsx';

const ACTIONS = [...new Set(SCREENS.flatMap((s) => s.offered))].map((action) => ({ action }));

/** The screens the server's preflight allows the active session (none until it has answered). */
export function useOfferedScreens(): { ready: boolean; problem: Problem | null; screens: ScreenDef[] } {
  const { active } = useSessions();
  const { ready, problem, can } = useCan(active === undefined ? [] : ACTIONS);
  return { ready, problem, screens: SCREENS.filter((s) => s.offered.every((a) => can(a))) };
}
