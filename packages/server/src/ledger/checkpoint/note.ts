import { decodeBase64Strict } from './base64.ts';

// C2SP signed notes: a text ending in a newline, a blank line, then one line per signature:
// "— <key name> <base64(4-byte big-endian key id ‖ signature)>".

export interface NoteSigner {
  name: string;
  keyId: number;
  sign(message: Uint8Array): Uint8Array;
}

export interface NoteVerifier {
  name: string;
  keyId: number;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

export interface NoteSignature {
  name: string;
  keyId: number;
}

export interface OpenedNote {
  text: string;
  /** Signatures by trusted keys, all verified. */
  verified: NoteSignature[];
  /** Signatures by keys the caller does not know (ignored, as the spec requires). */
  unknown: NoteSignature[];
}

export type NoteErrorCode = 'malformed' | 'unverified' | 'invalid-signature';

export class NoteError extends Error {
  constructor(
    readonly code: NoteErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'NoteError';
  }
}

const SIGNATURE_PREFIX = '\u2014 ';
/** The spec requires accepting at least 16; more than this is refused as abuse. */
export const MAX_SIGNATURES = 100;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL = /[\u0000-\u0009\u000b-\u001f]/;

export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name) && !CONTROL.test(name) && !LONE_SURROGATE.test(name);
}

function checkText(text: string): void {
  if (LONE_SURROGATE.test(text)) throw new NoteError('malformed', 'note is not valid UTF-8');
  if (CONTROL.test(text)) throw new NoteError('malformed', 'note contains control characters other than newline');
}

/** Signs `text` (which must end in a newline) with every signer, in order. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  checkText(text);
  if (!text.endsWith('\n')) throw new NoteError('malformed', 'note text must end with a newline');
  if (signers.length === 0) throw new NoteError('malformed', 'a note needs at least one signer');
  const message = Buffer.from(text, 'utf8');
  const lines = signers.map((s) => {
    if (!isValidKeyName(s.name)) throw new NoteError('malformed', `invalid key name ${JSON.stringify(s.name)}`);
    const id = Buffer.alloc(4);
    id.writeUInt32BE(s.keyId >>> 0);
    const sig = Buffer.concat([id, s.sign(message)]).toString('base64');
    return `${SIGNATURE_PREFIX}${s.name} ${sig}\n`;
  });
  return `${text}\n${lines.join('')}`;
}

/**
 * Opens a signed note against trusted verifiers. Unknown keys are ignored; a known key whose
 * signature fails rejects the whole note; a note with no verified signature is rejected.
 */
export function openNote(note: string, verifiers: readonly NoteVerifier[]): OpenedNote {
  checkText(note);
  const known = new Map<string, NoteVerifier>();
  for (const v of verifiers) {
    const id = `${v.name} ${v.keyId >>> 0}`;
    if (known.has(id)) throw new NoteError('malformed', `two trusted keys share name ${v.name} and key id ${v.keyId >>> 0}`);
    known.set(id, v);
  }
  // The text is separated from the signatures by the last blank line.
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new NoteError('malformed', 'note has no signature block');
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block.length === 0 || !block.endsWith('\n')) throw new NoteError('malformed', 'signature block must end with a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new NoteError('malformed', `note has more than ${MAX_SIGNATURES} signatures`);

  const message = Buffer.from(text, 'utf8');
  const verified: NoteSignature[] = [];
  const unknown: NoteSignature[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    if (!line.startsWith(SIGNATURE_PREFIX)) throw new NoteError('malformed', 'signature line must start with an em dash and a space');
    const parts = line.slice(SIGNATURE_PREFIX.length).split(' ');
    if (parts.length !== 2 || !isValidKeyName(parts[0]!)) throw new NoteError('malformed', 'signature line must be a key name and a signature');
    const [name, encoded] = parts as [string, string];
    const bytes = decodeBase64Strict(encoded);
    if (bytes === undefined || bytes.length < 5) throw new NoteError('malformed', `signature by ${name} is not valid base64 of a key id and a signature`);
    const keyId = bytes.readUInt32BE(0);
    const id = `${name} ${keyId}`;
    const verifier = known.get(id);
    if (verifier === undefined) {
      unknown.push({ name, keyId });
      continue;
    }
    if (seen.has(id)) throw new NoteError('malformed', `key ${name} signed the note twice`);
    seen.add(id);
    if (!verifier.verify(message, bytes.subarray(4))) {
      throw new NoteError('invalid-signature', `signature by ${name} (key id ${keyId.toString(16).padStart(8, '0')}) does not verify`);
    }
    verified.push({ name, keyId });
  }
  if (verified.length === 0) throw new NoteError('unverified', 'note has no signature from a trusted key');
  return { text, verified, unknown };
}
