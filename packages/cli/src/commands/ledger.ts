// `companyos ledger verify --tenant T`: rebuilds a tenant's Merkle log from the stored receipts and
// checks every signed checkpoint against it, straight from the database (PGlite in the data dir,
// or DATABASE_URL). Stop a server that holds the same PGlite data dir first.

import { join } from 'node:path';
import { loadConfig, openStore, verifyTenantLedger } from '@companyos/server';
import { parse, required, UsageError } from '../args.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { loadJwks } from './jwks-source.ts';

export async function ledgerCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'verify') throw new UsageError(COMMAND_USAGE.ledger!);
  const { values } = parse(rest, { tenant: { type: 'string' }, jwks: { type: 'string' }, json: { type: 'boolean' } });
  const tenant = required(values.tenant, 'tenant');
  // Keys obtained out of band catch an operator who replaced the stored keys as well.
  const jwks = values.jwks === undefined ? undefined : await loadJwks(values.jwks);
  const config = loadConfig();
  // With a database per region, the tenant's ledger is read in its region's database.
  const db = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl === undefined ? join(config.dataDir, 'pglite') : undefined, regionDatabases: config.regionDatabases });
  try {
    const report = await verifyTenantLedger(db, tenant, jwks === undefined ? {} : { jwks });
    if (values.json === true) console.log(JSON.stringify(report, null, 2));
    else {
      console.log(`tenant ${tenant}: ${report.size} leaves, ${report.checkpoints} checkpoints verified, ${report.unsigned} leaves after the last checkpoint, ${report.queued} receipts queued`);
      for (const e of report.errors) console.log(`  - ${e}`);
      console.log(report.ok ? 'OK' : `FAILED${report.firstBadIndex === undefined ? '' : `: first bad leaf index ${report.firstBadIndex}`}`);
    }
    return report.ok ? 0 : 1;
  } finally {
    await db.close();
  }
}
