import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiTypesCurrent } from '../scripts/api-types.ts';

test('the console’s API types match the server’s OpenAPI document', async () => {
  assert.ok(await apiTypesCurrent(), 'src/api/openapi.gen.ts is stale: run `npm run api-types -w @companyos/web` and commit it');
});
