// net.cidr_* builtins over IPv4 and IPv6, with addresses as bigints. Parsing and printing follow
// Go's net package (which OPA uses): strict dotted quads, RFC 5952 text for IPv6, and Go's error
// texts ("invalid CIDR address: x").

import { RObject, RSet, type Value } from '../value/value.ts';
import { BuiltinError } from './errors.ts';
import { collection, str } from './operands.ts';
import type { BuiltinRegistry } from './registry.ts';

export function register(r: BuiltinRegistry): void {
  r.fn('net.cidr_contains', 2, (a) => cidrContains(str(a, 0), str(a, 1)));
  r.fn('net.cidr_intersects', 2, (a) => {
    const x = parseCIDR(str(a, 0));
    const y = parseCIDR(str(a, 1));
    return contains(x, y.first, y.v4) || contains(y, x.first, x.v4);
  });
  r.fn('net.cidr_contains_matches', 2, (a) => containsMatches(a[0] as Value, a[1] as Value));
  r.fn('net.cidr_expand', 1, (a) => expand(str(a, 0)));
  r.fn('net.cidr_is_valid', 1, (a) => {
    if (typeof a[0] !== 'string') return false;
    try {
      parseCIDR(a[0]);
      return true;
    } catch {
      return false;
    }
  });
  r.fn('net.cidr_merge', 1, (a) => merge(collection(a, 0, 'array', 'set')));
}

/** A network: the masked first address, prefix length and family. */
interface Net {
  v4: boolean;
  first: bigint;
  prefix: number;
}

const bitsOf = (v4: boolean) => (v4 ? 32 : 128);

function lastOf(n: Net): bigint {
  return n.first | ((1n << BigInt(bitsOf(n.v4) - n.prefix)) - 1n);
}

function contains(n: Net, ip: bigint, v4: boolean): boolean {
  return n.v4 === v4 && ip >= n.first && ip <= lastOf(n);
}

// ---------------------------------------------------------------------------------------------
// Parsing.

/** An IP address as Go's net.ParseIP reads it; IPv4-mapped IPv6 addresses count as IPv4. */
function parseIP(s: string): { v4: boolean; value: bigint } | undefined {
  const v4 = parseIPv4(s);
  if (v4 !== undefined) return { v4: true, value: v4 };
  const v6 = parseIPv6(s);
  if (v6 === undefined) return undefined;
  if (v6 >> 32n === 0xffffn) return { v4: true, value: v6 & 0xffffffffn };
  return { v4: false, value: v6 };
}

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const p of parts) {
    // Go refuses leading zeros (they would be ambiguous with octal).
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return undefined;
    value = (value << 8n) | BigInt(p);
  }
  return value;
}

function parseIPv6(s: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(s)) return undefined;
  let tail: bigint | undefined;
  let text = s;
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.')) {
    tail = parseIPv4(s.slice(lastColon + 1));
    if (tail === undefined) return undefined;
    text = s.slice(0, lastColon + 1) + '0:0';
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0] as string);
  const rest = halves.length === 2 ? groups(halves[1] as string) : [];
  const total = head.length + rest.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return undefined;
  const all = [...head, ...Array<string>(8 - total).fill('0'), ...rest];
  let value = 0n;
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    value = (value << 16n) | BigInt(parseInt(g, 16));
  }
  if (tail !== undefined) value = (value & ~0xffffffffn) | tail;
  return value;
}

/** A CIDR as Go's net.ParseCIDR reads it: the network is masked, IPv6 text stays IPv6. */
function parseCIDR(s: string): Net {
  const slash = s.indexOf('/');
  const fail = () => new BuiltinError(`invalid CIDR address: ${s}`);
  if (slash < 0) throw fail();
  const addr = s.slice(0, slash);
  const len = s.slice(slash + 1);
  const v4 = !addr.includes(':');
  const ip = v4 ? parseIPv4(addr) : parseIPv6(addr);
  if (ip === undefined || !/^\d{1,3}$/.test(len) || Number(len) > bitsOf(v4)) throw fail();
  const prefix = Number(len);
  const hostBits = BigInt(bitsOf(v4) - prefix);
  return { v4, prefix, first: (ip >> hostBits) << hostBits };
}

// ---------------------------------------------------------------------------------------------
// Printing.

function formatIP(value: bigint, v4: boolean): string {
  if (v4) return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join('.');
  if (value >> 32n === 0xffffn) return formatIP(value & 0xffffffffn, true);
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  // Compress the longest run (two groups or more) of zero groups, the first one on a tie.
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

const formatNet = (n: Net) => `${formatIP(n.first, n.v4)}/${n.prefix}`;

// ---------------------------------------------------------------------------------------------
// The builtins.

function cidrContains(cidr: string, other: string): boolean {
  const net = parseCIDR(cidr);
  const ip = parseIP(other);
  if (ip !== undefined) return contains(net, ip.value, ip.v4);
  let inner: Net;
  try {
    inner = parseCIDR(other);
  } catch {
    throw new BuiltinError(`not a valid textual representation of an IP address or CIDR: ${other}`);
  }
  return contains(net, inner.first, inner.v4) && contains(net, lastOf(inner), inner.v4);
}

/** The (cidr, key) pairs of a cidr_contains_matches operand. */
function matchTerms(operand: number, v: Value): [Value, Value][] {
  const cidrOf = (x: Value): Value => {
    if (typeof x === 'string') return x;
    if (Array.isArray(x) && x.length > 0) return x[0] as Value;
    throw new BuiltinError(`operand ${operand}: element must be string or non-empty array`);
  };
  if (typeof v === 'string') return [[v, v]];
  if (Array.isArray(v)) return v.map((x, i) => [cidrOf(x), i]);
  if (v instanceof RSet) return v.values().map((x) => [cidrOf(x), x]);
  if (v instanceof RObject) return v.entries().map(([k, x]) => [cidrOf(x), k]);
  return [];
}

function containsMatches(cidrs: Value, addrs: Value): RSet {
  const out = new RSet();
  const left = matchTerms(1, cidrs);
  const right = matchTerms(2, addrs);
  for (const [cidr, k1] of left) {
    for (const [addr, k2] of right) {
      if (cidrContains(str([cidr], 0), str([addr], 0))) out.add([k1, k2]);
    }
  }
  return out;
}

// Expanding more addresses than this would exhaust memory; OPA would run until cancelled.
const MAX_EXPAND = 1n << 24n;

function expand(cidr: string): RSet {
  const net = parseCIDR(cidr);
  const last = lastOf(net);
  if (last - net.first + 1n > MAX_EXPAND) {
    throw new BuiltinError(`${cidr} holds more than ${MAX_EXPAND} addresses`);
  }
  const out = new RSet();
  for (let ip = net.first; ip <= last; ip++) out.add(formatIP(ip, net.v4));
  return out;
}

/** Merges networks and addresses into the fewest CIDRs covering the same addresses. */
function merge(items: readonly Value[]): RSet {
  const nets: Net[] = items.map((item) => {
    if (typeof item !== 'string') throw new BuiltinError('element must be string');
    const ip = parseIP(item);
    if (ip === undefined) return parseCIDR(item);
    if (!ip.v4) throw new BuiltinError('IPv6 invalid: needs prefix length');
    // A bare IPv4 address takes its classful default mask, as Go's IP.DefaultMask.
    const top = Number(ip.value >> 24n);
    const prefix = top < 0x80 ? 8 : top < 0xc0 ? 16 : 24;
    const host = BigInt(32 - prefix);
    return { v4: true, prefix, first: (ip.value >> host) << host };
  });
  const out = new RSet();
  for (const v4 of [true, false]) {
    const ranges = nets
      .filter((n) => n.v4 === v4)
      .map((n) => ({ first: n.first, last: lastOf(n) }))
      .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : a.last > b.last ? -1 : a.last < b.last ? 1 : 0));
    const merged: { first: bigint; last: bigint }[] = [];
    for (const r of ranges) {
      const top = merged[merged.length - 1];
      if (top !== undefined && r.first <= top.last + 1n) {
        if (r.last > top.last) top.last = r.last;
      } else merged.push({ ...r });
    }
    for (const r of merged) for (const n of rangeToNets(r.first, r.last, v4)) out.add(formatNet(n));
  }
  return out;
}

/** The fewest aligned networks exactly covering [first, last]. */
function rangeToNets(first: bigint, last: bigint, v4: boolean): Net[] {
  const bits = bitsOf(v4);
  const out: Net[] = [];
  let start = first;
  while (start <= last) {
    let size = 0;
    // Grow the block while it stays aligned on `start` and inside the range.
    while (size < bits) {
      const next = 1n << BigInt(size + 1);
      if (start % next !== 0n || start + next - 1n > last) break;
      size++;
    }
    out.push({ v4, first: start, prefix: bits - size });
    start += 1n << BigInt(size);
  }
  return out;
}
