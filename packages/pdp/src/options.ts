import { join } from 'node:path';
import { parseArgs } from 'node:util';

/** Everything a decision service is started with. */
export interface PdpOptions {
  tenant: string;
  bundleUrl: string;
  apiKey: string;
  /** Where decision logs are uploaded; undefined turns decision logging off. */
  decisionLogUrl: string | undefined;
  host: string;
  port: number;
  pollIntervalMs: number;
  uploadIntervalMs: number;
  requestTimeoutMs: number;
  /** Where the last activated bundle is kept; undefined keeps none. */
  dataDir: string | undefined;
  defaultDecision: string;
  evalTimeoutMs: number;
  bodyLimit: number;
  maxBundleBytes: number;
  maxBufferedDecisions: number;
  instanceId: string | undefined;
  logLevel: string;
}

export const PDP_USAGE = `companyos-pdp — an OPA-compatible decision service for one CompanyOS tenant

Usage:
  companyos-pdp --tenant T [options]        (also: companyos pdp --tenant T [options])

Options:
  --tenant T                 the tenant whose active policy bundle is served (required)
  --api-key KEY              an API key of the tenant whose role grants policy.bundle.download and
                             policy.decision.upload (or COMPANYOS_PDP_API_KEY; required)
  --url URL                  the CompanyOS server (default: COMPANYOS_URL or http://127.0.0.1:8080)
  --bundle-url URL           default: URL/api/v1/policy/bundles/T.tar.gz
  --decision-log-url URL     default: URL/api/v1/policy/decision-logs
  --no-decision-logs         log no decisions (responses then carry no decision_id)
  --addr HOST:PORT           where the data API listens (default 127.0.0.1:8181)
  --poll-interval DURATION   how often the bundle is polled (default 10s)
  --upload-interval DURATION how often decision logs are uploaded (default 5s)
  --data-dir DIR             where the last good bundle is kept (default ./data/pdp/T)
  --no-persist               keep no bundle on disk
  --default-decision PATH    the document POST / evaluates (default system/main, as OPA)
  --eval-timeout DURATION    the budget of one evaluation (default 1s)
  --instance-id ID           this instance's label in decision logs (default: random)
  --log-level LEVEL          fatal, error, warn, info, debug, trace or silent (default info)

Durations: 250ms, 10s, 5m.`;

export class PdpUsageError extends Error {
  override name = 'PdpUsageError';
}

/** Parses "250ms", "10s", "5m" into milliseconds. */
export function parseDurationMs(text: string, flag: string): number {
  const m = /^(\d+)(ms|s|m)$/.exec(text.trim());
  if (m === null || Number(m[1]) === 0) throw new PdpUsageError(`--${flag}: "${text}" is not a duration (use e.g. 250ms, 10s, 5m)`);
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000 }[m[2] as 'ms' | 's' | 'm'];
}

function httpUrl(text: string, flag: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PdpUsageError(`--${flag}: "${text}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new PdpUsageError(`--${flag}: use an http or https URL`);
  return url.toString();
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads the command line (and COMPANYOS_URL, COMPANYOS_PDP_API_KEY); every bad value is named. */
export function parsePdpArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): PdpOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: {
        tenant: { type: 'string' },
        'api-key': { type: 'string' },
        url: { type: 'string' },
        'bundle-url': { type: 'string' },
        'decision-log-url': { type: 'string' },
        'no-decision-logs': { type: 'boolean' },
        addr: { type: 'string' },
        'poll-interval': { type: 'string' },
        'upload-interval': { type: 'string' },
        'data-dir': { type: 'string' },
        'no-persist': { type: 'boolean' },
        'default-decision': { type: 'string' },
        'eval-timeout': { type: 'string' },
        'instance-id': { type: 'string' },
        'log-level': { type: 'string' },
      },
    }).values;
  } catch (error) {
    throw new PdpUsageError((error as Error).message);
  }
  const str = (name: string): string | undefined => {
    const v = values[name];
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const tenant = str('tenant');
  if (tenant === undefined) throw new PdpUsageError('--tenant is required');
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(tenant)) throw new PdpUsageError(`--tenant: "${tenant}" is not a tenant id`);
  const apiKey = str('api-key') ?? env.COMPANYOS_PDP_API_KEY;
  if (apiKey === undefined || apiKey === '') throw new PdpUsageError('an API key is required: --api-key or COMPANYOS_PDP_API_KEY');
  const base = httpUrl(str('url') ?? env.COMPANYOS_URL ?? 'http://127.0.0.1:8080', 'url').replace(/\/+$/, '');
  const addr = str('addr') ?? '127.0.0.1:8181';
  const at = addr.lastIndexOf(':');
  const port = Number(addr.slice(at + 1));
  if (at < 0 || !Number.isInteger(port) || port < 0 || port > 65535) throw new PdpUsageError(`--addr: "${addr}" is not HOST:PORT`);
  const logLevel = str('log-level') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new PdpUsageError(`--log-level: "${logLevel}" is not one of ${LOG_LEVELS.join(', ')}`);
  return {
    tenant,
    apiKey,
    bundleUrl: httpUrl(str('bundle-url') ?? `${base}/api/v1/policy/bundles/${tenant}.tar.gz`, 'bundle-url'),
    decisionLogUrl: values['no-decision-logs'] === true ? undefined : httpUrl(str('decision-log-url') ?? `${base}/api/v1/policy/decision-logs`, 'decision-log-url'),
    host: addr.slice(0, at).replace(/^\[|\]$/g, '') || '127.0.0.1',
    port,
    pollIntervalMs: parseDurationMs(str('poll-interval') ?? '10s', 'poll-interval'),
    uploadIntervalMs: parseDurationMs(str('upload-interval') ?? '5s', 'upload-interval'),
    requestTimeoutMs: 10_000,
    dataDir: values['no-persist'] === true ? undefined : (str('data-dir') ?? join('data', 'pdp', tenant)),
    defaultDecision: str('default-decision') ?? 'system/main',
    evalTimeoutMs: parseDurationMs(str('eval-timeout') ?? '1s', 'eval-timeout'),
    bodyLimit: 8 * 1024 * 1024,
    maxBundleBytes: 64 * 1024 * 1024,
    maxBufferedDecisions: 10_000,
    instanceId: str('instance-id'),
    logLevel,
  };
}
