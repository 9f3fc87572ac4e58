// The `companyos` command. Each subcommand lives in its own module under `commands/`; this file
// only parses the first word and dispatches.

import { serveCommand } from './commands/serve.ts';
import { tokenCommand } from './commands/token.ts';
import { actionsCommand } from './commands/actions.ts';
import { tenantCommand } from './commands/tenant.ts';
import { ledgerCommand } from './commands/ledger.ts';
import { verifyReceiptCommand } from './commands/verify-receipt.ts';
import { flagsCommand } from './commands/flags.ts';
import { configCommand } from './commands/config.ts';
import { policyCommand } from './commands/policy.ts';
import { driftCommand } from './commands/drift.ts';
import { exportCommand } from './commands/export.ts';
import { verifyCommand } from './commands/verify.ts';
import { highRiskCommand } from './commands/high-risk.ts';
import { pdpCommand } from './commands/pdp.ts';
import { finopsCommand } from './commands/finops.ts';
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
  companyos finops usage|readings|invoices|rate|estimate ...
                                                  metered usage, daily readings, invoices and price estimates
  companyos help                                  this text

Environment: COMPANYOS_URL (default http://127.0.0.1:8080), COMPANYOS_TOKEN, and the server's
COMPANYOS_* settings (see README.md).`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  serve: serveCommand,
  token: tokenCommand,
  actions: actionsCommand,
  tenant: tenantCommand,
  ledger: ledgerCommand,
  'verify-receipt': verifyReceiptCommand,
  flags: flagsCommand,
  config: configCommand,
  policy: policyCommand,
  drift: driftCommand,
  export: exportCommand,
  verify: verifyCommand,
  'high-risk': highRiskCommand,
  pdp: pdpCommand,
  finops: finopsCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (command === undefined) {
    console.error(`companyos: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`companyos ${name}: ${err.message}`);
      return 2;
    }
    console.error(`companyos ${name}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
