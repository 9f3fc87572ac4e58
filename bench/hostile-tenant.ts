// Another tenant's decision latency while one tenant runs a pathological policy in a loop.
//
//   node --import tsx bench/hostile-tenant.ts [--seconds 3]
//
// Tenant B's decisions arrive every millisecond (an open loop: latency counts from the arrival,
// so time spent waiting behind other work counts). Meanwhile tenant A evaluates a draft that runs
// until its budget stops it, again and again:
//   on thread  — A's draft evaluated on the request thread, as drafts were before the draft pool;
//   in pool    — A's draft evaluated in the draft pool's worker, as the server does now.
// Figures are wall-clock on a shared machine: compare the two rows of one run, not across runs.

import { parseArgs } from 'node:util';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { compile } from '@companyos/rego';
import { DraftPool } from '../packages/server/src/policy/draft-pool.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '3' } } });
const seconds = Number(values.seconds);
const BUDGET = { timeMs: 200, maxValueSize: 1_000_000 };

const tenantB = compile(
  [{ file: 'b.rego', source: 'package b\n\ndecision := {"allow": allow, "reasons": reasons}\n\ndefault allow := false\n\nallow if input.role in data.roles\n\nreasons contains "unknown role" if not allow\n' }],
  { data: { roles: ['admin', 'engineer', 'auditor'] }, budget: BUDGET },
).prepare('b.decision');

const HOSTILE = [{ file: 'a.rego', source: 'package a\n\nspin if {\n  every x in numbers.range(1, 100000) {\n    every y in numbers.range(1, 100000) { x + y > 0 }\n  }\n}\n' }];
const hostileOnThread = compile(HOSTILE, { budget: BUDGET });

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** B's decision latencies (ms) over the run, with `hostile` running alongside until it is told to stop. */
async function measure(hostile: (running: () => boolean) => Promise<void>): Promise<number[]> {
  let on = true;
  const done = hostile(() => on);
  const latencies: number[] = [];
  const start = performance.now();
  let arrival = start;
  while (performance.now() - start < seconds * 1000) {
    await yieldToLoop();
    const now = performance.now();
    if (now < arrival) continue;
    // Every arrival that came due while this thread was busy is served now, late.
    while (arrival <= now) {
      tenantB.evaluate({ role: latencies.length % 2 === 0 ? 'engineer' : 'guest' });
      latencies.push(performance.now() - arrival);
      arrival += 1;
    }
  }
  on = false;
  await done;
  return latencies.sort((a, b) => a - b);
}

async function onThread(running: () => boolean): Promise<void> {
  while (running()) {
    await yieldToLoop();
    try {
      hostileOnThread.evaluate('a.spin');
    } catch {
      // Cancelled by its budget, as intended; it starts over.
    }
  }
}

const pool = new DraftPool({ threads: 2, timeoutMs: 10_000, maxHeapMb: 128, budget: BUDGET });
async function inPool(running: () => boolean): Promise<void> {
  while (running()) {
    await pool.simulate('tenant-a', { modules: HOSTILE, data: {} }, 'a.spin', [{}]).catch(() => undefined);
  }
}

// Warm the pool's worker and the decision path before measuring.
await pool.simulate('tenant-a', { modules: [{ file: 'w.rego', source: 'package w\n\nok := true\n' }], data: {} }, 'w.ok', [{}]);
await measure(async () => {});

console.log(`tenant B decision latency while tenant A spins (${seconds} s each, A's evaluation budget ${BUDGET.timeMs} ms)`);
console.log('mode        decisions   p50 ms   p99 ms   max ms');
for (const [name, hostile] of [
  ['alone', async () => {}],
  ['on thread', onThread],
  ['in pool', inPool],
] as const) {
  const l = await measure(hostile);
  console.log(`${name.padEnd(11)} ${String(l.length).padStart(9)} ${percentile(l, 50).toFixed(3).padStart(8)} ${percentile(l, 99).toFixed(3).padStart(8)} ${(l[l.length - 1] ?? NaN).toFixed(3).padStart(8)}`);
}
await pool.close();
