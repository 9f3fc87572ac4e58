import { verifyPack } from '../../evidence/index.ts';
import { parseJwks, type Jwks } from '../../keys/jwks.ts';
import { verifyReceiptBundle } from '../../ledger/receipt-format.ts';

/** The golden-path checks, in the order they run; each later one needs the ones before it. */
export const PROBE_CHECKS = ['sign_in', 'decision', 'action_receipt', 'evidence_pack'] as const;
export type ProbeCheck = (typeof PROBE_CHECKS)[number];

export interface CheckResult {
  check: ProbeCheck;
  outcome: 'ok' | 'failed' | 'skipped';
  seconds: number;
  detail: string;
}

export interface ProbeReport {
  ok: boolean;
  tenant: string;
  subject: string;
  started_at: string;
  checks: CheckResult[];
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

/** One HTTP request to the server under probe (over the network, or injected into the app). */
export type ProbeHttp = (method: string, path: string, o: { token?: string; body?: unknown }) => Promise<HttpAnswer>;

export interface ProbeTarget {
  http: ProbeHttp;
  /** A step-up token of an admin of the probe's tenant: the export check needs both. */
  token: string;
  /** How long to wait for the ledger and the export job (ms). */
  timeoutMs?: number;
  /** The clock the export window is read from (the server's, when it runs inside one). */
  now?: () => Date;
  /** Stops the waits early (a server closing); the check waiting fails. */
  signal?: AbortSignal;
}

class CheckFailed extends Error {}

const API = '/api/v1';
/** The probe stores the same small blob each time, so repeated runs add receipts but no content. */
const PROBE_EVIDENCE = Buffer.from('companyos probe: golden-path evidence\n').toString('base64');
const EVIDENCE_ACTION = 'provenance.evidence.create';

/** The tenant and subject a JWT names (read, not verified: the server does that in sign_in). */
function claimsOf(token: string): { tenant: string; subject: string } {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const tenant = payload.tenant_id ?? payload.tid;
    if (typeof tenant === 'string' && typeof payload.sub === 'string') return { tenant, subject: payload.sub };
  } catch {
    // falls through to the refusal below
  }
  throw new CheckFailed('the token is not a JWT naming a tenant and a subject (an API key cannot step up for the export check)');
}

function json(a: HttpAnswer): Record<string, unknown> {
  try {
    return JSON.parse(a.body.toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function expectStatus(a: HttpAnswer, status: number, what: string): Record<string, unknown> {
  const body = json(a);
  if (a.status !== status) {
    const reasons = Array.isArray(body.reasons) ? `: ${body.reasons.join('; ')}` : '';
    throw new CheckFailed(`${what}: HTTP ${a.status}${typeof body.detail === 'string' ? ` (${body.detail}${reasons})` : ''}`);
  }
  return body;
}

/**
 * Runs the golden path against a server as one tenant's admin: the token is accepted, the policy
 * answers allow and deny, a governed action is receipted and its inclusion proof verifies under
 * the tenant's published keys, and an evidence pack of that action exports and verifies offline.
 */
export async function runGoldenPath(target: ProbeTarget): Promise<ProbeReport> {
  const now = target.now ?? (() => new Date());
  const timeoutMs = target.timeoutMs ?? 60_000;
  const call = (method: string, path: string, body?: unknown) => target.http(method, `${API}${path}`, { token: target.token, body });
  const startedAt = now();
  const checks: CheckResult[] = [];
  let who = { tenant: 'unknown', subject: 'unknown' };
  let jwks: Jwks = { keys: [] };
  let receiptId = '';
  let actionAt = startedAt;
  let actionDoneAt = startedAt;

  /** Polls until `attempt` returns a value, up to the timeout. */
  const until = async <T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await attempt();
      if (v !== undefined) return v;
      if (target.signal?.aborted === true) throw new CheckFailed(`${what}: the probe was stopped`);
      if (Date.now() >= deadline) throw new CheckFailed(`${what} within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  const steps: Record<ProbeCheck, () => Promise<string>> = {
    sign_in: async () => {
      who = claimsOf(target.token);
      const me = expectStatus(await call('GET', `/subjects/${encodeURIComponent(who.subject)}`), 200, 'the token was not accepted');
      if (me.subject_id !== who.subject) throw new CheckFailed(`the server answered for ${String(me.subject_id)}, not ${who.subject}`);
      return `${who.subject} of ${who.tenant} signed in`;
    },
    decision: async () => {
      const input = (roles: string[]) => ({
        subject: { id: who.subject, tenant_id: who.tenant, roles, attributes: {} },
        action: 'subject.list',
        resource: {},
        // A synthetic request: the tenant settings the base policy reads, at their defaults.
        tenant: { id: who.tenant, status: 'active', data_region: 'eu', allowed_regions: ['eu'], redaction_preset: 'strict' },
        context: { request_id: 'probe', time: now().toISOString(), step_up: false, auth_time: null, scope: 'tenant' },
      });
      const answer = expectStatus(await call('POST', '/policy/simulate', { inputs: [input(['CompanyAdmin']), input([])] }), 200, 'the policy did not answer');
      const [admin, nobody] = (answer.results ?? []) as Array<{ allow?: boolean }>;
      if (admin?.allow !== true || nobody?.allow !== false) throw new CheckFailed(`expected allow for an admin and deny for no roles, got ${JSON.stringify([admin, nobody])}`);
      return `allow and deny under bundle ${String(answer.bundle_hash).slice(0, 12)}`;
    },
    action_receipt: async () => {
      actionAt = now();
      const done = await call('POST', '/provenance/evidence', { media_type: 'text/plain', content_base64: PROBE_EVIDENCE });
      expectStatus(done, 201, `the ${EVIDENCE_ACTION} action failed`);
      actionDoneAt = now();
      receiptId = done.headers['x-receipt-id'] ?? '';
      if (receiptId === '') throw new CheckFailed('the action answered without a receipt id');
      const bundle = await until('the receipt was not proven under a checkpoint', async () => {
        const r = await call('GET', `/provenance/receipts/${receiptId}`);
        if (r.status === 409) return undefined;
        return expectStatus(r, 200, 'the receipt bundle');
      });
      // The tenant's published keys, read once its checkpoint is signed (a new tenant's key is made on first use).
      jwks = parseJwks(expectStatus(await target.http('GET', `${API}/tenants/${encodeURIComponent(who.tenant)}/jwks.json`, {}), 200, 'the tenant JWKS'));
      const verified = verifyReceiptBundle(bundle, { jwks, tenantId: who.tenant });
      if (!verified.ok) throw new CheckFailed(`the inclusion proof does not verify: ${verified.errors.join('; ')}`);
      return `receipt ${receiptId} included in the tree of size ${verified.checkpoint!.size}`;
    },
    evidence_pack: async () => {
      // The window holds the probe's own action (whole seconds, ending now).
      const second = (d: Date): number => Math.floor(d.getTime() / 1000) * 1000;
      const from = new Date(second(actionAt) - 1000).toISOString();
      // The window's end is exclusive and may not lie in the future: wait for a second past the action.
      await until('the clock did not pass the action', async () => (second(now()) > actionDoneAt.getTime() ? true : undefined));
      const to = new Date(second(now())).toISOString();
      let e = expectStatus(await call('POST', '/audit/exports', { from, to, actions: [EVIDENCE_ACTION] }), 202, 'the export was refused');
      e = await until('the export did not finish', async () => {
        const view = expectStatus(await call('GET', `/audit/exports/${String(e.export_id)}?wait=5`), 200, 'the export status');
        return view.status === 'done' || view.status === 'failed' ? view : undefined;
      });
      if (e.status !== 'done') throw new CheckFailed(`the export failed: ${String(e.error)}`);
      const download = await call('GET', `/audit/exports/${String(e.export_id)}/download`);
      expectStatus(download, 200, 'the pack download');
      const result = await verifyPack(
        (async function* () {
          yield download.body;
        })(),
        { trustedJwks: jwks },
      );
      if (!result.ok) throw new CheckFailed(`the pack does not verify: ${result.failures.map((f) => `${f.code}: ${f.message}`).join('; ')}`);
      const receipts = result.manifest?.counts.receipts ?? 0;
      if (receipts < 1) throw new CheckFailed('the pack holds no receipt of the probe action');
      return `pack ${String(e.export_id)} verified offline (${download.body.length} bytes, ${receipts} receipts)`;
    },
  };

  let failed = false;
  for (const check of PROBE_CHECKS) {
    if (failed) {
      checks.push({ check, outcome: 'skipped', seconds: 0, detail: 'an earlier check failed' });
      continue;
    }
    const t0 = performance.now();
    try {
      const detail = await steps[check]();
      checks.push({ check, outcome: 'ok', seconds: (performance.now() - t0) / 1000, detail });
    } catch (err) {
      failed = true;
      const detail = err instanceof CheckFailed ? err.message : `unexpected: ${(err as Error).message}`;
      checks.push({ check, outcome: 'failed', seconds: (performance.now() - t0) / 1000, detail });
    }
  }
  return { ok: !failed, tenant: who.tenant, subject: who.subject, started_at: startedAt.toISOString(), checks };
}
