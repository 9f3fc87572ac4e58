// The browser's own check of a receipt bundle (RFC 9162): the receipt hashes to the leaf the
// bundle names, and the inclusion path leads from that leaf to the root of the checkpoint note.
// The checkpoint's signature is left to `companyos verify`, which holds the tenant's keys offline.

export interface ReceiptBundle {
  receipt: Record<string, unknown>;
  leaf_index: number;
  leaf_hash: string;
  inclusion_proof: string[];
  checkpoint: string;
}

export interface InclusionCheck {
  /** The receipt's own canonical JSON hashes to the bundle's leaf hash. */
  leafMatches: boolean;
  /** The path leads from the leaf to the checkpoint's root. */
  included: boolean;
  treeSize: number;
  rootHash: string;
}

const utf8 = new TextEncoder();
const fromBase64 = (b64: string): Uint8Array => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

async function sha256(prefix: number, ...parts: Uint8Array[]): Promise<Uint8Array> {
  const joined = new Uint8Array(1 + parts.reduce((n, p) => n + p.length, 0));
  joined[0] = prefix;
  let at = 1;
  for (const p of parts) {
    joined.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
}

/** RFC 8785 canonical JSON for the values a receipt holds (strings, integers, null, arrays, objects). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const equal = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The root an RFC 9162 inclusion path leads to, or null when the path does not fit the tree size. */
async function rootFromPath(leaf: Uint8Array, index: number, size: number, path: Uint8Array[]): Promise<Uint8Array | null> {
  if (index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256(1, p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await sha256(1, r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

/** Checks a bundle; a note that is not a checkpoint counts as not included. */
export async function checkInclusion(bundle: ReceiptBundle): Promise<InclusionCheck> {
  const [, sizeLine = '', rootLine = ''] = bundle.checkpoint.split('\n');
  const treeSize = /^\d+$/.test(sizeLine) ? Number(sizeLine) : -1;
  const leaf = fromBase64(bundle.leaf_hash);
  const leafMatches = equal(await sha256(0, utf8.encode(canonicalJson(bundle.receipt))), leaf);
  const root = treeSize < 0 ? null : await rootFromPath(leaf, bundle.leaf_index, treeSize, bundle.inclusion_proof.map(fromBase64));
  return { leafMatches, included: root !== null && toBase64(root) === rootLine, treeSize, rootHash: rootLine };
}
