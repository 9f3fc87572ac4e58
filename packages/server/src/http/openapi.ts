import { fileURLToPath } from 'node:url';
import type { Database } from '../db/database.ts';
import { createLogger } from '../logger.ts';
import { buildApp } from './app.ts';

/** Where the SDK keeps the committed API description. */
export const SDK_OPENAPI_FILE = fileURLToPath(new URL('../../../sdk/openapi.json', import.meta.url));

/** The OpenAPI 3.1 document of every action, as text ready to be written to disk. */
export async function renderOpenApi(db: Database): Promise<string> {
  const app = await buildApp({ database: db, logger: createLogger({ level: 'silent' }), config: { devIssuer: false } });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
  }
}
