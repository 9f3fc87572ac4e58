// `companyos serve`: runs the server on the configured engine (PGlite in COMPANYOS_DATA_DIR by
// default, PostgreSQL when DATABASE_URL is set), seeds the demo tenants unless --no-seed, and
// prints where the console is and how to get a token. On PostgreSQL it runs COMPANYOS_WORKERS
// server processes sharing the port.

import { createLogger, loadConfig, seedDemo, serve, PLATFORM_OPERATOR, type Config } from '@companyos/server';
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
  console.log(banner(config, served.role === 'primary' ? served.workers : 1));
  return await new Promise<number>(() => {
    // keeps running until a signal closes the server
  });
}

const DEFAULT_URL = 'http://127.0.0.1:8080';

/** What a newcomer needs once the server is up: where it is, where its data is, how to get in. */
export function banner(config: Config, processes: number): string {
  const address = `http://${config.host}:${config.port}`;
  const engine = config.databaseUrl === undefined ? 'PGlite, the database in the data dir' : `PostgreSQL (DATABASE_URL), ${processes} server process(es)`;
  // The CLI asks the server where its token issuer's key is, so only a non-default address needs saying.
  const url = address === DEFAULT_URL ? '' : `  export COMPANYOS_URL=${address}\n`;
  const issuer = config.devIssuer ? `its key in ${config.dataDir}` : 'off (COMPANYOS_DEV_ISSUER=false): use your OIDC issuer';
  return `
CompanyOS is running at ${address}
  console:  ${address}/   (Switchboard: sign in as a seeded user)
  API:      ${address}/api/v1/openapi.json
  engine:   ${engine}
  data dir: ${config.dataDir}
  tokens:   development issuer, ${issuer}

Get a token and make a first call (in another terminal, in this folder):
${url}  export COMPANYOS_TOKEN=${config.devIssuer ? `$(npx companyos token --tenant ${PLATFORM_OPERATOR.tenant} --subject ${PLATFORM_OPERATOR.subject})` : '<a token of your OIDC issuer>'}
  npx companyos tenant list
  curl -H "authorization: Bearer $COMPANYOS_TOKEN" ${address}/api/v1/tenants
More: npx companyos help, and the tour in README.md
`;
}
