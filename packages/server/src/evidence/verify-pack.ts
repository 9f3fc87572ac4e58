import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { jwkValidAt, parseJwks, type Jwks } from '../keys/jwks.ts';
import { canonicalJson, sha256Hex } from '../util/canonical-json.ts';
import { isEnvelope, verifyEnvelope, type DsseEnvelope } from './dsse.ts';
import { FailureList, type PackFailure } from './failures.ts';
import { gunzipChunks } from './gzip-frame.ts';
import { jsonLines } from './jsonl.ts';
import {
  ALL_PACK_FILES,
  ENVELOPE_FILE,
  kindsOf,
  MANIFEST_FILE,
  PACK_FILES,
  PAYLOAD_TYPE,
  PREDICATE_TYPE,
  RECORD_KINDS,
  recordFile,
  STATEMENT_TYPE,
  USAGE_FILES,
  USAGE_KINDS,
  type PackManifest,
  type RecordKind,
} from './layout.ts';
import { packStatement, parseManifest, statementBytes } from './manifest.ts';
import { openReceiptProofs, type ReceiptProofs } from './receipt-proofs.ts';
import { RecordChecker } from './records.ts';
import { ArchiveError } from './tar-header.ts';
import { readTar } from './tar-reader.ts';

export interface VerifyPackOptions {
  /**
   * The tenant's keys obtained independently of the pack (a JWKS document, checked strictly).
   * Without them a pack only proves it is self-consistent. When given, the checkpoint and the
   * receipts are checked against these keys instead of the pack's own.
   */
  trustedJwks?: unknown;
  /** How many failures of one code per file are listed before the rest are only counted. */
  maxFailuresPerCode?: number;
}

export interface VerifyResult {
  ok: boolean;
  failures: PackFailure[];
  /** The manifest as read, when it could be parsed (trusted only if `ok`). */
  manifest?: PackManifest;
}

const SMALL_FILE_LIMIT = 4 * 1024 * 1024;
const RECORD_FILES = new Map<string, RecordKind>([...RECORD_KINDS, ...USAGE_KINDS].map((k) => [recordFile(k), k]));

function parseJson(bytes: Buffer | undefined): unknown {
  if (bytes === undefined) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

class PackVerifier {
  readonly failures: FailureList;
  private readonly seen = new Map<string, { sha256: string; size: number; mtime: number }>();
  private readonly small = new Map<string, Buffer>();
  private readonly lines = new Map<RecordKind, number>();
  private lastIndex = -1;
  manifest: PackManifest | undefined;
  private checker: RecordChecker | undefined;
  private jwks: Jwks | undefined;
  private readonly trusted: Jwks | undefined;
  private proofs: ReceiptProofs | undefined;

  constructor(options: VerifyPackOptions) {
    this.failures = new FailureList(options.maxFailuresPerCode);
    if (options.trustedJwks === undefined) return;
    try {
      this.trusted = parseJwks(options.trustedJwks);
    } catch (err) {
      this.failures.add({ code: 'jwks.invalid', message: `trusted JWKS: ${(err as Error).message}` });
    }
  }

  /** Reads the archive; false when reading stopped early (corrupt archive, unknown format). */
  async read(input: AsyncIterable<Uint8Array>): Promise<boolean> {
    try {
      for await (const entry of readTar(gunzipChunks(input))) {
        if (!(await this.entry(entry.name, entry.mtime, entry.body))) return false;
      }
      return true;
    } catch (err) {
      if (!(err instanceof ArchiveError)) throw err;
      this.failures.add({ code: 'archive', message: err.message });
      return false;
    }
  }

  private async entry(name: string, mtime: number, body: AsyncGenerator<Buffer>): Promise<boolean> {
    const index = ALL_PACK_FILES.indexOf(name);
    // Usage files belong only to a pack whose manifest counts usage.
    const unlisted = USAGE_FILES.includes(name) && this.manifest !== undefined && this.manifest.counts.usage_events === undefined;
    if (index < 0 || unlisted) {
      this.failures.add({ code: 'file.extra', file: name, message: `${name} is not part of the pack format` });
      return true;
    }
    if (this.seen.has(name)) {
      this.failures.add({ code: 'file.duplicate', file: name, message: `${name} appears more than once` });
      return true;
    }
    if (index < this.lastIndex) {
      this.failures.add({ code: 'file.order', file: name, message: `${name} comes after ${ALL_PACK_FILES[this.lastIndex]}` });
    } else {
      this.lastIndex = index;
    }
    const hash = createHash('sha256');
    let size = 0;
    const kind = RECORD_FILES.get(name);
    const parts: Buffer[] = [];
    const tapped = (async function* () {
      for await (const chunk of body) {
        hash.update(chunk);
        size += chunk.length;
        if (kind === undefined && size <= SMALL_FILE_LIMIT) parts.push(chunk);
        yield chunk;
      }
    })();
    if (kind !== undefined) await this.records(kind, tapped);
    else for await (const _ of tapped);
    this.seen.set(name, { sha256: hash.digest('hex'), size, mtime });
    if (kind !== undefined) return true;
    if (size > SMALL_FILE_LIMIT) {
      this.failures.add({ code: 'file.size', file: name, message: `${name} is larger than ${SMALL_FILE_LIMIT} bytes` });
      return true;
    }
    const bytes = Buffer.concat(parts);
    this.small.set(name, bytes);
    if (name === MANIFEST_FILE) return this.readManifest(bytes);
    if (name === 'jwks.json') this.readJwks(bytes);
    if (name === 'checkpoint.txt') this.openCheckpoint(bytes);
    return true;
  }

  private readManifest(bytes: Buffer): boolean {
    const parsed = parseManifest(bytes);
    if ('unknownFormat' in parsed) {
      this.failures.add({ code: 'format.version', file: MANIFEST_FILE, message: `unknown pack format ${JSON.stringify(parsed.unknownFormat)}` });
      return false;
    }
    if ('error' in parsed) {
      this.failures.add({ code: 'manifest.invalid', file: MANIFEST_FILE, message: parsed.error });
      return true;
    }
    this.manifest = parsed.manifest;
    this.checker = new RecordChecker(parsed.manifest.tenant, parsed.manifest.window, parsed.manifest.filters);
    return true;
  }

  private readJwks(bytes: Buffer): void {
    try {
      this.jwks = parseJwks(parseJson(bytes));
    } catch (err) {
      this.failures.add({ code: 'jwks.invalid', file: 'jwks.json', message: (err as Error).message });
    }
  }

  /** Checks the checkpoint's signature (trusted keys first) so receipts can be proven against it. */
  private openCheckpoint(bytes: Buffer): void {
    const keys = this.trusted ?? this.jwks;
    if (keys === undefined) return;
    const opened = openReceiptProofs(bytes.toString('utf8'), keys);
    if ('error' in opened) this.failures.add({ code: 'checkpoint.signature', file: 'checkpoint.txt', message: opened.error });
    else this.proofs = opened;
  }

  private async records(kind: RecordKind, chunks: AsyncIterable<Buffer>): Promise<void> {
    const file = recordFile(kind);
    const proofs = this.proofs;
    let count = 0;
    for await (const parsed of jsonLines(chunks)) {
      count = parsed.line;
      const where = { file, line: parsed.line };
      if ('error' in parsed) {
        this.failures.add({ code: 'record.invalid', message: parsed.error, ...where });
        continue;
      }
      const problem = this.checker?.check(kind, parsed.value);
      if (problem !== undefined) this.failures.add({ ...problem, ...where });
      if (kind !== 'receipts' || problem?.code === 'record.invalid') continue;
      // Without an opened checkpoint a failure is already recorded (signature, order or missing file).
      const unproven = proofs?.check(parsed.value);
      if (unproven !== undefined) this.failures.add({ code: 'receipt.proof', message: unproven, ...where });
    }
    this.lines.set(kind, count);
  }

  /** The checks that need the whole pack read: presence, signatures, statement, digests, counts. */
  finish(): void {
    const manifest = this.manifest;
    const expected = manifest === undefined ? PACK_FILES : [MANIFEST_FILE, ENVELOPE_FILE, ...manifest.files.map((f) => f.name)];
    for (const name of expected) {
      if (!this.seen.has(name)) this.failures.add({ code: 'file.missing', file: name, message: `${name} is missing` });
    }
    const envelope = this.checkEnvelope();
    if (manifest === undefined) return;
    if (envelope !== undefined) this.checkStatement(manifest, envelope);
    // Every other header byte is checked as the archive is read; the time must be the pack's.
    const mtime = Math.floor(Date.parse(manifest.created_at) / 1000);
    for (const [name, entry] of this.seen) {
      if (entry.mtime !== mtime) this.failures.add({ code: 'archive', file: name, message: `${name} has a tar time other than created_at` });
    }
    for (const f of manifest.files) {
      const actual = this.seen.get(f.name);
      if (actual === undefined) continue;
      if (actual.size !== f.size) this.failures.add({ code: 'file.size', file: f.name, message: `${f.name} is ${actual.size} bytes, the manifest says ${f.size}` });
      if (actual.sha256 !== f.sha256) this.failures.add({ code: 'file.digest', file: f.name, message: `${f.name} has SHA-256 ${actual.sha256}, the manifest says ${f.sha256}` });
    }
    for (const kind of kindsOf(manifest.counts)) {
      const count = this.lines.get(kind);
      if (count !== undefined && count !== manifest.counts[kind]) {
        this.failures.add({ code: 'count.mismatch', file: recordFile(kind), message: `${count} records, the manifest says ${manifest.counts[kind]}` });
      }
    }
  }

  /** Verifies the envelope's signatures; returns its payload only if it carries the pack's statement type. */
  private checkEnvelope(): Buffer | undefined {
    const bytes = this.small.get(ENVELOPE_FILE);
    if (bytes === undefined) return undefined;
    const value = parseJson(bytes);
    if (!isEnvelope(value)) {
      this.failures.add({ code: 'envelope.invalid', file: ENVELOPE_FILE, message: 'not a DSSE envelope' });
      return undefined;
    }
    const envelope: DsseEnvelope = value;
    if (this.jwks !== undefined) this.checkSignatures(envelope, this.jwks, 'signature.invalid', '');
    if (this.trusted !== undefined) this.checkSignatures(envelope, this.trusted, 'signature.untrusted', 'against the trusted keys: ');
    if (envelope.payloadType !== PAYLOAD_TYPE) {
      this.failures.add({ code: 'envelope.invalid', file: ENVELOPE_FILE, message: `payload type ${envelope.payloadType}` });
      return undefined;
    }
    return Buffer.from(envelope.payload, 'base64');
  }

  /** The signatures verify, by keys whose signing window holds the pack's creation time. */
  private checkSignatures(envelope: DsseEnvelope, jwks: Jwks, code: 'signature.invalid' | 'signature.untrusted', prefix: string): void {
    const check = verifyEnvelope(envelope, jwks);
    if (!check.ok) {
      this.failures.add({ code, file: ENVELOPE_FILE, message: `${prefix}${check.reason}` });
      return;
    }
    const at = this.manifest === undefined ? undefined : new Date(this.manifest.created_at);
    for (const key of check.keys) {
      if (at !== undefined && !jwkValidAt(key, at)) {
        this.failures.add({ code, file: ENVELOPE_FILE, message: `${prefix}key ${key.kid} was not valid at ${this.manifest!.created_at}` });
      }
    }
  }

  private checkStatement(manifest: PackManifest, payload: Buffer): void {
    const statement = parseJson(payload) as { _type?: unknown; predicateType?: unknown } | undefined;
    if (statement?._type !== STATEMENT_TYPE || statement.predicateType !== PREDICATE_TYPE) {
      this.failures.add({ code: 'format.version', file: ENVELOPE_FILE, message: `statement type ${String(statement?._type)} / predicate ${String(statement?.predicateType)}` });
      return;
    }
    const manifestBytes = this.small.get(MANIFEST_FILE)!;
    const expected = statementBytes(packStatement(manifest, sha256Hex(manifestBytes)));
    if (!expected.equals(payload)) {
      const signed = canonicalJson(statement);
      const what = signed === expected.toString('utf8') ? 'is not in canonical form' : 'does not match manifest.json and the files it lists';
      this.failures.add({ code: 'statement.mismatch', file: ENVELOPE_FILE, message: `the signed statement ${what}` });
    }
  }
}

/**
 * Verifies an evidence pack offline, streaming (a file path or a byte stream), and fails closed:
 * `ok` only when every check ran and passed. Each failure names its code, file and line.
 */
export async function verifyPack(input: string | AsyncIterable<Uint8Array>, options: VerifyPackOptions): Promise<VerifyResult> {
  const verifier = new PackVerifier(options);
  const source = typeof input === 'string' ? createReadStream(input, { highWaterMark: 256 * 1024 }) : input;
  const complete = await verifier.read(source);
  if (complete) verifier.finish();
  const failures = verifier.failures.list();
  return { ok: complete && failures.length === 0, failures, ...(verifier.manifest ? { manifest: verifier.manifest } : {}) };
}
