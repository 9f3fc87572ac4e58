import { createPublicKey, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { ed25519Jwk, ed25519PublicKeyOf, jwkThumbprint } from '../../keys/jwk.ts';
import type { Jwks, TenantJwk } from '../../keys/jwks.ts';
import { ed25519NoteSigner } from '../../ledger/checkpoint/ed25519-note-keys.ts';
import { signCheckpoint } from '../../ledger/checkpoint/signed-checkpoint.ts';
import { appendLeaves, EMPTY_FRONTIER } from '../../ledger/merkle/frontier.ts';
import type { NodeKey, NodeReader, TreeNode } from '../../ledger/merkle/nodes.ts';
import { inclusionProof, rootAt } from '../../ledger/merkle/proofs.ts';
import { receiptLeafHash, type ReceiptEntry } from '../../ledger/receipt-format.ts';
import type { Signer } from '../jwks.ts';
import type { ReceiptRecord } from '../records.ts';

// An in-memory tenant ledger for tests, golden packs and the benchmark: a key as the key store
// publishes it, and receipts appended to a Merkle tree with a signed checkpoint.

export interface LocalTenantKey {
  jwk: TenantJwk;
  signer: Signer;
  publicKey: Buffer;
  sign(data: Uint8Array): Buffer;
}

export function localTenantKey(privateKey: KeyObject, notBefore: Date, notAfter?: Date): LocalTenantKey {
  const publicKey = ed25519PublicKeyOf(createPublicKey(privateKey).export({ format: 'jwk' }))!;
  const kid = jwkThumbprint(ed25519Jwk(publicKey));
  const jwk: TenantJwk = {
    ...ed25519Jwk(publicKey),
    kid,
    alg: 'EdDSA',
    use: 'sig',
    status: notAfter === undefined ? 'active' : 'retired',
    nbf: Math.floor(notBefore.getTime() / 1000),
    ...(notAfter === undefined ? {} : { exp: Math.ceil(notAfter.getTime() / 1000) }),
  };
  const sign = (data: Uint8Array): Buffer => cryptoSign(null, data, privateKey);
  return { jwk, publicKey, sign, signer: { kid, sign } };
}

export function jwksOf(...keys: LocalTenantKey[]): Jwks {
  return { keys: keys.map((k) => k.jwk) };
}

/** Node hashes packed 32 bytes apiece in one buffer per level: far smaller than a Buffer per node. */
class PackedNodeStore implements NodeReader {
  private readonly levels: Buffer[] = [];
  private readonly counts: number[] = [];

  put(nodes: readonly TreeNode[]): void {
    for (const { level, index, hash } of nodes) {
      let buf = this.levels[level] ?? Buffer.alloc(0);
      if ((index + 1) * 32 > buf.length) {
        const grown = Buffer.alloc(Math.max(1024, buf.length * 2, (index + 1) * 32));
        buf.copy(grown);
        buf = grown;
      }
      this.levels[level] = buf;
      buf.set(hash, index * 32);
      this.counts[level] = Math.max(this.counts[level] ?? 0, index + 1);
    }
  }

  async getNodes(keys: readonly NodeKey[]): Promise<Array<Uint8Array | undefined>> {
    return keys.map(({ level, index }) => (index < (this.counts[level] ?? 0) ? this.levels[level]!.subarray(index * 32, index * 32 + 32) : undefined));
  }
}

export interface LocalLedger {
  checkpoint: string;
  /** Each receipt with its proof, computed as it is read (so a large log is never all in memory). */
  proven(): AsyncGenerator<ReceiptRecord>;
}

/** Appends the receipts that `entries()` yields (read twice) to a fresh log and signs its checkpoint. */
export async function localLedger(origin: string, key: LocalTenantKey, entries: () => Iterable<ReceiptEntry>): Promise<LocalLedger> {
  const store = new PackedNodeStore();
  let frontier = EMPTY_FRONTIER;
  let batch: Buffer[] = [];
  const flush = () => {
    const appended = appendLeaves(frontier, batch);
    store.put(appended.nodes);
    frontier = appended.frontier;
    batch = [];
  };
  for (const entry of entries()) {
    batch.push(receiptLeafHash(entry));
    if (batch.length === 10_000) flush();
  }
  flush();
  const size = frontier.size;
  const checkpoint = signCheckpoint({ origin, size, rootHash: await rootAt(store, size) }, [ed25519NoteSigner(origin, key)]);
  async function* proven(): AsyncGenerator<ReceiptRecord> {
    let i = 0;
    for (const receipt of entries()) {
      yield {
        receipt,
        leaf_index: i,
        leaf_hash: receiptLeafHash(receipt).toString('base64'),
        inclusion_proof: (await inclusionProof(store, i, size)).map((h) => Buffer.from(h).toString('base64')),
      };
      i++;
    }
  }
  return { checkpoint, proven };
}

/** A small log held in memory: the signed checkpoint and every receipt with its proof. */
export async function provenReceipts(origin: string, key: LocalTenantKey, entries: Iterable<ReceiptEntry>): Promise<{ checkpoint: string; receipts: ReceiptRecord[] }> {
  const list = [...entries];
  const ledger = await localLedger(origin, key, () => list);
  const receipts: ReceiptRecord[] = [];
  for await (const r of ledger.proven()) receipts.push(r);
  return { checkpoint: ledger.checkpoint, receipts };
}
