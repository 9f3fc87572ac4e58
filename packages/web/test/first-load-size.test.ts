import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { CONSOLE_DIST, ensureConsoleBuilt } from '../scripts/console-build.ts';

/** The most compressed JavaScript the console may load before its first paint. */
const FIRST_LOAD_LIMIT = 300 * 1024;

test('the console’s first load stays within 300 KB of compressed JavaScript', async (t) => {
  await ensureConsoleBuilt({ quiet: true });
  const html = readFileSync(join(CONSOLE_DIST, 'index.html'), 'utf8');
  // The entry script and the chunks the page preloads with it; lazy screens and the palette are not among them.
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1] ?? m[2]!);
  assert.ok(scripts.length > 0, 'index.html names its entry script');
  const bytes = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(join(CONSOLE_DIST, src))).length, 0);
  t.diagnostic(`first load: ${scripts.length} script(s), ${(bytes / 1024).toFixed(1)} KB gzip`);
  assert.ok(bytes <= FIRST_LOAD_LIMIT, `${(bytes / 1024).toFixed(1)} KB of compressed JavaScript on first load (limit 300 KB)`);
});
