// `companyos policy ...`: tenant policy bundles. `test` and `validate` run offline on the policy
// folders (CI runs both); the other verbs go through the HTTP API, so proposals, activations and
// rollbacks are decided, audited and receipted like any other action.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compile } from '@companyos/rego';
import { bundleNames, bundleRefProblems, checkBundle, DEMO_TENANTS, defaultPolicyDir, defaultTenantConfig, loadBundleDir, loadTestModules } from '@companyos/server';
import { parse, required, UsageError } from '../args.ts';
import { callApi } from '../api-client.ts';
import { COMMAND_USAGE } from '../usage.ts';

const common = {
  url: { type: 'string' },
  token: { type: 'string' },
} as const;


const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** A JSON value given inline or as a file name. */
function jsonArg(text: string, flag: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return readJson(text);
    } catch (err) {
      throw new UsageError(`--${flag}: neither JSON nor a readable JSON file (${err instanceof Error ? err.message : String(err)})`);
    }
  }
}

function print(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

export async function policyCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'test':
      return testBundle(rest);
    case 'validate':
      return validate(rest);
    case 'list': {
      const { values } = parse(rest, common);
      print(await callApi('GET', '/api/v1/policy/versions', values));
      return 0;
    }
    case 'show': {
      const { values, positionals } = parse(rest, common, true);
      print(await callApi('GET', `/api/v1/policy/versions/${encodeURIComponent(positionals[0] ?? 'active')}`, values));
      return 0;
    }
    case 'propose': {
      const { values } = parse(rest, {
        ...common,
        message: { type: 'string', short: 'm' },
        patch: { type: 'string' },
        data: { type: 'string' },
        module: { type: 'string', multiple: true },
        parent: { type: 'string' },
      });
      const body: Record<string, unknown> = { message: required(values.message, 'message') };
      if (values.patch !== undefined) body.data_patch = jsonArg(values.patch, 'patch');
      if (values.data !== undefined) body.data = readJson(values.data);
      if (values.parent !== undefined) body.parent = values.parent;
      if (values.module !== undefined) {
        body.modules = Object.fromEntries(
          values.module.map((m) => {
            const [path, file] = m.split('=');
            if (path === undefined || file === undefined) throw new UsageError('--module takes tenant/name.rego=FILE');
            return [path, readFileSync(file, 'utf8')];
          }),
        );
      }
      print(await callApi('POST', '/api/v1/policy/versions', values, body));
      return 0;
    }
    case 'activate':
    case 'rollback': {
      const { values, positionals } = parse(rest, common, true);
      const version = positionals[0];
      if (version === undefined || !/^[1-9][0-9]*$/.test(version)) throw new UsageError(`policy ${verb} needs a version number`);
      print(
        verb === 'activate'
          ? await callApi('POST', `/api/v1/policy/versions/${version}/activate`, values, {})
          : await callApi('POST', '/api/v1/policy/rollback', values, { version: Number(version) }),
      );
      return 0;
    }
    case 'diff': {
      const { values, positionals } = parse(rest, { ...common, from: { type: 'string' }, fixtures: { type: 'string' }, recorded: { type: 'string' } }, true);
      const to = positionals[0];
      if (to === undefined) throw new UsageError('policy diff needs the version to compare with (a number, active or base)');
      const body: Record<string, unknown> = { to };
      if (values.from !== undefined) body.from = values.from;
      if (values.fixtures !== undefined) body.fixtures = asArray(readJson(values.fixtures));
      if (values.recorded !== undefined) body.recorded = Number(values.recorded);
      print(await callApi('POST', '/api/v1/policy/diff', values, body));
      return 0;
    }
    case 'simulate': {
      const { values } = parse(rest, { ...common, input: { type: 'string' }, version: { type: 'string' }, draft: { type: 'string' }, path: { type: 'string' } });
      const body: Record<string, unknown> = { inputs: asArray(readJson(required(values.input, 'input'))) };
      if (values.version !== undefined) body.version = values.version;
      if (values.draft !== undefined) body.draft = readJson(values.draft);
      if (values.path !== undefined) body.path = values.path;
      print(await callApi('POST', '/api/v1/policy/simulate', values, body));
      return 0;
    }
    case 'decisions': {
      const filters = { action: { type: 'string' }, subject: { type: 'string' }, allow: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, limit: { type: 'string' } } as const;
      const { values } = parse(rest, { ...common, ...filters });
      const query = new URLSearchParams();
      for (const name of Object.keys(filters) as (keyof typeof filters)[]) if (values[name] !== undefined) query.set(name, values[name]);
      print(await callApi('GET', `/api/v1/policy/decisions${query.size > 0 ? `?${query}` : ''}`, values));
      return 0;
    }
    default:
      throw new UsageError(COMMAND_USAGE.policy!);
  }
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** Runs a bundle folder's tests as `opa test` does: a line per failure (each test with -v), a summary, and coverage. */
async function testBundle(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { coverage: { type: 'boolean' }, threshold: { type: 'string' }, verbose: { type: 'boolean', short: 'v' } }, true);
  const dir = positionals[0] ?? defaultPolicyDir;
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 100)) throw new UsageError('--threshold must be a percentage between 0 and 100');
  const bundle = loadBundleDir(dir);
  const report = compile([...bundle.modules, ...loadTestModules(dir)], { data: bundle.data }).test({ coverage: values.coverage === true || threshold !== undefined });
  for (const r of report.results) {
    if (r.status === 'pass' && values.verbose !== true) continue;
    const detail = r.status === 'error' ? `: ${r.error ?? ''}` : '';
    console.log(`${r.file}:${r.line}: ${r.fullName}: ${r.status.toUpperCase()} (${r.ms.toFixed(1)}ms)${detail}`);
  }
  const bad = report.failed + report.errored;
  console.log(`${'-'.repeat(60)}\n${bad === 0 ? 'PASS' : 'FAIL'}: ${report.passed}/${report.results.length - report.skipped}${bad > 0 ? ` (${report.failed} failed, ${report.errored} errored)` : ''}`);
  let ok = bad === 0;
  if (report.coverage !== undefined) {
    for (const f of report.coverage.files) console.log(`coverage ${f.percent.toFixed(1).padStart(5)}%  ${f.file}${f.notCovered.length > 0 ? `  (not covered: ${f.notCovered.join(', ')})` : ''}`);
    console.log(`coverage ${report.coverage.percent.toFixed(1)}% overall`);
    if (threshold !== undefined && report.coverage.percent < threshold) {
      console.error(`coverage ${report.coverage.percent.toFixed(1)}% is below the threshold ${threshold}%`);
      ok = false;
    }
  }
  return ok ? 0 : 1;
}

/** Tenants (the seeded ones, or a file as written by `companyos tenant list`) against the bundle folders. */
async function validate(args: string[]): Promise<number> {
  const { values } = parse(args, { policies: { type: 'string' }, tenants: { type: 'string' } });
  const policiesDir = values.policies ?? dirname(defaultPolicyDir);
  const tenants = values.tenants === undefined ? seededTenants() : tenantsFromFile(values.tenants);
  const bundles = bundleNames(policiesDir);
  const problems = bundleRefProblems(tenants, bundles);
  for (const name of bundles) {
    const dir = join(policiesDir, name);
    const check = checkBundle(loadBundleDir(dir), loadTestModules(dir));
    problems.push(...check.failures.map((f) => `bundle ${name}: ${f}`));
  }
  for (const p of problems) console.error(`error: ${p}`);
  console.log(`${problems.length === 0 ? 'ok' : 'FAIL'}: ${tenants.length} tenant(s), ${bundles.length} bundle(s), ${problems.length} problem(s)`);
  return problems.length === 0 ? 0 : 1;
}

function seededTenants(): { tenant_id: string; policy_bundle_ref: string }[] {
  return DEMO_TENANTS.map((t) => defaultTenantConfig({ ...t, owner_contact: `admin@${t.tenant_id}.example.com` }));
}

function tenantsFromFile(file: string): { tenant_id: string; policy_bundle_ref: string }[] {
  const raw = readJson(file) as { tenants?: unknown } | unknown[];
  const list = Array.isArray(raw) ? raw : Array.isArray(raw.tenants) ? raw.tenants : undefined;
  if (list === undefined) throw new UsageError(`${file}: expected a list of tenants or {"tenants": [...]}`);
  return list.map((t) => {
    const tenant = t as { tenant_id?: unknown; policy_bundle_ref?: unknown; config?: { policy_bundle_ref?: unknown } };
    const ref = tenant.config?.policy_bundle_ref ?? tenant.policy_bundle_ref;
    if (typeof tenant.tenant_id !== 'string' || typeof ref !== 'string') throw new UsageError(`${file}: every tenant needs tenant_id and policy_bundle_ref`);
    return { tenant_id: tenant.tenant_id, policy_bundle_ref: ref };
  });
}
