import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shellBlocks } from './markdown-blocks.ts';
import { REPO, runWalkthrough } from './run-walkthrough.ts';

/** The pages with walkthroughs: the README tour and every docs/*.md (docs/README.md is their conventions). */
const pages = (): string[] => ['README.md', ...readdirSync(join(REPO, 'docs')).filter((f) => f.endsWith('.md') && f !== 'README.md').sort().map((f) => `docs/${f}`)];

/**
 * Runs half of the walkthroughs (every other page), verbatim, each against a fresh server of its
 * own, several at a time. The pages are split in two test files so a test runner can give each
 * half to another worker, and CI's two engine runs take one half each.
 */
export function testWalkthroughs(half: 1 | 2): void {
  const mine = pages().filter((_, i) => i % 2 === half - 1);
  test(`the walkthroughs run as written, half ${half}`, { concurrency: 3 }, async (t) => {
    await Promise.all(
      mine.map((file) => {
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
}
