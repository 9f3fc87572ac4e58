// The `companyos` command. Each subcommand lives in its own module under `commands/`; this file
// only parses the first word and dispatches.

import { UsageError } from './args.ts';

const USAGE = `companyos — the CompanyOS command

Usage:
  companyos serve [--no-seed]                     run the server (PGlite in ./data, or DATABASE_URL)
  companyos token --tenant T --subject S [--ttl 1h] [--step-up]
                                                  mint a development bearer token
  companyos actions [--json]                      list every governed action and its policy path
  companyos tenant list|get|create|disable|enable|config ...
                                                  manage tenants through the HTTP API
  companyos ledger verify --tenant T [--jwks FILE|URL] [--json]
                                                  rebuild a tenant's log from the database and check it
  companyos verify-receipt FILE [--jwks FILE|URL] [--json]
                                                  check a receipt bundle offline
  companyos flags lint [--definitions FILE] [--remote] | list | get | set | revert | evaluate
                                                  feature flags: hygiene lint (offline), settings
  companyos config export|import|branding --tenant T ...
                                                  the signed white-label kit, and branding
  companyos policy test|validate|list|show|propose|activate|rollback|diff|simulate|decisions ...
                                                  tenant policy bundles (test and validate run offline)
  companyos drift [--json]                        active bundle, flags and configuration loaded?
  companyos export --from T --to T [--actor S]... [--action A]... [--outcome allowed|denied] [-o FILE]
                                                  export a signed evidence pack of the audit trail (needs --step-up token)
  companyos verify PACK [--jwks FILE|URL] [--json]
                                                  check an evidence pack offline; non-zero naming what failed
  companyos high-risk request|list|show|approve|deny|cancel|execute|revoke|evidence|missing-receipts ...
                                                  temporary database access with dual approval
  companyos pdp --tenant T [--api-key KEY] [--addr HOST:PORT] ...
                                                  an OPA-compatible decision service for one tenant
  companyos help                                  this text

Environment: COMPANYOS_URL (default http://127.0.0.1:8080), COMPANYOS_TOKEN, and the server's
COMPANYOS_* settings (see README.md).`;

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
  export: async () => (await import('./commands/export.ts')).exportCommand,
  verify: async () => (await import('./commands/verify.ts')).verifyCommand,
  'high-risk': async () => (await import('./commands/high-risk.ts')).highRiskCommand,
  pdp: async () => (await import('./commands/pdp.ts')).pdpCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (load === undefined) {
    console.error(`companyos: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`companyos ${name}: ${err.message}`);
      return 2;
    }
    console.error(`companyos ${name}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
