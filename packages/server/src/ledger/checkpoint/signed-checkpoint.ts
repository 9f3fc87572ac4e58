import { type Checkpoint, CheckpointError, formatCheckpoint, parseCheckpoint } from './checkpoint.ts';
import { type NoteSignature, type NoteSigner, type NoteVerifier, openNote, signNote } from './note.ts';

export interface OpenedCheckpoint {
  checkpoint: Checkpoint;
  note: string;
  verified: NoteSignature[];
}

/** The signed note of a checkpoint. The log's own key should be named after the origin. */
export function signCheckpoint(checkpoint: Checkpoint, signers: readonly NoteSigner[]): string {
  return signNote(formatCheckpoint(checkpoint), signers);
}

/**
 * Verifies a checkpoint note against trusted keys, then parses it. With `origin`, a checkpoint
 * of any other log is refused. Throws NoteError or CheckpointError.
 */
export function openCheckpoint(note: string, verifiers: readonly NoteVerifier[], origin?: string): OpenedCheckpoint {
  const opened = openNote(note, verifiers);
  const checkpoint = parseCheckpoint(opened.text);
  if (origin !== undefined && checkpoint.origin !== origin) {
    throw new CheckpointError(`checkpoint is for ${JSON.stringify(checkpoint.origin)}, expected ${JSON.stringify(origin)}`);
  }
  return { checkpoint, note, verified: opened.verified };
}

/** The origin line of an unverified note, to pick the verifiers for it (never trust it otherwise). */
export function peekOrigin(note: string): string | undefined {
  const end = note.indexOf('\n');
  return end > 0 ? note.slice(0, end) : undefined;
}
