import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shellBlocks } from './docs/markdown-blocks.ts';
import { REPO, runWalkthrough } from './docs/run-walkthrough.ts';

// The README tour and every docs/*.md walkthrough run verbatim (by the convention of
// docs/README.md), each against a fresh server of its own, several at a time.
const files = ['README.md', ...readdirSync(join(REPO, 'docs')).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => `docs/${f}`)];

test('the walkthroughs in README.md and docs/ run as written', { concurrency: 3 }, async (t) => {
  await Promise.all(
    files.map((file) => {
      const blocks = shellBlocks(readFileSync(join(REPO, file), 'utf8'));
      if (blocks.length === 0) return undefined;
      return t.test(file, async () => {
        const { failures, banner } = await runWalkthrough(blocks);
        assert.deepEqual(failures, []);
        // What `npm start` prints is what a newcomer needs: the console URL, the data dir, how to get a token.
        assert.match(banner ?? '', /CompanyOS is running at http:\/\/127\.0\.0\.1:\d+\n/);
        assert.match(banner ?? '', /console: +http:\/\/127\.0\.0\.1:\d+\//);
        assert.match(banner ?? '', /data dir: \/\S+\/data\n/);
        assert.match(banner ?? '', /export COMPANYOS_TOKEN=\$\(npx companyos token --tenant internal --subject user-platform-operator\)/);
      });
    }),
  );
});
