// `companyos verify BOARD.pdf [--receipt FILE] [--jwks FILE|URL] [--json]`: checks a board pack
// against its receipt bundle offline (default FILE: BOARD.pdf.receipt.json).

import { readFile } from 'node:fs/promises';
import { verifyBoardPack, type Jwks } from '@companyos/server';

export async function verifyBoardPackFile(pdfFile: string, o: { receipt?: string | undefined; jwks?: Jwks | undefined; json: boolean }): Promise<number> {
  const receiptFile = o.receipt ?? `${pdfFile}.receipt.json`;
  const pdf = await readFile(pdfFile);
  let bundle: unknown;
  try {
    bundle = JSON.parse(await readFile(receiptFile, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read the receipt bundle ${receiptFile} (${(e as Error).message}); pass --receipt FILE`);
  }
  const r = verifyBoardPack(pdf, bundle, o.jwks === undefined ? {} : { jwks: o.jwks });
  if (o.json) {
    console.log(JSON.stringify({ ok: r.ok, kind: 'board-pack', errors: r.errors, sha256: r.sha256, receipt_id: r.receiptId, target: r.target, inputs: r.inputs, tree_size: r.treeSize, signed_by: r.signedBy }, null, 2));
    return r.ok ? 0 : 1;
  }
  if (o.jwks === undefined) console.log("note: keys taken from the receipt bundle itself; pass --jwks with the operator tenant's published JWKS to trust them");
  for (const e of r.errors) console.log(`  - ${e}`);
  if (!r.ok) {
    console.log('FAILED');
    return 1;
  }
  console.log(`OK: board pack ${r.target ?? ''} (sha256 ${r.sha256}) is named by receipt ${r.receiptId ?? ''}, included in the tree of size ${r.treeSize ?? '?'} signed by ${r.signedBy.join(', ')}`);
  for (const i of r.inputs) console.log(`  input ${i.name}: sha256 ${i.sha256}`);
  return 0;
}
