import { hash } from 'node:crypto';

// RFC 9162 §2.1.1 hashing with SHA-256. The one-byte prefixes keep a leaf from ever being
// mistaken for an interior node (second-preimage resistance).
export const HASH_SIZE = 32;

/** MTH({}) — the root of the empty tree, SHA-256 of the empty string. */
export const EMPTY_ROOT: Buffer = hash('sha256', '', 'buffer');

/** MTH({d}) = SHA-256(0x00 ‖ d). */
export function leafHash(entry: Uint8Array | string): Buffer {
  const data = typeof entry === 'string' ? Buffer.from(entry, 'utf8') : entry;
  const input = Buffer.allocUnsafe(1 + data.length);
  input[0] = 0x00;
  input.set(data, 1);
  return hash('sha256', input, 'buffer');
}

// One-shot crypto.hash over a reused scratch buffer is about a third faster than a Hash object
// with three updates; hashing is synchronous, so sharing the scratch is safe.
const scratch = Buffer.alloc(1 + 2 * HASH_SIZE);
scratch[0] = 0x01;

/** SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) throw new TypeError('node children must be 32-byte hashes');
  scratch.set(left, 1);
  scratch.set(right, 1 + HASH_SIZE);
  return hash('sha256', scratch, 'buffer');
}

export function isHash(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.length === HASH_SIZE;
}

export function hashesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
