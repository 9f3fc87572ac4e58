// The CPU time a run cost each part of the benchmark, read from Linux's /proc: the server's
// process tree (its workers included), the PostgreSQL processes on this machine (every backend
// and helper, whichever database they serve), and the driver itself. Divided by the requests sent
// it is what one request costs: the figure that sets how many requests two cores can serve, and
// one that depends far less than latency on whatever else the machine was running, so it stays
// comparable between runs.

import { readdirSync, readFileSync } from 'node:fs';

/** CPU milliseconds per request sent, by part. */
export interface CpuPerRequest {
  server: number;
  database: number;
  driver: number;
}

export interface CpuSnapshot {
  /** CPU ms of each live process by pid, with its parent and name; empty where /proc is absent. */
  processes: Map<number, { ppid: number; name: string; ms: number }>;
  driverMs: number;
}

// /proc reports CPU time in clock ticks of USER_HZ, 100 per second on Linux whatever the kernel's HZ.
const MS_PER_TICK = 10;

function readProcesses(): CpuSnapshot['processes'] {
  const out: CpuSnapshot['processes'] = new Map();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return out;
  }
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // The name is in parentheses and may itself hold spaces or parentheses: fields follow the last ')'.
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    out.set(Number(pid), { ppid: Number(fields[1]), name: stat.slice(stat.indexOf('(') + 1, close), ms: (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK });
  }
  return out;
}

export function cpuSnapshot(): CpuSnapshot {
  const { user, system } = process.cpuUsage();
  return { processes: readProcesses(), driverMs: (user + system) / 1000 };
}

/** The pids of `root` and of every process below it. */
function tree(processes: CpuSnapshot['processes'], root: number): Set<number> {
  const members = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of processes) {
      if (!members.has(pid) && members.has(p.ppid)) {
        members.add(pid);
        grew = true;
      }
    }
  }
  return members;
}

/**
 * CPU per request between two snapshots. A process that exited in between loses what it spent
 * (a database connection closed while idle, say), so the figures can only undercount. Undefined
 * where /proc could not be read.
 */
export function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, serverPid: number, requests: number): CpuPerRequest | undefined {
  if (after.processes.size === 0 || requests === 0) return undefined;
  const spent = (pids: Iterable<number>): number => {
    let ms = 0;
    for (const pid of pids) {
      const now = after.processes.get(pid);
      if (now !== undefined) ms += now.ms - (before.processes.get(pid)?.ms ?? 0);
    }
    return ms;
  };
  const postgres = [...after.processes].filter(([, p]) => p.name === 'postgres' || p.name.startsWith('postgres:')).map(([pid]) => pid);
  return {
    server: spent(tree(after.processes, serverPid)) / requests,
    database: spent(postgres) / requests,
    driver: (after.driverMs - before.driverMs) / requests,
  };
}
