// Certificate chain verification for crypto.x509.parse_and_verify_certificates[_with_options]:
// the chain is given root first and leaf last, and is checked the way Go's x509 verifier checks
// it (signatures, issuer names, CA constraints, validity, extended key usage, host name).

import { X509Certificate } from 'node:crypto';
import { RObject, RSet, isInteger, isNumber, toBigInt, type Value } from '../value/value.ts';
import { BuiltinError } from './errors.ts';

export interface VerifyOptions {
  /** Verification time in ns since the epoch. */
  nowNs: bigint;
  dnsName?: string;
  /** Extended key usages the leaf must allow (Go's numbering); default server authentication. */
  keyUsages?: number[];
}

const KEY_USAGES: Record<string, number> = {
  KeyUsageAny: 0,
  KeyUsageServerAuth: 1,
  KeyUsageClientAuth: 2,
  KeyUsageCodeSigning: 3,
  KeyUsageEmailProtection: 4,
  KeyUsageIPSECEndSystem: 5,
  KeyUsageIPSECTunnel: 6,
  KeyUsageIPSECUser: 7,
  KeyUsageTimeStamping: 8,
  KeyUsageOCSPSigning: 9,
  KeyUsageMicrosoftServerGatedCrypto: 10,
  KeyUsageNetscapeServerGatedCrypto: 11,
  KeyUsageMicrosoftCommercialCodeSigning: 12,
  KeyUsageMicrosoftKernelCodeSigning: 13,
};

const EKU_OIDS: Record<string, number> = {
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
  '1.3.6.1.4.1.311.10.3.3': 10,
  '2.16.840.1.113730.4.1': 11,
  '1.3.6.1.4.1.311.2.1.22': 12,
  '1.3.6.1.4.1.311.61.1.1': 13,
};

/** Reads the options object of parse_and_verify_certificates_with_options. */
export function verifyOptions(o: RObject, nowNs: bigint): VerifyOptions {
  const opts: VerifyOptions = { nowNs };
  for (const [k, v] of o.entries()) {
    if (typeof k !== 'string') continue;
    switch (k) {
      case 'DNSName':
        if (typeof v !== 'string') throw new BuiltinError("'DNSName' should be a string");
        opts.dnsName = v;
        break;
      case 'CurrentTime': {
        if (!isNumber(v)) throw new BuiltinError("'CurrentTime' should be a number");
        const ns = toBigInt(v);
        if (ns === undefined || ns < -(1n << 63n) || ns >= 1n << 63n) {
          throw new BuiltinError("'CurrentTime' should be a valid int64 number");
        }
        opts.nowNs = ns;
        break;
      }
      case 'MaxConstraintComparisons':
        if (!isNumber(v)) throw new BuiltinError("'MaxConstraintComparisons' should be a number");
        if (!isInteger(v)) throw new BuiltinError("'MaxConstraintComparisons' should be a valid number");
        break;
      case 'KeyUsages': {
        const items: readonly Value[] | undefined = Array.isArray(v) ? v : v instanceof RSet ? v.values() : undefined;
        if (items === undefined) throw new BuiltinError("'KeyUsages' should be an Array or Set");
        const invalid: string[] = [];
        opts.keyUsages = [];
        for (const item of items) {
          if (typeof item !== 'string') continue;
          const usage = KEY_USAGES[item];
          if (usage === undefined) invalid.push(item);
          else opts.keyUsages.push(usage);
        }
        if (invalid.length > 0) throw new BuiltinError(`invalid entries for 'KeyUsages' found: [${invalid.join(' ')}]`);
        break;
      }
      default:
        throw new BuiltinError('invalid key option');
    }
  }
  return opts;
}

/** Verifies root-first DER certificates; returns them leaf first, or undefined when invalid. */
export function verifyChain(ders: Buffer[], opts: VerifyOptions): Buffer[] | undefined {
  if (ders.length < 2) return undefined;
  const chain = ders.map((d) => new X509Certificate(d)).reverse();
  const now = new Date(Number(opts.nowNs / 1_000_000n));
  for (let i = 0; i < chain.length; i++) {
    const cert = chain[i] as X509Certificate;
    if (now < new Date(cert.validFrom) || now > new Date(cert.validTo)) return undefined;
    // The root is trusted as given; every other certificate must be issued by the next one.
    const issuer = chain[i + 1];
    if (issuer === undefined) continue;
    if (!issuer.ca || !cert.checkIssued(issuer) || !cert.verify(issuer.publicKey)) return undefined;
  }
  const leaf = chain[0] as X509Certificate;
  if (!allowsUsage(chain, opts.keyUsages ?? [1])) return undefined;
  if (opts.dnsName !== undefined && opts.dnsName !== '' && !matchesHost(leaf, opts.dnsName)) return undefined;
  return [...ders].reverse();
}

/** Every certificate that restricts extended key usage must allow one of the wanted usages. */
function allowsUsage(chain: X509Certificate[], wanted: number[]): boolean {
  if (wanted.includes(0)) return true;
  return chain.every((cert) => {
    const list = cert.keyUsage;
    if (list === undefined || list.length === 0) return true;
    const usages = list.map((oid) => EKU_OIDS[oid]);
    return usages.includes(0) || wanted.some((u) => usages.includes(u));
  });
}

function matchesHost(cert: X509Certificate, host: string): boolean {
  const names = (cert.subjectAltName ?? '').split(', ');
  const wantIP = /^[\d.]+$/.test(host) || host.includes(':');
  return names.some((entry) => {
    if (wantIP) return entry === `IP Address:${host}`;
    if (!entry.startsWith('DNS:')) return false;
    const pattern = entry.slice(4).toLowerCase();
    const h = host.toLowerCase().replace(/\.$/, '');
    if (pattern.startsWith('*.')) {
      const dot = h.indexOf('.');
      return dot > 0 && h.slice(dot + 1) === pattern.slice(2);
    }
    return pattern === h;
  });
}
