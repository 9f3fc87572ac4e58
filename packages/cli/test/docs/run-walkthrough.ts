// Runs a walkthrough's shell blocks in order, in one bash, against a fresh server of its own (a
// free port, a new PGlite data dir, seeded as `npm start` seeds it) from a temporary folder, so
// nothing the walkthrough writes lands in the repository.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { missingOutput, type ShellBlock } from './markdown-blocks.ts';

export const REPO = resolve(import.meta.dirname, '../../../..');
const BIN = join(REPO, 'packages/cli/bin/companyos.mjs');
const START_TIMEOUT_MS = 10 * 60_000;

/** The environment of a walkthrough: the repository's `companyos` on PATH, no credential, no database. */
function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${join(REPO, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}` };
  for (const name of ['DATABASE_URL', 'COMPANYOS_TOKEN', 'COMPANYOS_URL', 'COMPANYOS_DATA_DIR', 'COMPANYOS_PORT', 'NODE_ENV', 'NODE_OPTIONS']) delete env[name];
  return env;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as { port: number };
  await new Promise((done) => probe.close(done));
  return port;
}

export interface Server {
  url: string;
  dataDir: string;
  /** What `companyos serve` printed when it was ready. */
  banner: string;
  stop(): Promise<void>;
}

/** Starts `companyos serve` as `npm start` does, with `vars` added, and waits for its banner. */
export async function startServer(workDir: string, vars: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const dataDir = join(workDir, 'data');
  const env = { ...baseEnv(), ...vars, COMPANYOS_PORT: String(port), COMPANYOS_DATA_DIR: dataDir, COMPANYOS_LOG_LEVEL: 'warn' };
  // The compiler setting of the test process (scripts/run-tests.mjs) carries over: it changes
  // nothing a walkthrough shows, only what a short-lived server spends compiling PGlite.
  const v8 = process.execArgv.filter((a) => a === '--liftoff-only');
  const child = spawn(process.execPath, [...v8, BIN, 'serve'], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  child.stdout.on('data', (d: Buffer) => void (printed += d.toString()));
  child.stderr.on('data', (d: Buffer) => void (printed += d.toString()));
  const stop = () => stopProcess(child);
  try {
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`the server did not start in ${START_TIMEOUT_MS} ms:\n${printed}`)), START_TIMEOUT_MS);
      const check = () => {
        if (!/CompanyOS is running at[\s\S]*\nMore: .*\n/.test(printed)) return;
        clearTimeout(timer);
        ready();
      };
      child.stdout.on('data', check);
      child.on('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`the server exited (${code}) before it was ready:\n${printed}`));
      });
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return { url: `http://127.0.0.1:${port}`, dataDir, banner: printed, stop };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

export interface BlockResult {
  block: ShellBlock;
  output: string;
}

/** Runs blocks in one bash (variables carry over), stopping at the first failing command. */
export async function runBlocks(blocks: ShellBlock[], workDir: string, serverUrl: string | undefined): Promise<{ code: number; results: BlockResult[] }> {
  const marker = (i: number) => `@@block ${i}@@`;
  const address = serverUrl?.replace(/^http:\/\//, '');
  const script = ['set -eo pipefail', ...blocks.map((b, i) => `echo '${marker(i)}'\n${address === undefined ? b.code : b.code.replaceAll(/(localhost|127\.0\.0\.1):8080/g, address)}`)].join('\n');
  const env = { ...baseEnv(), ...(serverUrl === undefined ? {} : { COMPANYOS_URL: serverUrl }) };
  // Its own process group, so whatever a walkthrough leaves running in the background is stopped with it.
  const child = spawn('bash', ['-c', script], { cwd: workDir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (d: Buffer) => void (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => void (output += d.toString()));
  const closed = new Promise((done) => child.on('close', done));
  const code = await new Promise<number>((done) => child.on('exit', (c) => done(c ?? 1)));
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // the group has ended already
  }
  await closed;
  const results: BlockResult[] = [];
  blocks.forEach((block, i) => {
    const from = output.indexOf(`${marker(i)}\n`);
    if (from === -1) return;
    const next = output.indexOf(`${marker(i + 1)}\n`, from);
    results.push({ block, output: output.slice(from + marker(i).length + 1, next === -1 ? undefined : next) });
  });
  return { code, results };
}

/** Folders of the repository a walkthrough may read from its working folder. */
const READABLE_DIRS = ['docs', 'deploy', 'policies'];

/** Runs a walkthrough's blocks: those before its server-start block first, then the server, then the rest. */
export async function runWalkthrough(blocks: ShellBlock[]): Promise<{ failures: string[]; banner: string | undefined }> {
  const workDir = mkdtempSync(join(tmpdir(), 'companyos-docs-'));
  // The repository's read-only folders, so paths a page names from the repository root resolve,
  // while files it writes land in the temporary folder.
  for (const dir of READABLE_DIRS) symlinkSync(join(REPO, dir), join(workDir, dir));
  const failures: string[] = [];
  const startAt = blocks.findIndex((b) => b.startsServer !== undefined);
  if (blocks.filter((b) => b.startsServer !== undefined).length > 1) throw new Error('a walkthrough starts its server once (mark the other start blocks no-run)');
  const setup = startAt === -1 ? [] : blocks.slice(0, startAt);
  const tour = startAt === -1 ? blocks : blocks.slice(startAt + 1);
  let server: Server | undefined;
  try {
    for (const [part, url] of [[setup, undefined], [tour, 'server']] as const) {
      if (part.length === 0) continue;
      if (url !== undefined) server = await startServer(workDir, blocks[startAt]?.startsServer ?? {});
      const run = await runBlocks(part, workDir, server?.url);
      for (const r of run.results) {
        const missing = missingOutput(r.block.expected, r.output);
        if (missing !== undefined) failures.push(`block at line ${r.block.line}: its output lacks ${JSON.stringify(missing)}\n${r.output}`);
      }
      if (run.code !== 0) {
        const last = run.results.at(-1);
        failures.push(`block at line ${last?.block.line ?? '?'} failed (exit ${run.code}):\n${last?.output ?? ''}`);
        break;
      }
    }
    return { failures, banner: server?.banner };
  } finally {
    await server?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}
