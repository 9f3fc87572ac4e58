import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { toJS } from '../value/value.ts';
import { encodePem } from './pem.ts';
import { callBuiltin, testContext } from './testing.ts';

// A minimal DER writer, enough to mint test certificates and requests.
const tlv = (tag: number, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  const n = body.length;
  const len = n < 128 ? Buffer.from([n]) : n < 256 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, body]);
};
const seq = (...p: Buffer[]) => tlv(0x30, ...p);
const int = (n: number) => tlv(0x02, Buffer.from([n]));
const oid = (text: string) => {
  const [a, b, ...rest] = text.split('.').map(Number) as number[];
  const bytes = [a! * 40 + b!];
  for (const v of rest) {
    const enc = [v & 0x7f];
    for (let x = v >> 7; x > 0; x >>= 7) enc.unshift((x & 0x7f) | 0x80);
    bytes.push(...enc);
  }
  return tlv(0x06, Buffer.from(bytes));
};
const name = (cn: string, org: string) =>
  seq(tlv(0x31, seq(oid('2.5.4.10'), tlv(0x0c, Buffer.from(org)))), tlv(0x31, seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn)))));
const utc = (d: string) => tlv(0x17, Buffer.from(d));
const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

interface Minted {
  der: Buffer;
  pem: string;
  key: KeyObject;
}

function mint(opts: {
  cn: string;
  serial: number;
  issuer?: Minted;
  ca?: boolean;
  dns?: string;
  uri?: string;
  notAfter?: string;
  eku?: string;
  aia?: string;
}): Minted {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const exts: Buffer[] = [];
  if (opts.ca) exts.push(seq(oid('2.5.29.19'), tlv(0x01, Buffer.from([0xff])), tlv(0x04, seq(tlv(0x01, Buffer.from([0xff]))))));
  const names: Buffer[] = [];
  if (opts.dns) names.push(tlv(0x82, Buffer.from(opts.dns)));
  if (opts.uri) names.push(tlv(0x86, Buffer.from(opts.uri)));
  if (names.length > 0) exts.push(seq(oid('2.5.29.17'), tlv(0x04, seq(...names))));
  if (opts.eku) exts.push(seq(oid('2.5.29.37'), tlv(0x04, seq(oid(opts.eku)))));
  if (opts.aia) {
    const ocsp = seq(oid('1.3.6.1.5.5.7.48.1'), tlv(0x86, Buffer.from(opts.aia + '/ocsp')));
    const issuer = seq(oid('1.3.6.1.5.5.7.48.2'), tlv(0x86, Buffer.from(opts.aia + '/ca.crt')));
    exts.push(seq(oid('1.3.6.1.5.5.7.1.1'), tlv(0x04, seq(ocsp, issuer))));
    const point = seq(tlv(0xa0, tlv(0xa0, tlv(0x86, Buffer.from(opts.aia + '/ca.crl')))));
    exts.push(seq(oid('2.5.29.31'), tlv(0x04, seq(point))));
    exts.push(seq(oid('2.5.29.32'), tlv(0x04, seq(seq(oid('2.23.140.1.2.1'))))));
  }
  const subject = name(opts.cn, 'Example');
  const issuerName = opts.issuer ? name(issuerCN.get(opts.issuer) as string, 'Example') : subject;
  const tbs = seq(
    tlv(0xa0, int(2)),
    int(opts.serial),
    ECDSA_SHA256,
    issuerName,
    seq(utc('230101000000Z'), utc(opts.notAfter ?? '491231235959Z')),
    subject,
    publicKey.export({ format: 'der', type: 'spki' }),
    ...(exts.length > 0 ? [tlv(0xa3, seq(...exts))] : []),
  );
  const signer = opts.issuer?.key ?? privateKey;
  const der = seq(tbs, ECDSA_SHA256, tlv(0x03, Buffer.from([0]), sign('sha256', tbs, signer)));
  const minted = { der, pem: encodePem('CERTIFICATE', der), key: privateKey };
  issuerCN.set(minted, opts.cn);
  return minted;
}
const issuerCN = new Map<Minted, string>();

const root = mint({ cn: 'Test Root', serial: 1, ca: true });
const leaf = mint({
  cn: 'svc.example.com',
  serial: 2,
  issuer: root,
  dns: 'svc.example.com',
  uri: 'spiffe://example.com/svc',
  aia: 'http://pki.example.com',
});
const ctx2030 = () => testContext(1_900_000_000_000_000_000n);

test('digests and HMACs over UTF-8 bytes', () => {
  assert.equal(callBuiltin('crypto.md5', ['lorem ipsum']), createHash('md5').update('lorem ipsum').digest('hex'));
  assert.equal(callBuiltin('crypto.sha1', ['lorem ipsum']), 'bfb7759a67daeb65410490b4d98bb9da7d1ea2ce');
  assert.equal(callBuiltin('crypto.sha256', ['åß']), createHash('sha256').update(Buffer.from('åß', 'utf8')).digest('hex'));
  assert.equal(callBuiltin('crypto.hmac.sha512', ['foo', 'bar']), createHmac('sha512', 'bar').update('foo').digest('hex'));
  assert.equal(callBuiltin('crypto.hmac.md5', ['foo', 'bar']), '31b6db9e5eb4addb42f1a6ca07367adc');
  assert.equal(callBuiltin('crypto.hmac.equal', ['abc', 'abc']), true);
  assert.equal(callBuiltin('crypto.hmac.equal', ['abc', 'ab']), false);
});

test('crypto.x509.parse_certificates reads PEM chains and base64 DER', () => {
  const certs = toJS(callBuiltin('crypto.x509.parse_certificates', [leaf.pem + root.pem]) ?? null) as Record<string, any>[];
  assert.equal(certs.length, 2);
  const [l, r] = certs as [Record<string, any>, Record<string, any>];
  assert.equal(l.Subject.CommonName, 'svc.example.com');
  assert.deepEqual(l.Subject.Organization, ['Example']);
  assert.equal(l.Issuer.CommonName, 'Test Root');
  assert.deepEqual(l.DNSNames, ['svc.example.com']);
  assert.deepEqual(l.URIStrings, ['spiffe://example.com/svc']);
  assert.equal(l.SerialNumber, 2);
  assert.equal(l.Version, 3);
  assert.equal(l.NotBefore, '2023-01-01T00:00:00Z');
  assert.equal(l.SignatureAlgorithm, 10);
  assert.equal(l.PublicKeyAlgorithm, 3);
  assert.equal(l.IsCA, false);
  assert.deepEqual(l.OCSPServer, ['http://pki.example.com/ocsp']);
  assert.deepEqual(l.IssuingCertificateURL, ['http://pki.example.com/ca.crt']);
  assert.deepEqual(l.CRLDistributionPoints, ['http://pki.example.com/ca.crl']);
  assert.deepEqual(l.PolicyIdentifiers, [[2, 23, 140, 1, 2, 1]]);
  assert.equal(r.IsCA, true);
  assert.equal(r.OCSPServer, null);
  assert.equal(r.URIStrings, null);
  const der = toJS(callBuiltin('crypto.x509.parse_certificates', [root.der.toString('base64')]) ?? null) as any[];
  assert.equal(der[0].Subject.CommonName, 'Test Root');
  assert.throws(() => callBuiltin('crypto.x509.parse_certificates', ['YmFkc3RyaW5n']), { message: 'x509: malformed certificate' });
  assert.throws(() => callBuiltin('crypto.x509.parse_certificates', ['foobar']), { message: /^illegal base64 data/ });
});

test('crypto.x509.parse_and_verify_certificates checks the chain root first', () => {
  const ok = toJS(callBuiltin('crypto.x509.parse_and_verify_certificates', [root.pem + leaf.pem], ctx2030()) ?? null) as any[];
  assert.equal(ok[0], true);
  assert.deepEqual(ok[1].map((c: any) => c.Subject.CommonName), ['svc.example.com', 'Test Root']);
  const reversed = callBuiltin('crypto.x509.parse_and_verify_certificates', [leaf.pem + root.pem], ctx2030());
  assert.deepEqual(toJS(reversed ?? null), [false, []]);
  const stranger = mint({ cn: 'Other Root', serial: 3, ca: true });
  assert.deepEqual(toJS(callBuiltin('crypto.x509.parse_and_verify_certificates', [stranger.pem + leaf.pem], ctx2030()) ?? null), [false, []]);
  const expiring = mint({ cn: 'old.example.com', serial: 4, issuer: root, notAfter: '240101000000Z' });
  assert.deepEqual(toJS(callBuiltin('crypto.x509.parse_and_verify_certificates', [root.pem + expiring.pem], ctx2030()) ?? null), [false, []]);
  assert.deepEqual(toJS(callBuiltin('crypto.x509.parse_and_verify_certificates', [root.pem], ctx2030()) ?? null), [false, []]);
});

test('crypto.x509.parse_and_verify_certificates_with_options', () => {
  const run = (certs: string, options: Record<string, unknown>) =>
    (toJS(callBuiltin('crypto.x509.parse_and_verify_certificates_with_options', [certs, options], ctx2030()) ?? null) as any[])[0];
  const chain = root.pem + leaf.pem;
  assert.equal(run(chain, {}), true);
  assert.equal(run(chain, { DNSName: 'svc.example.com' }), true);
  assert.equal(run(chain, { DNSName: 'other.example.com' }), false);
  assert.equal(run(chain, { CurrentTime: 1_600_000_000_000_000_000 }), false);
  const clientOnly = mint({ cn: 'client', serial: 5, issuer: root, eku: '1.3.6.1.5.5.7.3.2' });
  assert.equal(run(root.pem + clientOnly.pem, {}), false);
  assert.equal(run(root.pem + clientOnly.pem, { KeyUsages: ['KeyUsageClientAuth'] }), true);
  assert.equal(run(root.pem + clientOnly.pem, { KeyUsages: ['KeyUsageAny'] }), true);
  assert.throws(() => run(chain, { Bogus: 1 }), { message: 'invalid key option' });
  assert.throws(() => run(chain, { KeyUsages: ['Nope', 'KeyUsageAny'] }), { message: "invalid entries for 'KeyUsages' found: [Nope]" });
  assert.throws(() => run(chain, { DNSName: 1 }), { message: "'DNSName' should be a string" });
});

test('crypto.x509.parse_certificate_request', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const info = seq(int(0), name('example.com', 'Example'), publicKey.export({ format: 'der', type: 'spki' }), tlv(0xa0));
  const der = seq(info, ECDSA_SHA256, tlv(0x03, Buffer.from([0]), sign('sha256', info, privateKey)));
  const pem = encodePem('CERTIFICATE REQUEST', der);
  for (const input of [pem, Buffer.from(pem).toString('base64'), der.toString('base64')]) {
    const csr = toJS(callBuiltin('crypto.x509.parse_certificate_request', [input]) ?? null) as any;
    assert.equal(csr.Subject.CommonName, 'example.com');
  }
  assert.throws(() => callBuiltin('crypto.x509.parse_certificate_request', ['YmFkc3RyaW5n']), { message: /^asn1: structure error/ });
});

test('crypto.x509.parse_keypair pairs a certificate with its key', () => {
  const keyPem = leaf.key.export({ format: 'pem', type: 'pkcs8' }) as string;
  const pair = toJS(callBuiltin('crypto.x509.parse_keypair', [leaf.pem, keyPem]) ?? null) as any;
  assert.equal(pair.Certificate[0], leaf.der.toString('base64'));
  assert.equal(pair.Leaf.Subject.CommonName, 'svc.example.com');
  const b64 = toJS(callBuiltin('crypto.x509.parse_keypair', [Buffer.from(leaf.pem).toString('base64'), Buffer.from(keyPem).toString('base64')]) ?? null) as any;
  assert.equal(b64.Certificate[0], leaf.der.toString('base64'));
  const otherKey = root.key.export({ format: 'pem', type: 'pkcs8' }) as string;
  assert.throws(() => callBuiltin('crypto.x509.parse_keypair', [leaf.pem, otherKey]), { message: 'tls: private key does not match public key' });
});

test('private key parsing', () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const pkcs1 = privateKey.export({ format: 'pem', type: 'pkcs1' }) as string;
  const jwk = toJS(callBuiltin('crypto.x509.parse_rsa_private_key', [pkcs1]) ?? null) as Record<string, string>;
  assert.deepEqual(Object.keys(jwk).sort(), ['d', 'dp', 'dq', 'e', 'kty', 'n', 'p', 'q', 'qi']);
  assert.equal(jwk.kty, 'RSA');
  assert.equal(jwk.e, 'AQAB');
  assert.throws(() => callBuiltin('crypto.x509.parse_rsa_private_key', ['invalid']), { message: /^illegal base64 data/ });
  const ec = leaf.key.export({ format: 'pem', type: 'sec1' }) as string;
  const keys = toJS(callBuiltin('crypto.parse_private_keys', [pkcs1 + ec]) ?? null) as any[];
  assert.equal(keys.length, 2);
  assert.equal(keys[0].E, 65537);
  assert.equal(typeof keys[1].D, 'number');
  assert.deepEqual(callBuiltin('crypto.parse_private_keys', ['nope']), []);
  assert.equal(callBuiltin('crypto.parse_private_keys', ['']), null);
});
