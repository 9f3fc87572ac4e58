// `companyos export --from T --to T [--actor S]... [--action A]... [--outcome allowed|denied]
// [--out FILE]`: asks the server for an evidence pack of the tenant's audit trail, shows its
// progress, downloads it and checks the download against the digest the server recorded.
// The token must carry a recent step-up (`companyos token --step-up`).

import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { apiFetch, ApiError, callApi } from '../api-client.ts';
import { parse, required, UsageError } from '../args.ts';
import { COMMAND_USAGE } from '../usage.ts';

interface ExportView {
  export_id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: { phase?: string; records?: number; total?: number; percent: number };
  pack_sha256: string | null;
  error: string | null;
  counts: Record<string, number> | null;
}

const BAR = 30;

function progressLine(e: ExportView): string {
  const filled = Math.round((e.progress.percent / 100) * BAR);
  const detail = e.progress.phase === undefined ? e.status : `${e.progress.phase} ${e.progress.records ?? 0}/${e.progress.total ?? '?'}`;
  return `\r[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${String(e.progress.percent).padStart(3)}% ${detail}`.padEnd(BAR + 50);
}

export async function exportCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    actor: { type: 'string', multiple: true },
    action: { type: 'string', multiple: true },
    outcome: { type: 'string' },
    out: { type: 'string', short: 'o' },
    tenant: { type: 'string' },
    url: { type: 'string' },
    token: { type: 'string' },
    'poll-ms': { type: 'string' },
  });
  if (values.outcome !== undefined && values.outcome !== 'allowed' && values.outcome !== 'denied') throw new UsageError(`--outcome must be allowed or denied\n${COMMAND_USAGE.export}`);
  const pollMs = Number(values['poll-ms'] ?? 1000);
  if (!Number.isInteger(pollMs) || pollMs < 10) throw new UsageError('--poll-ms must be an integer of at least 10');
  const api = { url: values.url, token: values.token, tenant: values.tenant };
  const body = {
    from: required(values.from, 'from'),
    to: required(values.to, 'to'),
    ...(values.actor !== undefined ? { actors: values.actor } : {}),
    ...(values.action !== undefined ? { actions: values.action } : {}),
    ...(values.outcome !== undefined ? { outcome: values.outcome } : {}),
  };
  let e = (await callApi('POST', '/api/v1/audit/exports', api, body)) as ExportView;
  const tty = process.stderr.isTTY === true;
  let last = '';
  while (e.status === 'queued' || e.status === 'running') {
    const line = progressLine(e);
    if (tty) process.stderr.write(line);
    else if (line.trim() !== last) process.stderr.write(`${line.trim()}\n`);
    last = line.trim();
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    e = (await callApi('GET', `/api/v1/audit/exports/${e.export_id}`, api)) as ExportView;
  }
  process.stderr.write(`${tty ? progressLine(e) : progressLine(e).trim()}\n`);
  if (e.status === 'failed') {
    console.error(`export ${e.export_id} failed: ${e.error ?? 'unknown error'}`);
    return 1;
  }
  const out = values.out ?? `evidence-${e.export_id}.tar.gz`;
  const res = await apiFetch('GET', `/api/v1/audit/exports/${e.export_id}/download`, api);
  if (!res.ok || res.body === null) throw new ApiError(res.status, ((await res.json().catch(() => ({}))) ?? {}) as Record<string, unknown>);
  const hash = createHash('sha256');
  const partial = `${out}.partial`;
  try {
    await pipeline(
      Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>),
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      }),
      createWriteStream(partial),
    );
    const sha256 = hash.digest('hex');
    if (sha256 !== e.pack_sha256) throw new Error(`the download's SHA-256 ${sha256} is not the recorded ${String(e.pack_sha256)}`);
    await rename(partial, out);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  const counts = Object.entries(e.counts ?? {})
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  console.log(`wrote ${out} (sha256 ${e.pack_sha256}): ${counts}; check it with \`companyos verify ${out} --jwks <tenant JWKS URL>\``);
  return 0;
}
