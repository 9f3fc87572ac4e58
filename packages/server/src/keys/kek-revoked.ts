import { Problem } from '../http/problem.ts';

/** What a reader shows where a sealed value's data key was lost with its tenant's revoked KEK (ADR 0030). */
export const KEY_REVOKED_TEXT = '[unavailable: key revoked]';

/** The 423 problem of anything that needs a data key of a tenant whose KEK is revoked. */
export function kekRevoked(detail = 'the tenant revoked its key-encryption key: its data keys cannot be unwrapped, and nothing that needs one can be written'): Problem {
  return new Problem('key-revoked', detail);
}

export const isKekRevoked = (error: unknown): boolean => error instanceof Problem && error.slug === 'key-revoked';
