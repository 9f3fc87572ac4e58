import { decodeBase64Strict } from './base64.ts';
import { isValidKeyName } from './note.ts';

/** The body of a C2SP tlog-checkpoint: the tree head a log signs. */
export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Uint8Array;
  /** Opaque, non-empty lines after the root (not recommended by the spec; kept for round trips). */
  extensions?: readonly string[];
}

export class CheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckpointError';
  }
}

/**
 * An origin this log will sign under. Stricter than what parsing accepts: the origin doubles as the
 * note key name, so it must also be a valid key name (no Unicode spaces, no '+').
 */
export function isValidOrigin(origin: string): boolean {
  return isValidKeyName(origin);
}

/** The note text: origin, decimal size, base64 root, then any extension lines, each ending in a newline. */
export function formatCheckpoint(cp: Checkpoint): string {
  if (!isValidOrigin(cp.origin)) throw new CheckpointError(`invalid checkpoint origin ${JSON.stringify(cp.origin)}`);
  if (!Number.isSafeInteger(cp.size) || cp.size < 0) throw new CheckpointError(`invalid tree size ${cp.size}`);
  if (!(cp.rootHash instanceof Uint8Array) || cp.rootHash.length !== 32) throw new CheckpointError('the root hash must be 32 bytes');
  const extensions = cp.extensions ?? [];
  for (const line of extensions) {
    if (line.length === 0 || /[\u0000-\u001f]/.test(line)) throw new CheckpointError('extension lines must be non-empty single lines');
  }
  const lines = [cp.origin, String(cp.size), Buffer.from(cp.rootHash).toString('base64'), ...extensions];
  return `${lines.join('\n')}\n`;
}

/** Parses checkpoint note text (already verified as a signed note). Throws CheckpointError. */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw new CheckpointError('checkpoint text must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw new CheckpointError('checkpoint text needs an origin, a size and a root hash');
  if (lines.some((l) => l.length === 0)) throw new CheckpointError('checkpoint lines must be non-empty');
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) {
    throw new CheckpointError(`invalid tree size ${JSON.stringify(sizeText)}`);
  }
  const rootHash = decodeBase64Strict(rootText);
  if (rootHash === undefined || rootHash.length !== 32) throw new CheckpointError('the root hash must be 32 bytes of standard base64');
  return { origin, size: Number(sizeText), rootHash, extensions };
}
