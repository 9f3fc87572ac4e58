// The evidence pack format, version 1: which files a pack holds, in which order, and the types of
// its manifest. Readers refuse any other `format`.

export const PACK_FORMAT = 'companyos.evidence-pack/v1';
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const PREDICATE_TYPE = 'https://companyos.dev/evidence-pack/v1';
export const PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export const MANIFEST_FILE = 'manifest.json';
export const ENVELOPE_FILE = 'manifest.dsse.json';

/** Record kinds, in pack order: bundles before the decisions that cite them. */
export const RECORD_KINDS = ['bundles', 'decisions', 'receipts', 'audit_events'] as const;
/**
 * Optional record kinds that follow the others, both or neither: the usage behind an invoice (the
 * daily meter readings its lines were rated from and the usage events those readings sum).
 */
export const USAGE_KINDS = ['meter_readings', 'usage_events'] as const;
export type BaseRecordKind = (typeof RECORD_KINDS)[number];
export type UsageKind = (typeof USAGE_KINDS)[number];
export type RecordKind = BaseRecordKind | UsageKind;

export function recordFile(kind: RecordKind): string {
  return `${kind}.jsonl`;
}

/** Files the manifest lists with their digests, in pack order. */
export const CONTENT_FILES = ['jwks.json', 'checkpoint.txt', 'README.txt', ...RECORD_KINDS.map(recordFile)];

/**
 * Every file of a pack in its required order. The manifest and its envelope come first so a
 * verifier knows what to expect before the large files stream past; the keys and the checkpoint
 * come before the receipts proven against them.
 */
export const PACK_FILES = [MANIFEST_FILE, ENVELOPE_FILE, ...CONTENT_FILES];
/** The files a pack with usage adds after all others, in this order. */
export const USAGE_FILES = USAGE_KINDS.map(recordFile);
/** Every file name a pack may hold, in archive order. */
export const ALL_PACK_FILES = [...PACK_FILES, ...USAGE_FILES];

/** Half-open UTC interval [from, to) in ISO 8601. */
export interface PackWindow {
  from: string;
  to: string;
}

export type Outcome = 'allowed' | 'denied';

export interface PackFilters {
  actors?: string[];
  actions?: string[];
  outcome?: Outcome;
}

export interface PackFileEntry {
  name: string;
  sha256: string;
  size: number;
}

export type PackCounts = Record<BaseRecordKind, number> & Partial<Record<UsageKind, number>>;

/** The record kinds a pack holds, by its counts. */
export const kindsOf = (counts: PackCounts): RecordKind[] => (counts.usage_events === undefined ? [...RECORD_KINDS] : [...RECORD_KINDS, ...USAGE_KINDS]);

/** Everything the manifest says except its file list; the signed statement's predicate. */
export interface PackSummary {
  format: string;
  generator: string;
  tenant: string;
  created_at: string;
  window: PackWindow;
  filters: PackFilters;
  counts: PackCounts;
}

export interface PackManifest extends PackSummary {
  files: PackFileEntry[];
}

export function summaryOf(manifest: PackManifest): PackSummary {
  const { files: _files, ...summary } = manifest;
  return summary;
}
