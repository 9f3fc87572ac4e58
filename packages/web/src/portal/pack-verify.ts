import { ENVELOPE_FILE, MANIFEST_FILE, PACK_FILES, PACK_FORMAT, PAYLOAD_TYPE, PREDICATE_TYPE, STATEMENT_TYPE, USAGE_FILES, type PackManifest } from '@companyos/server/evidence-layout';
import { verifyDsse, type Envelope, type Jwk } from './statement-check.ts';

// Verifies an evidence pack in the browser, as far as `companyos verify` applies without the
// records' own checks: the pack's recorded digest, the archive, the manifest, the DSSE signature
// of the statement under the tenant's published keys, the statement against the manifest, and
// every listed file against its digest in the manifest. Loaded only when a pack is verified.

export interface PackCheck {
  name: 'Pack digest' | 'Archive' | 'Manifest' | 'Signature' | 'Signed statement' | 'File digests';
  ok: boolean;
  detail: string;
}

export interface PackVerification {
  ok: boolean;
  checks: PackCheck[];
}

const BLOCK = 512;
const KNOWN_FILES = new Set([...PACK_FILES, ...USAGE_FILES]);

const hex = (digest: ArrayBuffer) => [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
const sha256 = async (bytes: Uint8Array<ArrayBuffer>) => hex(await crypto.subtle.digest('SHA-256', bytes));
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function gunzip(bytes: ArrayBuffer): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The entries of a pack's tar archive (plain files with short names, as packs write them). */
function readTar(tar: Uint8Array<ArrayBuffer>): Map<string, Uint8Array<ArrayBuffer>> {
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  let at = 0;
  for (;;) {
    if (at + BLOCK > tar.length) throw new Error('the archive ends without its end marker');
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) return files;
    const nameEnd = header.indexOf(0);
    const name = text(header.subarray(0, nameEnd < 0 || nameEnd > 100 ? 100 : nameEnd));
    const sizeText = text(header.subarray(124, 135));
    if (!/^[0-7]{11}$/.test(sizeText)) throw new Error(`the tar header of ${name} is malformed`);
    const size = parseInt(sizeText, 8);
    const start = at + BLOCK;
    if (start + size > tar.length) throw new Error(`the archive is truncated in ${name}`);
    if (!KNOWN_FILES.has(name)) throw new Error(`${name} is not part of the pack format`);
    if (files.has(name)) throw new Error(`${name} appears more than once`);
    files.set(name, tar.subarray(start, start + size));
    at = start + Math.ceil(size / BLOCK) * BLOCK;
  }
}

function parseJson(bytes: Uint8Array | undefined): unknown {
  if (bytes === undefined) return undefined;
  try {
    return JSON.parse(text(bytes));
  } catch {
    return undefined;
  }
}

function isManifest(v: unknown): v is PackManifest {
  const m = v as PackManifest;
  return typeof m === 'object' && m !== null && typeof m.format === 'string' && Array.isArray(m.files) && m.files.every((f) => typeof f?.name === 'string' && typeof f.sha256 === 'string' && typeof f.size === 'number');
}

function isEnvelope(v: unknown): v is Envelope {
  const e = v as Envelope;
  return typeof e === 'object' && e !== null && typeof e.payloadType === 'string' && typeof e.payload === 'string' && Array.isArray(e.signatures) && e.signatures.every((s) => typeof s?.keyid === 'string' && typeof s.sig === 'string');
}

/** Every subject of the signed statement: manifest.json by its digest, then each listed file by the manifest's. */
function statementProblem(statement: unknown, manifest: PackManifest, manifestSha256: string): string | undefined {
  const s = statement as { _type?: unknown; predicateType?: unknown; subject?: unknown };
  if (s?._type !== STATEMENT_TYPE || s.predicateType !== PREDICATE_TYPE) return 'the signed statement is not an evidence pack statement';
  const subjects = Array.isArray(s.subject) ? (s.subject as { name?: unknown; digest?: { sha256?: unknown } }[]) : [];
  const expected = [{ name: MANIFEST_FILE, sha256: manifestSha256 }, ...manifest.files];
  if (subjects.length !== expected.length) return `the signed statement names ${subjects.length} files, the manifest ${expected.length}`;
  for (const [i, want] of expected.entries()) {
    const got = subjects[i];
    if (got?.name !== want.name) return `the signed statement names ${String(got?.name)} where the manifest has ${want.name}`;
    if (got.digest?.sha256 !== want.sha256) return want.name === MANIFEST_FILE ? 'manifest.json is not the manifest that was signed' : `the signed digest of ${want.name} is not the manifest's`;
  }
  return undefined;
}

/**
 * Verifies the pack's bytes against the tenant's published JWKS and, when given, the digest the
 * tenant recorded for it. Fails closed: `ok` only when every check ran and passed.
 */
export async function verifyPackInBrowser(pack: ArrayBuffer, jwks: { keys: Jwk[] }, recordedSha256: string | undefined): Promise<PackVerification> {
  const checks: PackCheck[] = [];
  const done = () => ({ ok: checks.length === 6 && checks.every((c) => c.ok), checks });
  if (globalThis.crypto?.subtle === undefined) return { ok: false, checks: [{ name: 'Pack digest', ok: false, detail: 'this page has no Web Crypto (it needs https or localhost)' }] };

  const packSha256 = hex(await crypto.subtle.digest('SHA-256', pack));
  checks.push(
    recordedSha256 === undefined
      ? { name: 'Pack digest', ok: true, detail: `SHA-256 ${packSha256} (no recorded digest shown to you)` }
      : { name: 'Pack digest', ok: packSha256 === recordedSha256, detail: packSha256 === recordedSha256 ? `SHA-256 ${packSha256} is the recorded digest` : `the download has SHA-256 ${packSha256}, the recorded digest is ${recordedSha256}` },
  );

  let files: Map<string, Uint8Array<ArrayBuffer>>;
  try {
    files = readTar(await gunzip(pack));
    checks.push({ name: 'Archive', ok: true, detail: `${files.size} files, all of the pack format` });
  } catch (err) {
    checks.push({ name: 'Archive', ok: false, detail: err instanceof Error && err.name !== 'TypeError' ? err.message : 'the archive cannot be decompressed' });
    return done();
  }

  const manifestBytes = files.get(MANIFEST_FILE);
  const manifest = parseJson(manifestBytes);
  if (!isManifest(manifest) || manifest.format !== PACK_FORMAT) {
    checks.push({ name: 'Manifest', ok: false, detail: manifestBytes === undefined ? 'manifest.json is missing' : `manifest.json is not a ${PACK_FORMAT} manifest` });
    return done();
  }
  checks.push({ name: 'Manifest', ok: true, detail: `${manifest.format}, tenant ${manifest.tenant}, ${manifest.files.length} files listed` });

  const envelope = parseJson(files.get(ENVELOPE_FILE));
  if (!isEnvelope(envelope) || envelope.payloadType !== PAYLOAD_TYPE) {
    checks.push({ name: 'Signature', ok: false, detail: `${ENVELOPE_FILE} is missing or not a DSSE envelope of an in-toto statement` });
    return done();
  }
  const signed = await verifyDsse(envelope, jwks);
  checks.push(signed.ok ? { name: 'Signature', ok: true, detail: `signed by ${envelope.signatures.map((s) => s.keyid).join(', ')}, a key the tenant publishes` } : { name: 'Signature', ok: false, detail: signed.reason });
  if (!signed.ok) return done();

  const problem = statementProblem(parseJson(signed.payload), manifest, await sha256(manifestBytes!));
  checks.push({ name: 'Signed statement', ok: problem === undefined, detail: problem ?? 'names manifest.json and every file it lists, by digest' });

  const wrong: string[] = [];
  for (const f of manifest.files) {
    const bytes = files.get(f.name);
    if (bytes === undefined) wrong.push(`${f.name} is missing`);
    else if (bytes.length !== f.size) wrong.push(`${f.name} is ${bytes.length} bytes, the manifest says ${f.size}`);
    else if ((await sha256(bytes)) !== f.sha256) wrong.push(`${f.name} does not have the SHA-256 the manifest lists`);
  }
  checks.push({ name: 'File digests', ok: wrong.length === 0, detail: wrong.length === 0 ? `all ${manifest.files.length} files match the manifest` : wrong.join('; ') });
  return done();
}
