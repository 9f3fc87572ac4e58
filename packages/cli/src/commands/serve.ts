// `companyos serve`: runs the server on the configured engine (PGlite in COMPANYOS_DATA_DIR by
// default, PostgreSQL when DATABASE_URL is set), seeds the demo tenants unless --no-seed, and
// prints where the console is and how to get a token. On PostgreSQL it runs COMPANYOS_WORKERS
// server processes sharing the port.

import { createLogger, loadConfig, seedDemo, serve, PLATFORM_OPERATOR } from '@companyos/server';
import { parse } from '../args.ts';

export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { 'no-seed': { type: 'boolean' } });
  const config = loadConfig();
  const seed = values['no-seed'] !== true;
  const served = await serve({
    config,
    log: createLogger({ level: config.logLevel }),
    prepare: seed ? async (db) => void (await seedDemo(db, { policyDir: config.policyDir })) : undefined,
  });
  // A cluster's workers serve; the primary (or the only process) prints the banner.
  if (served.role === 'worker') return await new Promise<number>(() => {});
  const address = `http://${config.host}:${config.port}`;
  console.log(`
CompanyOS is running at ${address}
  engine:   ${config.databaseUrl === undefined ? `PGlite (data in ${config.dataDir})` : `PostgreSQL (DATABASE_URL), ${served.role === 'primary' ? served.workers : 1} server process(es)`}
  console:  ${address}/
  API:      ${address}/api/v1/openapi.json

Get a token and make a first call:
  export COMPANYOS_TOKEN=$(npx companyos token --tenant ${PLATFORM_OPERATOR.tenant} --subject ${PLATFORM_OPERATOR.subject})
  curl -H "authorization: Bearer $COMPANYOS_TOKEN" ${address}/api/v1/tenants
`);
  return await new Promise<number>(() => {
    // keeps running until a signal closes the server
  });
}
