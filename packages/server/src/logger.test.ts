import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';

// The default destination buffers lines: these run a process that logs to its real standard
// output and watch what arrives, and when.

const LOGGER = new URL('./logger.ts', import.meta.url).href;

/** Runs `body` (with `log` in scope) in a fresh process; resolves with its output lines, each with when it arrived (epoch ms). */
function run(body: string): Promise<Array<{ line: Record<string, unknown>; atMs: number }>> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import { createLogger } from '${LOGGER}'; const log = createLogger(); ${body}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: Array<{ line: Record<string, unknown>; atMs: number }> = [];
  let partial = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop()!;
    for (const p of parts) lines.push({ line: JSON.parse(p) as Record<string, unknown>, atMs: Date.now() });
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(lines) : reject(new Error(`exited with ${code}`))));
  });
}

test('a line logged on an idle process is written within the flush interval, not held until exit', async () => {
  // Logs once, then stays alive for 4 s: the line must arrive well before the process ends
  // (timed from when it was logged, as the process may be slow to start on a busy machine).
  const lines = await run(`log.info({ at: Date.now() }, 'lone line'); setTimeout(() => {}, 4000);`);
  assert.equal(lines.length, 1);
  assert.equal(lines[0]!.line.msg, 'lone line');
  const waited = lines[0]!.atMs - (lines[0]!.line.at as number);
  assert.ok(waited < 2000, `arrived ${waited} ms after it was logged`);
});

test('lines still buffered when the process exits are written', async () => {
  // More than one buffer's worth, so a write may still be in flight at the exit: the lines
  // buffered after it are written at once, and may land before it (each line has its time).
  const lines = await run(`for (let i = 0; i < 200; i++) log.info({ i }, 'line'); process.exit(0);`);
  assert.deepEqual(
    lines.map((l) => l.line.i as number).sort((a, b) => a - b),
    Array.from({ length: 200 }, (_, i) => i),
  );
});
