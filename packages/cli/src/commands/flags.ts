// `companyos flags ...`: feature flags. `lint` runs offline over a definitions file (CI runs it
// over the shipped one); the other verbs go through the HTTP API, so every change is a governed,
// receipted action.

import { FLAG_DEFINITIONS_FILE, lintFlags, loadFlagDefinitions } from '@companyos/server';
import { parse, UsageError } from '../args.ts';
import { callApi } from '../api-client.ts';
import { COMMAND_USAGE } from '../usage.ts';

const common = {
  url: { type: 'string' },
  token: { type: 'string' },
} as const;


export async function flagsCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'lint':
      return lint(rest);
    case 'list': {
      const { values } = parse(rest, common);
      print(await callApi('GET', '/api/v1/flags', values));
      return 0;
    }
    case 'get':
    case 'revert': {
      const { values, positionals } = parse(rest, common, true);
      const id = flagId(positionals[0], verb);
      print(verb === 'get' ? await callApi('GET', `/api/v1/flags/${id}`, values) : await callApi('POST', `/api/v1/flags/${id}/revert`, values, {}));
      return 0;
    }
    case 'set': {
      const { values, positionals } = parse(rest, { ...common, setting: { type: 'string' } }, true);
      const id = flagId(positionals[0], verb);
      let setting: unknown;
      try {
        setting = JSON.parse(values.setting ?? '');
      } catch {
        throw new UsageError('--setting must be a JSON object, e.g. --setting \'{"variant":"on"}\'');
      }
      print(await callApi('PUT', `/api/v1/flags/${id}/setting`, values, setting));
      return 0;
    }
    case 'evaluate': {
      const { values, positionals } = parse(rest, common, true);
      print(await callApi('POST', '/api/v1/flags/evaluate', values, positionals.length > 0 ? { flags: positionals } : {}));
      return 0;
    }
    default:
      throw new UsageError(COMMAND_USAGE.flags!);
  }
}

/**
 * Fails (exit 1) on flags past their expiry, warns on those expiring within 14 days, and with
 * --remote lists the flags the caller's tenant has not evaluated for 30 days.
 */
async function lint(args: string[]): Promise<number> {
  const { values } = parse(args, { ...common, definitions: { type: 'string' }, remote: { type: 'boolean' } });
  const definitions = loadFlagDefinitions(values.definitions ?? FLAG_DEFINITIONS_FILE);
  let usage: Map<string, string | null> | undefined;
  if (values.remote === true) {
    const { flags } = (await callApi('GET', '/api/v1/flags', values)) as { flags: { flag_id: string; last_evaluated_at: string | null }[] };
    usage = new Map(flags.map((f) => [f.flag_id, f.last_evaluated_at]));
  }
  const report = lintFlags(definitions.values(), new Date(), usage);
  for (const e of report.errors) console.error(`error: ${e}`);
  for (const w of report.warnings) console.error(`warning: ${w}`);
  for (const s of report.stale) console.log(`not evaluated for 30 days: ${s}`);
  console.log(`${definitions.size} flag(s): ${report.errors.length} expired, ${report.warnings.length} expiring soon${usage === undefined ? '' : `, ${report.stale.length} stale`}`);
  return report.errors.length > 0 ? 1 : 0;
}

function flagId(id: string | undefined, verb: string): string {
  if (id === undefined) throw new UsageError(`flags ${verb} needs a flag id`);
  return encodeURIComponent(id);
}

function print(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}
