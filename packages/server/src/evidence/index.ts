// Evidence packs: signed, tamper-evident exports of a tenant's audit trail, verifiable offline.
export { writePack, EvidencePackError, GENERATOR, type PackSources, type WritePackOptions } from './write-pack.ts';
export { verifyPack, type VerifyPackOptions, type VerifyResult } from './verify-pack.ts';
export type { FailureCode, PackFailure } from './failures.ts';
export type { Signer } from './jwks.ts';
export {
  CONTENT_FILES,
  PACK_FILES,
  PACK_FORMAT,
  PREDICATE_TYPE,
  RECORD_KINDS,
  type Outcome,
  type PackCounts,
  type PackFilters,
  type PackManifest,
  type PackSummary,
  type PackWindow,
  type RecordKind,
} from './layout.ts';
export { normalizeFilters, normalizeWindow, type AuditEventRecord, type BundleRecord, type DecisionRecord, type PackRecords, type ReceiptRecord } from './records.ts';
