import { Problem } from '../../http/problem.ts';

/** The moves of a workflow: for each transition, the states it may start from and where it leads. */
export type Moves<S extends string, T extends string> = Record<T, Partial<Record<S, S>>>;

export interface StateMachine<S extends string, T extends string> {
  /** Whether `transition` may start from `state`. */
  allowed(state: S, transition: T): boolean;
  /** The state after `transition`; a 409 problem naming the current state when it is illegal there. */
  next(state: S, transition: T): S;
}

/** An explicit state machine for a workflow whose instances are called `noun` in problems. */
export function stateMachine<S extends string, T extends string>(noun: string, moves: Moves<S, T>): StateMachine<S, T> {
  const article = /^[aeiou]/.test(noun) ? 'an' : 'a';
  return {
    allowed: (state, transition) => moves[transition][state] !== undefined,
    next(state, transition) {
      const next = moves[transition][state];
      if (next === undefined) {
        const from = Object.keys(moves[transition]).join(' or ');
        throw new Problem('conflict', `cannot ${transition} ${article} ${noun} that is ${state} (only one that is ${from})`, { state, transition });
      }
      return next;
    },
  };
}
