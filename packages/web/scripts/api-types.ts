import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

// The console's types and enumerations of the API, generated from the server's OpenAPI document
// (packages/sdk/openapi.json), so the console keeps no copies of the server's lists.

export const OPENAPI_DOCUMENT = fileURLToPath(new URL('../../sdk/openapi.json', import.meta.url));
export const API_TYPES_FILE = fileURLToPath(new URL('../src/api/openapi.gen.ts', import.meta.url));

const HEADER = '// Generated from packages/sdk/openapi.json by `npm run api-types -w @companyos/web`. Do not edit.\n/* eslint-disable */\n\n';

/** The generated module's text for the current OpenAPI document. */
export async function renderApiTypes(): Promise<string> {
  const ast = await openapiTS(pathToFileURL(OPENAPI_DOCUMENT), { enumValues: true, alphabetize: true });
  return HEADER + astToString(ast);
}

/** Whether the committed module matches the document. */
export async function apiTypesCurrent(): Promise<boolean> {
  return readFileSync(API_TYPES_FILE, 'utf8') === (await renderApiTypes());
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(API_TYPES_FILE, await renderApiTypes());
  console.log(`wrote ${API_TYPES_FILE}`);
}
