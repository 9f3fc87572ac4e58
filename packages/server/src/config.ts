import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KEK_VARIABLE, parseKek } from './keys/key-provider.ts';
import { outboundPolicyFromEnv, type OutboundPolicy } from './net/outbound-target.ts';
import { REGIONS } from './tenancy/tenant-config.ts';

export interface Config {
  dataDir: string;
  databaseUrl: string | undefined;
  /**
   * COMPANYOS_REGION_DATABASES: the database of each data region that has one of its own (a
   * PostgreSQL URL, or a PGlite data dir on the embedded engine, relative to the data dir); empty =
   * the one database serves all.
   */
  regionDatabases: Record<string, string>;
  port: number;
  host: string;
  logLevel: string;
  bodyLimit: number;
  policyDir: string;
  devIssuer: boolean;
  oidc: { issuer: string; audience: string; jwksUrl: string | undefined } | undefined;
  /** COMPANYOS_KEK: the key-encryption key of tenant signing keys; unset = a development key in the data dir. */
  kek: Buffer | undefined;
  /** COMPANYOS_KEK_USE_SUMMARY_SECONDS: how often a server writes what it counted of tenant KEK use as receipts. */
  kekUseSummaryS: number;
  /** The ledger cuts a checkpoint every this many receipts ... */
  checkpointEvery: number;
  /** ... or this long after the last one, when receipts are waiting. */
  checkpointIntervalMs: number;
  /** COMPANYOS_HIGH_RISK_DATABASE_URL: the database high-risk access requests grant on; unset = none can be executed. */
  highRiskDatabaseUrl: string | undefined;
  /** How long a high-risk request may wait for approval and execution before it expires. */
  highRiskPendingMinutes: number;
  /** COMPANYOS_WORKERS: server processes sharing the port (PostgreSQL only; PGlite runs one). */
  workers: number;
  /** Load shedding: 503 while the event loop's mean delay passes this many ms (0 = off) ... */
  shedEventLoopDelayMs: number;
  /** ... or while this many requests are in flight in a process (0 = no limit) ... */
  shedMaxInFlight: number;
  /** ... with this Retry-After (s). */
  shedRetryAfterS: number;
  /** Longest time to receive a whole request (headers and body); a stalled client gets 408. */
  requestTimeoutMs: number;
  /** Longest graceful shutdown: past it, open connections are cut and the process exits. */
  drainTimeoutMs: number;
  /** How long a server holds a tenant's ledger integration lease without renewing it. */
  ledgerLeaseMs: number;
  /** How long a claimed job is held without a heartbeat (the runner beats at a third of it). */
  jobLeaseMs: number;
  /** Where blobs (evidence packs) are stored: the database, or S3-compatible object storage. */
  blobs: BlobSettings;
  /** Tenant-supplied drafts (simulate, propose) run in this many worker threads ... */
  policyWorkers: number;
  /** ... each task stopped (its worker terminated) after this many ms ... */
  policyDraftTimeoutMs: number;
  /** ... and each worker's heap capped at this many MB. */
  policyDraftHeapMb: number;
  /** Every policy evaluation the server runs is cancelled (eval_cancel_error) after this many ms ... */
  policyEvalTimeMs: number;
  /** ... or when a builtin would build a value of more elements (or characters) than this. */
  policyMaxValueSize: number;
  /** What /metrics exposes and how often it re-reads the database; see docs/observability.md. */
  metrics: MetricsSettings;
  /** Where webhooks may point: public addresses only, unless COMPANYOS_WEBHOOK_ALLOW_PRIVATE or COMPANYOS_WEBHOOK_ALLOW_HOSTS say otherwise. */
  webhookTargets: OutboundPolicy;
  /** Scheduled backups of the whole store; see docs/backup.md. */
  backups: BackupSettings;
  /** COMPANYOS_CONSOLE_URL: where people reach the console (links in mail); default http://host:port. */
  consoleUrl: string;
  /** How portal invitations are mailed; unset = they are not (the admin hands the accept link on). */
  smtp: SmtpSettings | undefined;
}

export interface SmtpSettings {
  /** COMPANYOS_SMTP_URL: smtp:// (STARTTLS when offered) or smtps://, with user:password if the relay needs them. */
  url: string;
  /** COMPANYOS_SMTP_FROM: the sender of the mail. */
  from: string;
}

export interface BackupSettings {
  /** COMPANYOS_BACKUP_DIR: where scheduled backups go (one folder per run); unset = none are scheduled. */
  dir: string | undefined;
  /** COMPANYOS_BACKUP_INTERVAL_MINUTES: 0 = off. Default 15 on PostgreSQL, off on PGlite. */
  intervalMinutes: number;
  /** COMPANYOS_BACKUP_TENANT: the platform tenant whose job queue holds the schedule and whose log records whole-tenant purges (default internal). */
  tenant: string;
}

export interface MetricsSettings {
  /** COMPANYOS_METRICS_TENANT_LABEL: add a `tenant` label to per-action series (off: tenants are unbounded). */
  tenantLabel: boolean;
  /** Gauges read from the database (jobs, ledger backlog, missing receipts) are re-read at most this often. */
  sampleMs: number;
  /** COMPANYOS_OTLP_ENDPOINT: OTLP/HTTP base URL traces are exported to; unset = not exported. */
  otlpEndpoint?: string | undefined;
  /** COMPANYOS_PROBE_INTERVAL: seconds between golden-path probe runs inside the server; 0 = off. */
  probeIntervalS?: number | undefined;
}

export type BlobSettings =
  | { store: 'postgres' }
  | { store: 's3'; bucket: string; prefix: string; region: string; endpoint: string | undefined; forcePathStyle: boolean };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const defaultPolicyDir = fileURLToPath(new URL('../../../policies/base/', import.meta.url));

function kekOf(raw: string | undefined, problems: string[]): Buffer | undefined {
  if (raw === undefined) return undefined;
  try {
    return parseKek(raw);
  } catch (e) {
    problems.push((e as Error).message);
    return undefined;
  }
}

function blobSettings(
  str: (name: string) => string | undefined,
  bool: (name: string, fallback: boolean) => boolean,
  url: (name: string, raw: string | undefined, protocols: string[]) => string | undefined,
  problems: string[],
): BlobSettings {
  const store = str('COMPANYOS_BLOB_STORE') ?? 'postgres';
  if (store === 'postgres') return { store };
  if (store !== 's3') {
    problems.push(`COMPANYOS_BLOB_STORE="${store}" must be postgres or s3`);
    return { store: 'postgres' };
  }
  const bucket = str('COMPANYOS_S3_BUCKET');
  if (bucket === undefined) problems.push('COMPANYOS_S3_BUCKET is required when COMPANYOS_BLOB_STORE=s3');
  const prefix = str('COMPANYOS_S3_PREFIX') ?? '';
  if (!/^([A-Za-z0-9._-]+\/)*$/.test(prefix)) problems.push(`COMPANYOS_S3_PREFIX="${prefix}" must be empty or folder names each ending in /`);
  return {
    store,
    bucket: bucket ?? '',
    prefix,
    region: str('COMPANYOS_S3_REGION') ?? str('AWS_REGION') ?? 'us-east-1',
    endpoint: url('COMPANYOS_S3_ENDPOINT', str('COMPANYOS_S3_ENDPOINT'), ['https:', 'http:']),
    forcePathStyle: bool('COMPANYOS_S3_FORCE_PATH_STYLE', false),
  };
}

/**
 * `eu=postgres://…/companyos_eu,us=postgres://…/companyos_us`, or PGlite data dirs on the embedded
 * engine, relative to the data dir (`eu=pglite,us=pglite-us`: eu in the home database). All regions
 * are on one engine, each named once.
 */
function regionDatabasesOf(raw: string | undefined, databaseUrl: string | undefined, dataDir: string, problems: string[]): Record<string, string> {
  const databases: Record<string, string> = {};
  for (const entry of raw === undefined ? [] : raw.split(',')) {
    const at = entry.indexOf('=');
    const region = entry.slice(0, at).trim();
    const target = entry.slice(at + 1).trim();
    const isUrl = /^postgres(ql)?:\/\//.test(target);
    if (at < 0 || target === '') problems.push(`COMPANYOS_REGION_DATABASES entry "${entry.trim()}" must be region=database`);
    else if (!(REGIONS as readonly string[]).includes(region)) problems.push(`COMPANYOS_REGION_DATABASES names region "${region}": regions are ${REGIONS.join(', ')}`);
    else if (region in databases) problems.push(`COMPANYOS_REGION_DATABASES names region ${region} twice`);
    else if (isUrl !== (databaseUrl !== undefined)) {
      problems.push(`COMPANYOS_REGION_DATABASES: the database of region ${region} must be ${databaseUrl === undefined ? 'a PGlite data dir (DATABASE_URL is not set)' : 'a postgres:// URL, as DATABASE_URL is'}`);
    } else databases[region] = isUrl ? target : resolve(dataDir, target);
  }
  return databases;
}

/** The SMTP relay's URL; a bad one is reported without its value, which may hold a password. */
function smtpUrlOf(raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined) return undefined;
  try {
    if (['smtp:', 'smtps:'].includes(new URL(raw).protocol)) return raw;
  } catch {
    // reported below
  }
  problems.push('COMPANYOS_SMTP_URL must be an smtp:// or smtps:// URL (the value is not shown: it may hold a password)');
  return undefined;
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

// Reads COMPANYOS_* variables (and DATABASE_URL). Every bad value is reported, not just the first.
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const str = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = str(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) {
      problems.push(`${name}="${raw}" must be an integer between ${min} and ${max}`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = str(name);
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
    problems.push(`${name}="${raw}" must be true or false`);
    return fallback;
  };
  const url = (name: string, raw: string | undefined, protocols: string[]): string | undefined => {
    if (raw === undefined) return undefined;
    try {
      const u = new URL(raw);
      if (!protocols.includes(u.protocol)) throw new Error('protocol');
      return raw;
    } catch {
      problems.push(`${name}="${raw}" must be a ${protocols.join(' or ')} URL`);
      return undefined;
    }
  };

  const databaseUrl = url('DATABASE_URL', str('DATABASE_URL'), ['postgres:', 'postgresql:']);
  const logLevel = str('COMPANYOS_LOG_LEVEL') ?? 'info';
  if (!logLevels.includes(logLevel)) problems.push(`COMPANYOS_LOG_LEVEL="${logLevel}" must be one of ${logLevels.join(', ')}`);

  const issuer = url('COMPANYOS_OIDC_ISSUER', str('COMPANYOS_OIDC_ISSUER'), ['https:', 'http:']);
  const audience = str('COMPANYOS_OIDC_AUDIENCE');
  const jwksUrl = url('COMPANYOS_OIDC_JWKS_URL', str('COMPANYOS_OIDC_JWKS_URL'), ['https:', 'http:']);
  if (issuer !== undefined && audience === undefined) problems.push('COMPANYOS_OIDC_AUDIENCE is required when COMPANYOS_OIDC_ISSUER is set');
  if (issuer === undefined && str('COMPANYOS_OIDC_ISSUER') === undefined && (audience !== undefined || jwksUrl !== undefined)) {
    problems.push('COMPANYOS_OIDC_ISSUER is required when COMPANYOS_OIDC_AUDIENCE or COMPANYOS_OIDC_JWKS_URL is set');
  }

  const dataDir = resolve(str('COMPANYOS_DATA_DIR') ?? './data');
  const port = int('COMPANYOS_PORT', 8080, 0, 65535);
  const host = str('COMPANYOS_HOST') ?? '127.0.0.1';
  const smtpUrl = smtpUrlOf(str('COMPANYOS_SMTP_URL'), problems);
  const config: Config = {
    dataDir,
    databaseUrl,
    regionDatabases: regionDatabasesOf(str('COMPANYOS_REGION_DATABASES'), databaseUrl, dataDir, problems),
    port,
    host,
    logLevel,
    bodyLimit: int('COMPANYOS_BODY_LIMIT', 1024 * 1024, 1024, 64 * 1024 * 1024),
    policyDir: resolve(str('COMPANYOS_POLICY_DIR') ?? defaultPolicyDir),
    devIssuer: bool('COMPANYOS_DEV_ISSUER', true),
    oidc: issuer !== undefined && audience !== undefined ? { issuer, audience, jwksUrl } : undefined,
    kek: kekOf(str(KEK_VARIABLE), problems),
    kekUseSummaryS: int('COMPANYOS_KEK_USE_SUMMARY_SECONDS', 3_600, 1, 86_400),
    checkpointEvery: int('COMPANYOS_CHECKPOINT_EVERY', 1000, 1, 1_000_000),
    checkpointIntervalMs: int('COMPANYOS_CHECKPOINT_INTERVAL_MS', 5000, 10, 86_400_000),
    highRiskDatabaseUrl: url('COMPANYOS_HIGH_RISK_DATABASE_URL', str('COMPANYOS_HIGH_RISK_DATABASE_URL'), ['postgres:', 'postgresql:']),
    highRiskPendingMinutes: int('COMPANYOS_HIGH_RISK_PENDING_MINUTES', 24 * 60, 1, 30 * 24 * 60),
    workers: int('COMPANYOS_WORKERS', availableParallelism(), 1, 64),
    shedEventLoopDelayMs: int('COMPANYOS_SHED_EVENT_LOOP_DELAY_MS', 0, 0, 60_000),
    shedMaxInFlight: int('COMPANYOS_SHED_MAX_IN_FLIGHT', 512, 0, 1_000_000),
    shedRetryAfterS: int('COMPANYOS_SHED_RETRY_AFTER_S', 1, 1, 3_600),
    requestTimeoutMs: int('COMPANYOS_REQUEST_TIMEOUT_MS', 30_000, 1_000, 3_600_000),
    drainTimeoutMs: int('COMPANYOS_DRAIN_TIMEOUT_MS', 25_000, 100, 600_000),
    ledgerLeaseMs: int('COMPANYOS_LEDGER_LEASE_MS', 10_000, 500, 600_000),
    jobLeaseMs: int('COMPANYOS_JOB_LEASE_MS', 60_000, 1_000, 3_600_000),
    policyWorkers: int('COMPANYOS_POLICY_WORKERS', 2, 1, 64),
    policyDraftTimeoutMs: int('COMPANYOS_POLICY_DRAFT_TIMEOUT_MS', 10_000, 100, 600_000),
    policyDraftHeapMb: int('COMPANYOS_POLICY_DRAFT_HEAP_MB', 256, 32, 16_384),
    policyEvalTimeMs: int('COMPANYOS_POLICY_EVAL_TIME_MS', 1_000, 1, 600_000),
    policyMaxValueSize: int('COMPANYOS_POLICY_MAX_VALUE_SIZE', 1_000_000, 1_000, 1_000_000_000),
    blobs: blobSettings(str, bool, url, problems),
    webhookTargets: outboundPolicyFromEnv(bool('COMPANYOS_WEBHOOK_ALLOW_PRIVATE', false), str('COMPANYOS_WEBHOOK_ALLOW_HOSTS')),
    backups: {
      dir: str('COMPANYOS_BACKUP_DIR') === undefined ? undefined : resolve(str('COMPANYOS_BACKUP_DIR')!),
      intervalMinutes: int('COMPANYOS_BACKUP_INTERVAL_MINUTES', databaseUrl === undefined ? 0 : 15, 0, 7 * 24 * 60),
      tenant: str('COMPANYOS_BACKUP_TENANT') ?? 'internal',
    },
    consoleUrl: (url('COMPANYOS_CONSOLE_URL', str('COMPANYOS_CONSOLE_URL'), ['https:', 'http:']) ?? `http://${host}:${port}`).replace(/\/+$/, ''),
    smtp: smtpUrl === undefined ? undefined : { url: smtpUrl, from: str('COMPANYOS_SMTP_FROM') ?? 'CompanyOS <no-reply@companyos.invalid>' },
    metrics: {
      tenantLabel: bool('COMPANYOS_METRICS_TENANT_LABEL', false),
      sampleMs: int('COMPANYOS_METRICS_SAMPLE_MS', 15_000, 0, 3_600_000),
      otlpEndpoint: url('COMPANYOS_OTLP_ENDPOINT', str('COMPANYOS_OTLP_ENDPOINT'), ['http:', 'https:']),
      probeIntervalS: int('COMPANYOS_PROBE_INTERVAL', 0, 0, 86_400),
    },
  };
  // The scheduled probe signs its own tenant's tokens with the development issuer's key.
  if ((config.metrics.probeIntervalS ?? 0) > 0 && !config.devIssuer) problems.push('COMPANYOS_PROBE_INTERVAL needs COMPANYOS_DEV_ISSUER=true: the probe signs its tokens with that issuer');
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
