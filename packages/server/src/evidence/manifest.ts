import { canonicalJson } from '../util/canonical-json.ts';
import {
  CONTENT_FILES,
  MANIFEST_FILE,
  PACK_FORMAT,
  PREDICATE_TYPE,
  RECORD_KINDS,
  STATEMENT_TYPE,
  USAGE_FILES,
  USAGE_KINDS,
  summaryOf,
  type PackManifest,
  type PackSummary,
} from './layout.ts';
import { normalizeFilters, normalizeWindow } from './records.ts';

export interface InTotoStatement {
  _type: string;
  subject: { name: string; digest: { sha256: string } }[];
  predicateType: string;
  predicate: PackSummary;
}

/** The statement a pack signs: manifest.json and every file it lists, by digest. */
export function packStatement(manifest: PackManifest, manifestSha256: string): InTotoStatement {
  return {
    _type: STATEMENT_TYPE,
    subject: [{ name: MANIFEST_FILE, sha256: manifestSha256 }, ...manifest.files].map((f) => ({ name: f.name, digest: { sha256: f.sha256 } })),
    predicateType: PREDICATE_TYPE,
    predicate: summaryOf(manifest),
  };
}

/** Canonical JSON (RFC 8785) of the statement: the exact bytes the envelope carries. */
export function statementBytes(statement: InTotoStatement): Buffer {
  return Buffer.from(canonicalJson(statement), 'utf8');
}

/** manifest.json as written: indented for people, fields in a fixed order. */
export function manifestBytes(m: PackManifest): Buffer {
  const ordered: PackManifest = {
    format: m.format,
    generator: m.generator,
    tenant: m.tenant,
    created_at: m.created_at,
    window: m.window,
    filters: m.filters,
    counts: m.counts,
    files: m.files,
  };
  return Buffer.from(`${JSON.stringify(ordered, null, 2)}\n`, 'utf8');
}

export type ManifestParse = { manifest: PackManifest } | { unknownFormat: string } | { error: string };

const SUMMARY_KEYS = ['format', 'generator', 'tenant', 'created_at', 'window', 'filters', 'counts', 'files'];
const SHA256 = /^[0-9a-f]{64}$/;

function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Reads manifest.json strictly: an unknown format, a missing or extra field is refused. */
export function parseManifest(bytes: Buffer): ManifestParse {
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { error: 'manifest.json is not JSON' };
  }
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return { error: 'manifest.json is not an object' };
  if (m.format !== PACK_FORMAT) return { unknownFormat: String(m.format) };
  const keys = Object.keys(m);
  const extra = keys.filter((k) => !SUMMARY_KEYS.includes(k));
  const missing = SUMMARY_KEYS.filter((k) => !keys.includes(k));
  if (extra.length > 0 || missing.length > 0) return { error: `manifest fields: missing [${missing.join(', ')}], unexpected [${extra.join(', ')}]` };
  if (typeof m.generator !== 'string' || typeof m.tenant !== 'string' || m.tenant === '') return { error: 'manifest generator or tenant malformed' };
  if (typeof m.created_at !== 'string' || Number.isNaN(Date.parse(m.created_at)) || new Date(m.created_at).toISOString() !== m.created_at) {
    return { error: 'manifest created_at malformed' };
  }
  try {
    const window = m.window as PackManifest['window'];
    if (!sameJson(normalizeWindow(window), window)) return { error: 'manifest window is not in canonical form' };
    const filters = m.filters as PackManifest['filters'];
    if (typeof filters !== 'object' || filters === null || !sameJson(normalizeFilters(filters), filters)) return { error: 'manifest filters malformed' };
  } catch (err) {
    return { error: `manifest: ${(err as Error).message}` };
  }
  const counts = m.counts as Record<string, unknown>;
  // The usage kinds come both or neither; the file list follows the kinds counted.
  const withUsage = typeof counts === 'object' && counts !== null && 'usage_events' in counts;
  const kinds = withUsage ? [...RECORD_KINDS, ...USAGE_KINDS] : [...RECORD_KINDS];
  const countsValid =
    typeof counts === 'object' &&
    counts !== null &&
    Object.keys(counts).length === kinds.length &&
    kinds.every((k) => Number.isSafeInteger(counts[k]) && (counts[k] as number) >= 0);
  if (!countsValid) return { error: 'manifest counts malformed' };
  const names = withUsage ? [...CONTENT_FILES, ...USAGE_FILES] : CONTENT_FILES;
  const files = m.files as PackManifest['files'];
  const filesValid =
    Array.isArray(files) &&
    files.length === names.length &&
    files.every(
      (f, i) =>
        typeof f === 'object' && f !== null && Object.keys(f).length === 3 &&
        f.name === names[i] && typeof f.sha256 === 'string' && SHA256.test(f.sha256) &&
        Number.isSafeInteger(f.size) && f.size >= 0,
    );
  if (!filesValid) return { error: `manifest files must list ${names.join(', ')} in that order with sha256 and size` };
  return { manifest: m as unknown as PackManifest };
}
