// X.509 certificates and certificate requests as the objects OPA returns: the fields of Go's
// x509.Certificate / x509.CertificateRequest under Go's JSON names (byte strings in base64,
// big integers as numbers, times in RFC 3339).

import { X509Certificate, createPublicKey, type KeyObject } from 'node:crypto';
import { RObject, fromBigInt, type Value } from '../value/value.ts';
import {
  DerError,
  TAG,
  derChildren,
  derInteger,
  derString,
  derTime,
  expectTag,
  oidText,
  parseDer,
  readDer,
  type Der,
} from './pem.ts';

const NAME_FIELDS: Record<string, string> = {
  '2.5.4.6': 'Country',
  '2.5.4.10': 'Organization',
  '2.5.4.11': 'OrganizationalUnit',
  '2.5.4.7': 'Locality',
  '2.5.4.8': 'Province',
  '2.5.4.9': 'StreetAddress',
  '2.5.4.17': 'PostalCode',
};

const SIGNATURE_ALGORITHMS: Record<string, number> = {
  '1.2.840.113549.1.1.2': 1,
  '1.2.840.113549.1.1.4': 2,
  '1.2.840.113549.1.1.5': 3,
  '1.2.840.113549.1.1.11': 4,
  '1.2.840.113549.1.1.12': 5,
  '1.2.840.113549.1.1.13': 6,
  '1.2.840.10040.4.3': 7,
  '2.16.840.1.101.3.4.3.2': 8,
  '1.2.840.10045.4.1': 9,
  '1.2.840.10045.4.3.2': 10,
  '1.2.840.10045.4.3.3': 11,
  '1.2.840.10045.4.3.4': 12,
  '1.2.840.113549.1.1.10': 13,
  '1.3.101.112': 16,
};

const EXT_KEY_USAGES: Record<string, number> = {
  '2.5.29.37.0': 0,
  '1.3.6.1.5.5.7.3.1': 1,
  '1.3.6.1.5.5.7.3.2': 2,
  '1.3.6.1.5.5.7.3.3': 3,
  '1.3.6.1.5.5.7.3.4': 4,
  '1.3.6.1.5.5.7.3.5': 5,
  '1.3.6.1.5.5.7.3.6': 6,
  '1.3.6.1.5.5.7.3.7': 7,
  '1.3.6.1.5.5.7.3.8': 8,
  '1.3.6.1.5.5.7.3.9': 9,
};

const b64 = (b: Buffer) => b.toString('base64');
const oidArray = (oid: string) => oid.split('.').map(Number);
const listOrNull = (xs: Value[]) => (xs.length === 0 ? null : xs);

/** pkix.Name of a DER Name. */
function nameObject(name: Der): RObject {
  const fields: Record<string, string[]> = {};
  const names: Value[] = [];
  let serial = '';
  let common = '';
  for (const rdn of derChildren(expectTag(name, TAG.SEQUENCE))) {
    for (const atv of derChildren(rdn)) {
      const [type, value] = derChildren(atv) as [Der, Der];
      const oid = oidText(type);
      const text = derString(value);
      names.push(RObject.fromRecord({ Type: oidArray(oid), Value: text }));
      const field = NAME_FIELDS[oid];
      if (field) (fields[field] ??= []).push(text);
      else if (oid === '2.5.4.3') common = text;
      else if (oid === '2.5.4.5') serial = text;
    }
  }
  const o = new RObject();
  for (const f of Object.values(NAME_FIELDS)) o.set(f, fields[f] ?? null);
  return o.set('SerialNumber', serial).set('CommonName', common).set('Names', names).set('ExtraNames', null);
}

/** Go's PublicKeyAlgorithm number and PublicKey value of a SubjectPublicKeyInfo. */
function publicKeyFields(spki: Buffer): { algorithm: number; key: Value } {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
  } catch {
    return { algorithm: 0, key: null };
  }
  const jwk = key.export({ format: 'jwk' }) as Record<string, string>;
  const int = (s: string | undefined) => fromBigInt(BigInt('0x' + (Buffer.from(s ?? '', 'base64url').toString('hex') || '0')));
  switch (key.asymmetricKeyType) {
    case 'rsa':
    case 'rsa-pss':
      return { algorithm: 1, key: RObject.fromRecord({ N: int(jwk.n), E: int(jwk.e) }) };
    case 'dsa':
      return { algorithm: 2, key: null };
    case 'ec':
      return { algorithm: 3, key: RObject.fromRecord({ Curve: RObject.fromRecord({}), X: int(jwk.x), Y: int(jwk.y) }) };
    case 'ed25519':
      return { algorithm: 4, key: b64(Buffer.from(jwk.x ?? '', 'base64url')) };
    default:
      return { algorithm: 0, key: null };
  }
}

/** Subject alternative names, in Go's four lists. */
function altNames(ext: Buffer) {
  const dns: Value[] = [];
  const emails: Value[] = [];
  const ips: Value[] = [];
  const uris: Value[] = [];
  for (const gn of derChildren(parseDer(ext))) {
    const tag = gn.tag & 0x1f;
    if (tag === 1) emails.push(gn.body.toString('latin1'));
    else if (tag === 2) dns.push(gn.body.toString('latin1'));
    else if (tag === 6) uris.push(gn.body.toString('latin1'));
    else if (tag === 7) ips.push(ipText(gn.body));
  }
  return { dns, emails, ips, uris };
}

function ipText(b: Buffer): string {
  if (b.length === 4) return [...b].join('.');
  const groups: string[] = [];
  for (let i = 0; i + 1 < b.length; i += 2) groups.push(b.readUInt16BE(i).toString(16));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

interface Extensions {
  list: Value[];
  fields: Record<string, Value>;
}

function extensionFields(exts: Der[]): Extensions {
  const list: Value[] = [];
  const f: Record<string, Value> = {
    KeyUsage: 0,
    ExtKeyUsage: null,
    BasicConstraintsValid: false,
    IsCA: false,
    MaxPathLen: -1,
    MaxPathLenZero: false,
    SubjectKeyId: null,
    AuthorityKeyId: null,
    DNSNames: null,
    EmailAddresses: null,
    IPAddresses: null,
    URIs: null,
    URIStrings: null,
    OCSPServer: null,
    IssuingCertificateURL: null,
    CRLDistributionPoints: null,
    PolicyIdentifiers: null,
  };
  for (const ext of exts) {
    const parts = derChildren(ext);
    const oid = oidText(expectTag(parts[0], TAG.OID));
    const critical = parts.length === 3 && parts[1]?.tag === TAG.BOOLEAN && parts[1].body[0] !== 0;
    const value = expectTag(parts[parts.length - 1], TAG.OCTET_STRING).body;
    list.push(RObject.fromRecord({ Id: oidArray(oid), Critical: critical, Value: b64(value) }));
    if (oid === '2.5.29.17') {
      const n = altNames(value);
      f.DNSNames = listOrNull(n.dns);
      f.EmailAddresses = listOrNull(n.emails);
      f.IPAddresses = listOrNull(n.ips);
      f.URIStrings = listOrNull(n.uris);
    } else if (oid === '2.5.29.19') {
      f.BasicConstraintsValid = true;
      for (const c of derChildren(parseDer(value))) {
        if (c.tag === TAG.BOOLEAN) f.IsCA = c.body[0] !== 0;
        else if (c.tag === TAG.INTEGER) {
          f.MaxPathLen = Number(derInteger(c));
          f.MaxPathLenZero = f.MaxPathLen === 0;
        }
      }
    } else if (oid === '2.5.29.15') {
      const bits = parseDer(value).body;
      let usage = 0;
      for (let i = 0; i < (bits.length - 1) * 8 && i < 16; i++) {
        if (((bits[1 + (i >> 3)] as number) >> (7 - (i & 7))) & 1) usage |= 1 << i;
      }
      f.KeyUsage = usage;
    } else if (oid === '2.5.29.37') {
      f.ExtKeyUsage = derChildren(parseDer(value))
        .map((o) => EXT_KEY_USAGES[oidText(o)])
        .filter((x): x is number => x !== undefined);
    } else if (oid === '2.5.29.14') {
      f.SubjectKeyId = b64(parseDer(value).body);
    } else if (oid === '2.5.29.35') {
      const id = derChildren(parseDer(value)).find((c) => c.tag === 0x80);
      if (id) f.AuthorityKeyId = b64(id.body);
    } else if (oid === '1.3.6.1.5.5.7.1.1') {
      // Authority information access: OCSP responders and issuer certificate locations.
      const ocsp: Value[] = [];
      const issuers: Value[] = [];
      for (const desc of derChildren(parseDer(value))) {
        const [method, location] = derChildren(desc) as [Der, Der];
        if ((location.tag & 0x1f) !== 6) continue;
        const m = oidText(method);
        if (m === '1.3.6.1.5.5.7.48.1') ocsp.push(location.body.toString('latin1'));
        else if (m === '1.3.6.1.5.5.7.48.2') issuers.push(location.body.toString('latin1'));
      }
      f.OCSPServer = listOrNull(ocsp);
      f.IssuingCertificateURL = listOrNull(issuers);
    } else if (oid === '2.5.29.31') {
      // CRL distribution points: the URIs of each point's full name.
      const uris: Value[] = [];
      for (const point of derChildren(parseDer(value))) {
        const name = derChildren(point).find((c) => c.tag === 0xa0);
        const full = name ? derChildren(name).find((c) => c.tag === 0xa0) : undefined;
        for (const gn of full ? derChildren(full) : []) {
          if ((gn.tag & 0x1f) === 6) uris.push(gn.body.toString('latin1'));
        }
      }
      f.CRLDistributionPoints = listOrNull(uris);
    } else if (oid === '2.5.29.32') {
      f.PolicyIdentifiers = derChildren(parseDer(value)).map((info) => oidArray(oidText(derChildren(info)[0] as Der)));
    }
  }
  return { list, fields: f };
}

/** The fields OPA reports for one DER certificate. */
export function certificateObject(der: Buffer): RObject {
  try {
    const cert = parseDer(der);
    const [tbs, sigAlg, sig] = derChildren(expectTag(cert, TAG.SEQUENCE)) as [Der, Der, Der];
    const items = derChildren(expectTag(tbs, TAG.SEQUENCE));
    let i = 0;
    let version = 1;
    if (items[0]?.tag === 0xa0) {
      version = Number(derInteger(derChildren(items[0])[0] as Der)) + 1;
      i++;
    }
    const serial = derInteger(expectTag(items[i++], TAG.INTEGER));
    i++; // signature algorithm, repeated outside the TBS
    const issuer = items[i++] as Der;
    const validity = derChildren(expectTag(items[i++], TAG.SEQUENCE)) as [Der, Der];
    const subject = items[i++] as Der;
    const spki = expectTag(items[i++], TAG.SEQUENCE);
    const extsWrapper = items.slice(i).find((d) => d.tag === 0xa3);
    const exts = extensionFields(extsWrapper ? derChildren(derChildren(extsWrapper)[0] as Der) : []);
    const pk = publicKeyFields(spki.raw);
    const o = new RObject()
      .set('Raw', b64(cert.raw))
      .set('RawTBSCertificate', b64(tbs.raw))
      .set('RawSubjectPublicKeyInfo', b64(spki.raw))
      .set('RawSubject', b64(subject.raw))
      .set('RawIssuer', b64(issuer.raw))
      .set('Signature', b64(expectTag(sig, TAG.BIT_STRING).body.subarray(1)))
      .set('SignatureAlgorithm', SIGNATURE_ALGORITHMS[oidText(derChildren(sigAlg)[0] as Der)] ?? 0)
      .set('PublicKeyAlgorithm', pk.algorithm)
      .set('PublicKey', pk.key)
      .set('Version', version)
      .set('SerialNumber', fromBigInt(serial))
      .set('Issuer', nameObject(issuer))
      .set('Subject', nameObject(subject))
      .set('NotBefore', derTime(validity[0]))
      .set('NotAfter', derTime(validity[1]))
      .set('Extensions', listOrNull(exts.list))
      .set('ExtraExtensions', null)
      .set('UnhandledCriticalExtensions', null);
    for (const [k, v] of Object.entries(exts.fields)) o.set(k, v);
    return o;
  } catch (e) {
    if (e instanceof DerError || e instanceof TypeError) throw new DerError('x509: malformed certificate');
    throw e;
  }
}

/** Splits concatenated DER certificates, as Go's x509.ParseCertificates. */
export function splitCertificates(der: Buffer): Buffer[] {
  const out: Buffer[] = [];
  try {
    for (let off = 0; off < der.length; ) {
      const d = readDer(der, off);
      out.push(Buffer.from(d.raw));
      off += d.raw.length;
    }
  } catch {
    throw new DerError('x509: malformed certificate');
  }
  for (const c of out) {
    try {
      new X509Certificate(c);
    } catch {
      throw new DerError('x509: malformed certificate');
    }
  }
  return out;
}

/** The fields OPA reports for a DER certificate signing request. */
export function certificateRequestObject(der: Buffer): RObject {
  try {
    const csr = expectTag(parseDer(der), TAG.SEQUENCE);
    const [info, sigAlg, sig] = derChildren(csr) as [Der, Der, Der];
    const [version, subject, spki, attrs] = derChildren(expectTag(info, TAG.SEQUENCE)) as [Der, Der, Der, Der | undefined];
    const pk = publicKeyFields(expectTag(spki, TAG.SEQUENCE).raw);
    let exts: Extensions = extensionFields([]);
    for (const attr of attrs ? derChildren(attrs) : []) {
      const [type, values] = derChildren(attr) as [Der, Der];
      if (oidText(type) === '1.2.840.113549.1.9.14') exts = extensionFields(derChildren(derChildren(values)[0] as Der));
    }
    return new RObject()
      .set('Raw', b64(csr.raw))
      .set('RawTBSCertificateRequest', b64(info.raw))
      .set('RawSubjectPublicKeyInfo', b64(spki.raw))
      .set('RawSubject', b64(subject.raw))
      .set('Version', Number(derInteger(expectTag(version, TAG.INTEGER))))
      .set('Signature', b64(expectTag(sig, TAG.BIT_STRING).body.subarray(1)))
      .set('SignatureAlgorithm', SIGNATURE_ALGORITHMS[oidText(derChildren(sigAlg)[0] as Der)] ?? 0)
      .set('PublicKeyAlgorithm', pk.algorithm)
      .set('PublicKey', pk.key)
      .set('Subject', nameObject(subject))
      .set('Extensions', listOrNull(exts.list))
      .set('ExtraExtensions', null)
      .set('DNSNames', exts.fields.DNSNames ?? null)
      .set('EmailAddresses', exts.fields.EmailAddresses ?? null)
      .set('IPAddresses', exts.fields.IPAddresses ?? null)
      .set('URIs', null);
  } catch (e) {
    if (e instanceof DerError || e instanceof TypeError) {
      throw new DerError(`asn1: structure error: ${e instanceof DerError ? e.message : 'malformed request'}`);
    }
    throw e;
  }
}
