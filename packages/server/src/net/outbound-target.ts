import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where the server may send requests a tenant chose (webhooks): public http(s) endpoints only.
 * A URL is refused when any address its host resolves to is loopback, private, link-local (cloud
 * metadata at 169.254.169.254 included), multicast, unspecified or otherwise reserved, so a tenant
 * cannot make the server reach its own network. The caller then connects to the address checked,
 * never resolving the name again (a second answer could point inside: DNS rebinding).
 */
export interface OutboundPolicy {
  /** COMPANYOS_WEBHOOK_ALLOW_PRIVATE: allow non-public addresses (development and tests only). */
  allowPrivate: boolean;
  /** COMPANYOS_WEBHOOK_ALLOW_HOSTS: host names or addresses allowed whatever they resolve to. */
  allowHosts: string[];
}

export const DENY_PRIVATE: OutboundPolicy = { allowPrivate: false, allowHosts: [] };

export interface OutboundTarget {
  url: URL;
  /** The address to connect to: the one that was checked. */
  address: string;
  family: 4 | 6;
}

export class OutboundRefused extends Error {
  override name = 'OutboundRefused';
  constructor(readonly reasons: string[]) {
    super(reasons.join('; '));
  }
}

export type Lookup = (host: string) => Promise<Array<{ address: string; family: number }>>;
const systemLookup: Lookup = (host) => dnsLookup(host, { all: true, verbatim: true });

const RANGES: Array<[string, number, 'ipv4' | 'ipv6', string]> = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'shared (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'reserved'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'reserved'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['fc00::', 7, 'ipv6', 'private'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
];
const lists = RANGES.map(([net, prefix, type, label]) => {
  const list = new BlockList();
  list.addSubnet(net, prefix, type);
  return { list, type, label };
});

/** Why an address is not public, or undefined when it is. IPv4 inside IPv6 (::ffff:a.b.c.d) is judged as IPv4. */
export function nonPublicReason(address: string): string | undefined {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped?.[1] ?? address;
  const type = isIP(ip) === 4 ? 'ipv4' : 'ipv6';
  if (ip === '169.254.169.254') return 'cloud metadata';
  return lists.find((l) => l.type === type && l.list.check(ip, type))?.label;
}

/** Checks a URL against the policy and resolves it to the one address to connect to; throws OutboundRefused with every reason. */
export async function resolveOutbound(raw: string, policy: OutboundPolicy, lookup: Lookup = systemLookup): Promise<OutboundTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefused(['is not a URL']);
  }
  const reasons: string[] = [];
  if (url.protocol !== 'http:' && url.protocol !== 'https:') reasons.push(`scheme ${url.protocol.replace(/:$/, '')} is not http or https`);
  if (url.username !== '' || url.password !== '') reasons.push('credentials in the URL are not allowed (the delivery is signed instead)');
  if (reasons.length > 0) throw new OutboundRefused(reasons);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: Array<{ address: string; family: number }>;
  try {
    addresses = isIP(host) === 0 ? await lookup(host) : [{ address: host, family: isIP(host) }];
  } catch (err) {
    throw new OutboundRefused([`host ${host} does not resolve (${(err as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  if (addresses.length === 0) throw new OutboundRefused([`host ${host} does not resolve`]);
  const allowed = policy.allowPrivate || policy.allowHosts.includes(host.toLowerCase());
  if (!allowed) {
    for (const a of addresses) {
      const why = nonPublicReason(a.address);
      if (why !== undefined) reasons.push(`host ${host} resolves to ${a.address}, which is not public (${why})`);
    }
    if (reasons.length > 0) throw new OutboundRefused(reasons);
  }
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** The policy from the environment: default deny. */
export function outboundPolicyFromEnv(allowPrivate: boolean, hosts: string | undefined): OutboundPolicy {
  return { allowPrivate, allowHosts: (hosts ?? '').split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== '') };
}
