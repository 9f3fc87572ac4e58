import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The web package's folder and the built console inside it. */
export const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CONSOLE_DIST = join(WEB_ROOT, 'dist');
const STAMP = '.source-hash';

const INPUTS = ['src', 'index.html', 'vite.config.ts', 'package.json'];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

/** A digest of everything the build reads, so a build is redone exactly when a source changed. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((p) => files(join(WEB_ROOT, p)))) {
    hash.update(relative(WEB_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function consoleIsCurrent(): boolean {
  const stamp = join(CONSOLE_DIST, STAMP);
  return existsSync(stamp) && readFileSync(stamp, 'utf8') === sourceHash();
}

/**
 * Builds the console into `dist/` when it is missing or older than its sources. The build goes to
 * a temporary folder first, so a server or a concurrent build never sees half a console.
 */
export async function ensureConsoleBuilt(options: { force?: boolean; quiet?: boolean } = {}): Promise<{ built: boolean }> {
  if (options.force !== true && consoleIsCurrent()) return { built: false };
  const { build } = await import('vite');
  const hash = sourceHash();
  const staging = join(WEB_ROOT, `dist.${process.pid}.tmp`);
  try {
    await build({ root: WEB_ROOT, configFile: join(WEB_ROOT, 'vite.config.ts'), logLevel: options.quiet === true ? 'silent' : 'info', build: { outDir: staging } });
    writeFileSync(join(staging, STAMP), hash);
    rmSync(CONSOLE_DIST, { recursive: true, force: true });
    try {
      renameSync(staging, CONSOLE_DIST);
    } catch (error) {
      // Another process finished the same build first.
      if (!consoleIsCurrent()) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { built: true };
}
