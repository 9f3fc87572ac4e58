// The `companyos` command. Each subcommand lives in its own module under `commands/`; this file
// only parses the first word and dispatches.

import { UsageError } from './args.ts';
import { OVERVIEW, usageOf } from './usage.ts';

type Command = (args: string[]) => Promise<number>;

// Each command's module (and what it needs of the server) loads only when that command runs.
const commands: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  token: async () => (await import('./commands/token.ts')).tokenCommand,
  actions: async () => (await import('./commands/actions.ts')).actionsCommand,
  tenant: async () => (await import('./commands/tenant.ts')).tenantCommand,
  ledger: async () => (await import('./commands/ledger.ts')).ledgerCommand,
  'verify-receipt': async () => (await import('./commands/verify-receipt.ts')).verifyReceiptCommand,
  flags: async () => (await import('./commands/flags.ts')).flagsCommand,
  config: async () => (await import('./commands/config.ts')).configCommand,
  policy: async () => (await import('./commands/policy.ts')).policyCommand,
  drift: async () => (await import('./commands/drift.ts')).driftCommand,
  can: async () => (await import('./commands/can.ts')).canCommand,
  approvals: async () => (await import('./commands/approvals.ts')).approvalsCommand,
  export: async () => (await import('./commands/export.ts')).exportCommand,
  verify: async () => (await import('./commands/verify.ts')).verifyCommand,
  'high-risk': async () => (await import('./commands/high-risk.ts')).highRiskCommand,
  pdp: async () => (await import('./commands/pdp.ts')).pdpCommand,
  revops: async () => (await import('./commands/revops.ts')).revopsCommand,
  finops: async () => (await import('./commands/finops.ts')).finopsCommand,
  runbook: async () => (await import('./commands/runbook.ts')).runbookCommand,
  incident: async () => (await import('./commands/incident.ts')).incidentCommand,
  'board-pack': async () => (await import('./commands/board-pack.ts')).boardPackCommand,
  onboard: async () => (await import('./commands/onboard.ts')).onboardCommand,
  probe: async () => (await import('./commands/probe.ts')).probeCommand,
  backup: async () => (await import('./commands/backup.ts')).backupCommand,
  restore: async () => (await import('./commands/backup.ts')).restoreCommand,
  dr: async () => (await import('./commands/dr.ts')).drCommand,
  keys: async () => (await import('./commands/keys.ts')).keysCommand,
};

/** `--help` or `-h` anywhere before a `--` asks for help, whatever else the line holds. */
const wantsHelp = (args: string[]): boolean => {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
};

async function printHelp(name: string): Promise<number> {
  const text = name === 'pdp' ? (await import('@companyos/pdp')).PDP_USAGE : usageOf(name);
  if (text === undefined) {
    console.error(`companyos: unknown command "${name}"\n\n${OVERVIEW}`);
    return 2;
  }
  console.log(text);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    console.error(OVERVIEW);
    return 2;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    if (rest[0] === undefined) {
      console.log(OVERVIEW);
      return 0;
    }
    return printHelp(rest[0]);
  }
  const load = commands[name];
  if (load === undefined) {
    console.error(`companyos: unknown command "${name}"\n\n${OVERVIEW}`);
    return 2;
  }
  if (wantsHelp(rest)) return printHelp(name);
  try {
    return await (await load())(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`companyos ${name}: ${err.message}`);
      return 2;
    }
    console.error(`companyos ${name}: ${describeError(err)}`);
    return 1;
  }
}

/** A failure in words: a missing file by its name, anything else by its message. */
function describeError(err: unknown): string {
  const e = err as { code?: unknown; path?: unknown; message?: unknown };
  if (e.code === 'ENOENT' && typeof e.path === 'string') return `no such file: ${e.path}`;
  if (e.code === 'EISDIR' && typeof e.path === 'string') return `${e.path} is a folder, not a file`;
  return err instanceof Error ? err.message : String(err);
}
