import { randomFillSync } from 'node:crypto';

let lastMs = -1;
let counter = 0;

// Random bytes are drawn from a pool refilled 4 KiB at a time: one call into the CSPRNG serves
// hundreds of ids (a request makes several), instead of one call and one small Buffer per id.
const POOL_SIZE = 4096;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let poolAt = POOL_SIZE;

function randomPart(length: number): Buffer {
  if (poolAt + length > POOL_SIZE) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const part = pool.subarray(poolAt, poolAt + length);
  poolAt += length;
  return part;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits, so ids sort by creation time.
 * Within one millisecond the 12-bit `rand_a` field is a counter (the RFC's method 1), so ids made
 * in the same millisecond still sort in the order they were made.
 */
export function uuidv7(nowMs: number = Date.now()): string {
  let ms = Math.max(nowMs, lastMs);
  if (ms === lastMs) {
    counter++;
    if (counter > 0xfff) {
      ms++;
      counter = startingCounter();
    }
  } else {
    counter = startingCounter();
  }
  lastMs = ms;

  const r = randomPart(8);
  // 48 bits of milliseconds: the high 16 and low 32 (bitwise operators work on 32 bits).
  const high = Math.floor(ms / 0x100000000);
  const low = ms >>> 0;
  const h = (n: number) => HEX[n & 0xff]!;
  return (
    h(high >>> 8) + h(high) + h(low >>> 24) + h(low >>> 16) + '-' + h(low >>> 8) + h(low) + '-' +
    h(0x70 | (counter >> 8)) + h(counter) + '-' +
    h((r[0]! & 0x3f) | 0x80) + h(r[1]!) + '-' +
    h(r[2]!) + h(r[3]!) + h(r[4]!) + h(r[5]!) + h(r[6]!) + h(r[7]!)
  );
}

/** A random start for the millisecond's counter below half its range, leaving room for at least 2048 ids. */
function startingCounter(): number {
  const r = randomPart(2);
  return ((r[0]! << 8) | r[1]!) & 0x7ff;
}
