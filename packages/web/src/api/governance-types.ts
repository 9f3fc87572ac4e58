// Shapes of the keys, policy, flag and export routes the console reads (see packages/sdk/openapi.json).

/** One published signing key of a tenant (GET /tenants/{id}/jwks.json). */
export interface TenantJwk {
  kid: string;
  alg: string;
  status: 'active' | 'retired';
  /** Start and end of the signing window, in NumericDate seconds. */
  nbf: number;
  exp?: number;
}

export interface KeyRotation {
  kid: string;
  retired: string[];
}

export interface PolicyActivation {
  version: number;
  hash: string;
  kind: string;
  actor: string;
  activated_at: string;
}

export interface PolicyVersion {
  version: number;
  hash: string;
  parent_hash: string | null;
  author: string;
  message: string;
  created_at: string;
}

export interface PolicyVersionList {
  active: PolicyActivation | null;
  base_hash: string;
  loaded_hash: string;
  versions: PolicyVersion[];
}

export interface PolicyDecision {
  allow: boolean;
  reasons: string[];
}

export interface PolicyDiff {
  from: { version: number | null; hash: string };
  to: { version: number | null; hash: string };
  modules: { added: string[]; removed: string[]; changed: string[] };
  data: { path: string; from?: unknown; to?: unknown }[];
  replayed: number;
  decisions: { source: string; ref: string; action: unknown; actor: unknown; from: PolicyDecision; to: PolicyDecision }[];
}

export interface PolicySimulation {
  bundle_hash: string;
  path: string;
  results: { allow?: boolean; reasons?: string[]; result: unknown }[];
}

export interface FlagSetting {
  enabled?: boolean;
  variant?: string;
  targeting?: unknown[];
  rollout?: { variant: string; percent: number };
}

export interface Flag {
  flag_id: string;
  description: string;
  owner: string;
  kind: string;
  type: string;
  variants: Record<string, unknown>;
  default_variant: string;
  off_variant: string;
  expires_at: string | null;
  setting: FlagSetting | null;
  setting_source: 'tenant' | 'seed' | 'none';
  last_evaluated_at: string | null;
}

export interface FlagEvaluation {
  flag_id: string;
  value: unknown;
  variant: string | null;
  reason: string;
  detail: string;
}

export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface AuditExport {
  export_id: string;
  status: ExportStatus;
  requested_by: string;
  created_at: string;
  window: { from: string; to: string };
  progress: { phase?: string; records?: number; total?: number; percent: number };
  counts: Record<string, number> | null;
  pack_sha256: string | null;
  pack_size: number | null;
  error: string | null;
  finished_at: string | null;
  download: string | null;
}
