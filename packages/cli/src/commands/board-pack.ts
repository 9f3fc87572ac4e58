// `companyos board-pack --period P [-o FILE]`: asks the server for the board pack of a period,
// checks the download against the digest the server sent, and saves the receipt bundle that
// proves it (FILE.receipt.json) once the receipt is in the ledger, for `companyos verify FILE`.

import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { apiFetch, ApiError } from '../api-client.ts';
import { fetchWhenReady } from '../download-pack.ts';
import { parse, required } from '../args.ts';

const problemOf = async (res: Response): Promise<Record<string, unknown>> => ((await res.json().catch(() => ({}))) ?? {}) as Record<string, unknown>;

export async function boardPackCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { period: { type: 'string' }, out: { type: 'string', short: 'o' }, url: { type: 'string' }, token: { type: 'string' } });
  const period = required(values.period, 'period');
  const api = { url: values.url, token: values.token };
  const res = await apiFetch('POST', '/api/v1/board-packs', api, { period });
  if (!res.ok) throw new ApiError(res.status, await problemOf(res));
  const pdf = Buffer.from(await res.arrayBuffer());
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const expected = res.headers.get('x-board-pack-sha256');
  if (sha256 !== expected) throw new Error(`the download's SHA-256 ${sha256} is not the server's ${String(expected)}`);
  const out = values.out ?? `board-${period.trim()}.pdf`;
  await writeFile(out, pdf);
  console.log(`wrote ${out} (sha256 ${sha256}, time to pack ${res.headers.get('x-board-pack-ms') ?? '?'} ms)`);

  const receiptId = res.headers.get('x-receipt-id');
  const proof = await fetchWhenReady(`/api/v1/provenance/receipts/${encodeURIComponent(String(receiptId))}`, api);
  if (!proof.ok) throw new ApiError(proof.status, await problemOf(proof));
  const receiptFile = `${out}.receipt.json`;
  await writeFile(receiptFile, `${JSON.stringify(await proof.json(), null, 2)}\n`);
  console.log(`wrote ${receiptFile} (receipt ${String(receiptId)}); check the pack with \`companyos verify ${out}\``);
  return 0;
}
