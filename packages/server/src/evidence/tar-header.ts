// The ustar header, written here rather than taken from a tar library: packs hold only regular
// files with short fixed names, and the verifier must reject anything else, so it compares every
// header byte with the one this module would write (mode, owner, padding...) instead of
// tolerating the many variants a general-purpose tar reader accepts.

export const BLOCK = 512;
const MAX_SIZE = 0o77777777777; // 11 octal digits: 8 GiB - 1
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

export interface TarHeader {
  name: string;
  size: number;
  /** Seconds since the epoch. */
  mtime: number;
}

function writeOctal(block: Buffer, value: number, offset: number, width: number): void {
  block.write(`${value.toString(8).padStart(width - 1, '0')}\0`, offset, width, 'ascii');
}

function checksum(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return sum;
}

export function encodeHeader({ name, size, mtime }: TarHeader): Buffer {
  if (!NAME.test(name)) throw new ArchiveError(`tar entry name not allowed: ${JSON.stringify(name)}`);
  if (!Number.isSafeInteger(size) || size < 0 || size > MAX_SIZE) throw new ArchiveError(`tar entry ${name}: size out of range`);
  if (!Number.isSafeInteger(mtime) || mtime < 0 || mtime > MAX_SIZE) throw new ArchiveError(`tar entry ${name}: mtime out of range`);
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, 'ascii');
  writeOctal(block, 0o644, 100, 8);
  writeOctal(block, 0, 108, 8);
  writeOctal(block, 0, 116, 8);
  writeOctal(block, size, 124, 12);
  writeOctal(block, mtime, 136, 12);
  block.write('0', 156, 1, 'ascii');
  block.write('ustar\u000000', 257, 8, 'ascii');
  block.write(`${checksum(block).toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return block;
}

function readOctal(block: Buffer, offset: number, width: number, field: string): number {
  const text = block.toString('ascii', offset, offset + width - 1);
  if (!/^[0-7]+$/.test(text) || block[offset + width - 1] !== 0) throw new ArchiveError(`tar header: malformed ${field}`);
  return parseInt(text, 8);
}

export function isZeroBlock(block: Buffer): boolean {
  for (let i = 0; i < block.length; i++) if (block[i] !== 0) return false;
  return true;
}

/** Parses a header block and rejects it unless it is byte for byte what `encodeHeader` writes. */
export function decodeHeader(block: Buffer): TarHeader {
  const end = block.indexOf(0, 0);
  const name = block.toString('ascii', 0, end < 0 || end > 100 ? 100 : end);
  const stored = block.toString('ascii', 148, 154);
  if (!/^[0-7]{6}$/.test(stored) || parseInt(stored, 8) !== checksum(block)) {
    throw new ArchiveError('tar header: checksum mismatch');
  }
  const header = { name, size: readOctal(block, 124, 12, 'size'), mtime: readOctal(block, 136, 12, 'mtime') };
  let canonical: Buffer;
  try {
    canonical = encodeHeader(header);
  } catch (err) {
    throw new ArchiveError(`tar header: ${(err as Error).message}`);
  }
  if (!canonical.equals(block)) throw new ArchiveError(`tar header of ${name}: not a plain file entry as packs write it`);
  return header;
}

export function paddingFor(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}
