import { ed25519PublicKeyOf } from '../../keys/jwk.ts';
import type { Jwks } from '../../keys/jwks.ts';
import { ed25519NoteVerifier } from './ed25519-note-keys.ts';
import type { NoteVerifier } from './note.ts';

export interface TenantNoteVerifier extends NoteVerifier {
  kid: string;
}

/**
 * Note verifiers for a tenant log's checkpoints: one per JWKS key, active or retired, named after
 * the log's origin (the log signs under its origin). Expects a JWKS that passed parseJwks.
 */
export function jwksNoteVerifiers(origin: string, jwks: Jwks): TenantNoteVerifier[] {
  return jwks.keys.map((k) => {
    const publicKey = ed25519PublicKeyOf(k);
    if (publicKey === undefined) throw new Error(`JWKS key ${k.kid} is not an Ed25519 public key`);
    return { ...ed25519NoteVerifier(origin, publicKey), kid: k.kid };
  });
}
