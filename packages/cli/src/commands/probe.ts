// `companyos probe [--url URL] [--token T] [--timeout S] [--json]`: runs the golden-path checks
// against a running server as the token's tenant admin (a step-up token): sign-in, a policy
// decision, a governed action with its receipt and inclusion proof, an evidence pack verified
// offline. Exits 0 when every check passes, 1 naming the check that failed.

import { runGoldenPath, type ProbeHttp } from '@companyos/server';
import { reach, serverUrl } from '../api-client.ts';
import { parse, UsageError } from '../args.ts';
import { COMMAND_USAGE } from '../usage.ts';

const overHttp =
  (base: string): ProbeHttp =>
  async (method, path, o) => {
    const headers: Record<string, string> = {};
    if (o.token !== undefined) headers.authorization = `Bearer ${o.token}`;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    const res = await reach(new URL(path, base), { method, headers, body: o.body === undefined ? null : JSON.stringify(o.body) });
    return { status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) };
  };

export async function probeCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { url: { type: 'string' }, token: { type: 'string' }, timeout: { type: 'string' }, json: { type: 'boolean' } });
  const token = values.token ?? process.env.COMPANYOS_TOKEN;
  if (token === undefined || token === '') throw new UsageError(`no credential: set COMPANYOS_TOKEN (a step-up token of a tenant admin) or pass --token\n${COMMAND_USAGE.probe}`);
  const timeoutS = Number(values.timeout ?? 60);
  if (!Number.isInteger(timeoutS) || timeoutS < 1 || timeoutS > 3600) throw new UsageError('--timeout must be a whole number of seconds from 1 to 3600');
  const base = serverUrl(values.url);
  const report = await runGoldenPath({ http: overHttp(base), token, timeoutMs: timeoutS * 1000 });
  if (values.json === true) {
    console.log(JSON.stringify({ server: base, ...report }, null, 2));
  } else {
    console.log(`probe of ${base} as ${report.subject} of ${report.tenant}`);
    for (const c of report.checks) {
      const time = c.outcome === 'skipped' ? '' : ` (${Math.round(c.seconds * 1000)} ms)`;
      console.log(`  ${c.outcome.padEnd(7)} ${c.check.padEnd(14)} ${c.detail}${time}`);
    }
    console.log(report.ok ? 'OK: every check passed' : `FAILED: ${report.checks.find((c) => c.outcome === 'failed')!.check}`);
  }
  return report.ok ? 0 : 1;
}
