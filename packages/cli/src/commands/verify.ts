// `companyos verify PACK [--jwks FILE|URL] [--json]`: checks an evidence pack offline (or, given
// a PDF, a board pack against its receipt: verify-board-pack.ts) — the
// signed manifest, every file's digest, the receipts' inclusion proofs, the checkpoint's
// signature and that the records match the stated window and filters. Fails closed: any problem
// (or an unreadable pack or key set) exits non-zero, naming what failed.

import { access, open } from 'node:fs/promises';
import { verifyPack } from '@companyos/server';
import { parse, UsageError } from '../args.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { loadJwks } from './jwks-source.ts';
import { verifyBoardPackFile } from './verify-board-pack.ts';

/** Whether the file starts like a PDF (a board pack) rather than a gzip tarball (an evidence pack). */
async function isPdf(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    return head.toString('latin1') === '%PDF-';
  } finally {
    await handle.close();
  }
}

export async function verifyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { jwks: { type: 'string' }, json: { type: 'boolean' }, receipt: { type: 'string' } }, true);
  const pack = positionals[0];
  if (pack === undefined || positionals.length > 1) throw new UsageError(COMMAND_USAGE.verify!);
  await access(pack); // a missing pack is named as such, not as a corrupt archive
  const trustedJwks = values.jwks === undefined ? undefined : await loadJwks(values.jwks);
  if (await isPdf(pack)) return verifyBoardPackFile(pack, { receipt: values.receipt, jwks: trustedJwks, json: values.json === true });
  if (values.receipt !== undefined) throw new UsageError(`--receipt is for a board pack PDF; ${pack} is not a PDF\n${COMMAND_USAGE.verify!}`);
  const result = await verifyPack(pack, trustedJwks === undefined ? {} : { trustedJwks });
  const m = result.manifest;
  if (values.json === true) {
    console.log(JSON.stringify({ ok: result.ok, failures: result.failures, tenant: m?.tenant ?? null, window: m?.window ?? null, counts: m?.counts ?? null }, null, 2));
    return result.ok ? 0 : 1;
  }
  if (trustedJwks === undefined) console.log("note: keys taken from the pack itself; pass --jwks with the tenant's published JWKS to trust them");
  for (const f of result.failures) {
    const where = f.file === undefined ? '' : ` ${f.file}${f.line === undefined ? '' : `:${f.line}`}`;
    console.log(`  - ${f.code}${where}: ${f.message}`);
  }
  if (!result.ok) {
    console.log(`FAILED: ${[...new Set(result.failures.map((f) => f.code))].join(', ')}`);
    return 1;
  }
  const counts = Object.entries(m!.counts)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  console.log(`OK: ${m!.format} for tenant ${m!.tenant}, ${m!.window.from} to ${m!.window.to}: ${counts}`);
  return 0;
}
