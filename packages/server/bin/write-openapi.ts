// Writes packages/sdk/openapi.json from the server's actions: `npm run openapi -w @companyos/server`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase } from '../src/db/open-database.ts';
import { renderOpenApi, SDK_OPENAPI_FILE } from '../src/http/openapi.ts';

// The document needs no data, only a database handle for the app to hold.
const db = await openDatabase({ migrate: false });
try {
  const text = await renderOpenApi(db);
  mkdirSync(dirname(SDK_OPENAPI_FILE), { recursive: true });
  writeFileSync(SDK_OPENAPI_FILE, text);
  console.log(`wrote ${SDK_OPENAPI_FILE}`);
} finally {
  await db.close();
}
