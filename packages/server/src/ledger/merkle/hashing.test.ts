import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_ROOT, hashesEqual, isHash, leafHash, nodeHash } from './hashing.ts';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

// The Certificate Transparency reference leaves and the RFC 6962 roots for sizes 0..8.
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) =>
  Buffer.from(h, 'hex'),
);
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

test('the empty root is SHA-256 of the empty string', () => {
  assert.equal(hex(EMPTY_ROOT), CT_ROOTS[0]);
});

test('leaf and node hashes use the 0x00 and 0x01 prefixes', () => {
  const [a, b] = [leafHash(CT_LEAVES[0]!), leafHash(CT_LEAVES[1]!)];
  assert.equal(hex(a), CT_ROOTS[1]);
  assert.equal(hex(nodeHash(a, b)), CT_ROOTS[2]);
  assert.equal(hex(leafHash('abc')), hex(leafHash(Buffer.from('abc'))), 'strings hash as their UTF-8 bytes');
  assert.notEqual(hex(nodeHash(a, b)), hex(nodeHash(b, a)));
});

test('the reference roots for sizes 3..8 follow from the split rule', () => {
  const l = CT_LEAVES.map((d) => leafHash(d));
  const n = nodeHash;
  const roots = [
    n(n(l[0]!, l[1]!), l[2]!),
    n(n(l[0]!, l[1]!), n(l[2]!, l[3]!)),
    n(n(n(l[0]!, l[1]!), n(l[2]!, l[3]!)), l[4]!),
    n(n(n(l[0]!, l[1]!), n(l[2]!, l[3]!)), n(l[4]!, l[5]!)),
    n(n(n(l[0]!, l[1]!), n(l[2]!, l[3]!)), n(n(l[4]!, l[5]!), l[6]!)),
    n(n(n(l[0]!, l[1]!), n(l[2]!, l[3]!)), n(n(l[4]!, l[5]!), n(l[6]!, l[7]!))),
  ];
  assert.deepEqual(roots.map(hex), CT_ROOTS.slice(3));
});

test('isHash checks the length and hashesEqual compares bytes', () => {
  assert.equal(isHash(EMPTY_ROOT), true);
  assert.equal(isHash(new Uint8Array(31)), false);
  assert.equal(isHash('x'.repeat(32)), false);
  assert.equal(hashesEqual(leafHash('a'), leafHash('a')), true);
  assert.equal(hashesEqual(leafHash('a'), leafHash('b')), false);
  assert.equal(hashesEqual(leafHash('a'), leafHash('a').subarray(1)), false);
});
