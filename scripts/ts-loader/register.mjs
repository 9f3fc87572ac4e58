// `node --import ./scripts/ts-loader/register.mjs`: runs the repository's TypeScript directly, for
// the test runs (see hooks.mjs for why not tsx there).
import { register } from 'node:module';

process.setSourceMapsEnabled(true);
register('./hooks.mjs', import.meta.url);
