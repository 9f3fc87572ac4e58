// `companyos serve`: runs the server on the configured engine (PGlite in COMPANYOS_DATA_DIR by
// default, PostgreSQL when DATABASE_URL is set), seeds the demo tenants unless --no-seed, and
// prints where the console is and how to get a token.

import { loadConfig, seedDemo, startServer, PLATFORM_OPERATOR } from '@companyos/server';
import { parse } from '../args.ts';

export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { 'no-seed': { type: 'boolean' } });
  const config = loadConfig();
  const app = await startServer({ config });
  if (values['no-seed'] !== true) await seedDemo(app.db, { policyDir: config.policyDir });
  const address = `http://${config.host}:${config.port}`;
  console.log(`
CompanyOS is running at ${address}
  engine:   ${config.databaseUrl === undefined ? `PGlite (data in ${config.dataDir})` : 'PostgreSQL (DATABASE_URL)'}
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
