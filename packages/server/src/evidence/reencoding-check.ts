import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createDeflateRaw, type DeflateRaw } from 'node:zlib';

/** The deflate level every pack is written with: part of the format, since the reader re-encodes. */
export const PACK_DEFLATE_LEVEL = 6;

/**
 * Compares, as both stream, the deflate bytes of a pack with zlib's own encoding of what they
 * decode to. Deflate ignores some bits (padding after the last block and before stored blocks)
 * and lets one text be encoded many ways (a run copied from distance 1 or 2 decodes the same),
 * so checking the decoded content alone lets changed bytes through; this catches every one.
 * The cost is one extra deflate pass over the content, about what writing the pack costs.
 */
export class ReencodingCheck {
  private readonly deflate: DeflateRaw = createDeflateRaw({ level: PACK_DEFLATE_LEVEL });
  // Bytes one side has produced and the other has not yet matched.
  private pending: Buffer = Buffer.alloc(0);
  private pendingFrom: 'read' | 'encoded' = 'read';
  private mismatch = false;

  constructor() {
    this.deflate.on('data', (chunk: Buffer) => this.take('encoded', chunk));
  }

  /** Deflate bytes as read from the pack. */
  read(bytes: Buffer): void {
    this.take('read', bytes);
  }

  /** Bytes the pack's deflate stream decoded to, in order. */
  async decoded(bytes: Buffer): Promise<void> {
    if (!this.deflate.write(bytes)) await once(this.deflate, 'drain');
  }

  /** True when the pack's deflate bytes are exactly the encoding of what they decoded to. */
  async end(): Promise<boolean> {
    this.deflate.end();
    await finished(this.deflate);
    return !this.mismatch && this.pending.length === 0;
  }

  destroy(): void {
    this.deflate.destroy();
  }

  private take(from: 'read' | 'encoded', bytes: Buffer): void {
    if (this.mismatch || bytes.length === 0) return;
    if (this.pending.length === 0 || this.pendingFrom === from) {
      this.pending = this.pending.length === 0 ? bytes : Buffer.concat([this.pending, bytes]);
      this.pendingFrom = from;
      return;
    }
    const n = Math.min(bytes.length, this.pending.length);
    if (!bytes.subarray(0, n).equals(this.pending.subarray(0, n))) {
      this.mismatch = true;
      this.pending = Buffer.alloc(0);
      return;
    }
    if (n < this.pending.length) {
      this.pending = this.pending.subarray(n);
    } else {
      this.pending = bytes.subarray(n);
      this.pendingFrom = from;
    }
  }
}
