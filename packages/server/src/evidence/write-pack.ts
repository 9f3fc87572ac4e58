import { createReadStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { jwkValidAt, parseJwks, type Jwks } from '../keys/jwks.ts';
import { canonicalJson, sha256Hex } from '../util/canonical-json.ts';
import { systemClock, type Clock } from '../util/clock.ts';
import { signEnvelope, verifyEnvelope } from './dsse.ts';
import { gzipChunks } from './gzip-frame.ts';
import type { Signer } from './jwks.ts';
import { JsonlSpool, type SpooledFile } from './jsonl.ts';
import {
  ENVELOPE_FILE,
  MANIFEST_FILE,
  PACK_FORMAT,
  PAYLOAD_TYPE,
  RECORD_KINDS,
  recordFile,
  USAGE_KINDS,
  type PackCounts,
  type PackFileEntry,
  type PackFilters,
  type PackManifest,
  type PackSummary,
  type PackWindow,
  type RecordKind,
} from './layout.ts';
import { manifestBytes, packStatement, statementBytes } from './manifest.ts';
import { readmeText } from './readme.ts';
import { openReceiptProofs, type ReceiptProofs } from './receipt-proofs.ts';
import { normalizeFilters, normalizeWindow, RecordChecker, type PackRecords } from './records.ts';
import { tarChunks, type TarInput } from './tar-writer.ts';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
export const GENERATOR = `companyos-server/${VERSION}`;
const PROGRESS_EVERY = 10_000;

type AnyIterable<T> = Iterable<T> | AsyncIterable<T>;

/** The records of each file, read once, in pack order (bundles, decisions, receipts, audit events). */
export type PackSources = { [K in RecordKind]?: AnyIterable<PackRecords[K]> };

export interface WritePackOptions {
  tenant: string;
  window: PackWindow;
  filters?: PackFilters;
  sources: PackSources;
  signer: Signer;
  /** The tenant's JWKS snapshot (as `renderJwks` gives it); it must hold the signer's key, valid now. */
  jwks: Jwks;
  /** The signed checkpoint note (C2SP) the receipts' inclusion proofs lead to. */
  checkpoint: string;
  clock?: Clock;
  generator?: string;
  /** Where record files are spooled while their size is not yet known. */
  tmpDir?: string;
  onProgress?: (progress: { kind: RecordKind; records: number; done: boolean }) => void;
  signal?: AbortSignal;
}

/** A pack could not be made as asked: a record outside the window, a key that cannot sign... */
export class EvidencePackError extends Error {
  override name = 'EvidencePackError';
}

async function spoolRecords(
  kind: RecordKind,
  dir: string,
  options: WritePackOptions,
  checker: RecordChecker,
  proofs: ReceiptProofs,
): Promise<SpooledFile> {
  const spool = await JsonlSpool.create(join(dir, recordFile(kind)));
  try {
    let n = 0;
    for await (const record of options.sources[kind] ?? []) {
      options.signal?.throwIfAborted();
      const problem = checker.check(kind, record);
      if (problem !== undefined) throw new EvidencePackError(`${recordFile(kind)} record ${n + 1}: ${problem.message}`);
      const unproven = kind === 'receipts' ? proofs.check(record) : undefined;
      if (unproven !== undefined) throw new EvidencePackError(`${recordFile(kind)} record ${n + 1}: ${unproven}`);
      await spool.append(record);
      if (++n % PROGRESS_EVERY === 0) options.onProgress?.({ kind, records: n, done: false });
    }
    options.onProgress?.({ kind, records: n, done: true });
  } catch (err) {
    await spool.abandon();
    throw err;
  }
  return spool.close();
}

/** Opens the spooled file only when the archive reaches it. */
async function* readLazily(path: string): AsyncGenerator<Buffer> {
  yield* createReadStream(path, { highWaterMark: 256 * 1024 });
}

function entryOf(name: string, bytes: Buffer): PackFileEntry {
  return { name, sha256: sha256Hex(bytes), size: bytes.length };
}

/**
 * Streams an evidence pack (.tar.gz) into `target` and returns its manifest. Record files are
 * spooled to disk first (their sizes go in the tar headers and the manifest, which leads the
 * archive), so memory stays flat whatever the number of records. Ends `target`, or destroys it
 * when the pack cannot be made (the returned promise carries the error).
 */
export async function writePack(target: Writable, options: WritePackOptions): Promise<PackManifest> {
  try {
    return await writeInto(target, options);
  } catch (err) {
    // Without the error: an 'error' event nobody listens to would crash the process.
    target.destroy();
    throw err;
  }
}

async function writeInto(target: Writable, options: WritePackOptions): Promise<PackManifest> {
  const window = normalizeWindow(options.window);
  const filters = normalizeFilters(options.filters);
  if (options.tenant === '') throw new EvidencePackError('tenant is required');
  let jwks: Jwks;
  try {
    jwks = parseJwks(options.jwks);
  } catch (err) {
    throw new EvidencePackError(`jwks: ${(err as Error).message}`);
  }
  const createdAt = (options.clock ?? systemClock).now();
  const signingKey = jwks.keys.find((k) => k.kid === options.signer.kid);
  if (signingKey === undefined || !jwkValidAt(signingKey, createdAt)) {
    throw new EvidencePackError(`the JWKS has no key ${options.signer.kid} valid at ${createdAt.toISOString()}`);
  }
  const proofs = openReceiptProofs(options.checkpoint, jwks);
  if ('error' in proofs) throw new EvidencePackError(proofs.error);
  const dir = await mkdtemp(join(options.tmpDir ?? tmpdir(), 'evidence-pack-'));
  try {
    const checker = new RecordChecker(options.tenant, window, filters);
    const spooled = new Map<RecordKind, SpooledFile>();
    // Usage files are written when a source of either is given (then both, possibly empty).
    const withUsage = USAGE_KINDS.some((k) => options.sources[k] !== undefined);
    const kinds: RecordKind[] = withUsage ? [...RECORD_KINDS, ...USAGE_KINDS] : [...RECORD_KINDS];
    for (const kind of kinds) spooled.set(kind, await spoolRecords(kind, dir, options, checker, proofs));

    const small = new Map<string, Buffer>([
      ['jwks.json', Buffer.from(`${canonicalJson(jwks)}\n`, 'utf8')],
      ['checkpoint.txt', Buffer.from(options.checkpoint, 'utf8')],
    ]);
    const counts = Object.fromEntries(kinds.map((k) => [k, spooled.get(k)!.count])) as PackCounts;
    const summary: PackSummary = {
      format: PACK_FORMAT,
      generator: options.generator ?? GENERATOR,
      tenant: options.tenant,
      created_at: createdAt.toISOString(),
      window,
      filters,
      counts,
    };
    small.set('README.txt', Buffer.from(readmeText(summary), 'utf8'));
    const files = [
      ...[...small].map(([name, bytes]) => entryOf(name, bytes)),
      ...kinds.map((k) => ({ name: recordFile(k), sha256: spooled.get(k)!.sha256, size: spooled.get(k)!.size })),
    ];
    const manifest: PackManifest = { ...summary, files };
    const manifestData = manifestBytes(manifest);
    const envelope = await signEnvelope(PAYLOAD_TYPE, statementBytes(packStatement(manifest, sha256Hex(manifestData))), options.signer);
    const check = verifyEnvelope(envelope, jwks);
    if (!check.ok) throw new EvidencePackError(`the pack would not verify against its own JWKS: ${check.reason}`);

    const mtime = Math.floor(createdAt.getTime() / 1000);
    const entries: TarInput[] = [
      { name: MANIFEST_FILE, size: manifestData.length, mtime, body: manifestData },
      ...[[ENVELOPE_FILE, Buffer.from(`${JSON.stringify(envelope, null, 2)}\n`, 'utf8')] as const, ...small].map(([name, body]) => ({
        name,
        size: body.length,
        mtime,
        body,
      })),
      ...kinds.map((k) => {
        const file = spooled.get(k)!;
        return { name: recordFile(k), size: file.size, mtime, body: readLazily(file.path) };
      }),
    ];
    const signal = options.signal;
    await pipeline(Readable.from(gzipChunks(tarChunks(entries))), target, signal ? { signal } : {});
    return manifest;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
