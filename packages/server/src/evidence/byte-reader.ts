import { ArchiveError } from './tar-header.ts';

/** Pulls exact byte counts out of a chunked stream without buffering more than one chunk. */
export class ByteReader {
  private readonly source: AsyncIterator<Uint8Array>;
  private chunk: Buffer = Buffer.alloc(0);
  private done = false;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.source = source[Symbol.asyncIterator]();
  }

  private async fill(): Promise<boolean> {
    while (this.chunk.length === 0 && !this.done) {
      const next = await this.source.next();
      if (next.done) this.done = true;
      else this.chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    }
    return this.chunk.length > 0;
  }

  /** True once the source has no byte left. */
  async atEnd(): Promise<boolean> {
    return !(await this.fill());
  }

  /** Yields exactly `n` bytes in pieces; a source that ends first is a truncated archive. */
  async *take(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (!(await this.fill())) throw new ArchiveError('archive truncated');
      const piece = this.chunk.subarray(0, Math.min(left, this.chunk.length));
      this.chunk = this.chunk.subarray(piece.length);
      left -= piece.length;
      yield piece;
    }
  }

  async read(n: number): Promise<Buffer> {
    const pieces: Buffer[] = [];
    for await (const piece of this.take(n)) pieces.push(piece);
    return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, n);
  }

  /** Stops the underlying source early (on an error or when the caller gives up). */
  async close(): Promise<void> {
    if (!this.done) {
      this.done = true;
      await this.source.return?.();
    }
  }
}
