// semver.is_valid and semver.compare (Semantic Versioning 2.0 precedence; a leading "v" is
// accepted, as OPA does).

import { BuiltinError } from './errors.ts';
import { str } from './operands.ts';
import type { BuiltinRegistry } from './registry.ts';

export function register(r: BuiltinRegistry): void {
  r.fn('semver.is_valid', 1, (a) => typeof a[0] === 'string' && parseSemver(a[0]) !== undefined);
  r.fn('semver.compare', 2, (a) => {
    const [x, y] = [0, 1].map((i) => {
      const text = str(a, i);
      const v = parseSemver(text);
      if (v === undefined) throw new BuiltinError(`operand ${i + 1}: string ${JSON.stringify(text)} is not a valid SemVer`);
      return v;
    }) as [Semver, Semver];
    return compareSemver(x, y);
  });
}

interface Semver {
  core: [bigint, bigint, bigint];
  pre: string;
}

const IDENTIFIERS = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;
const INT64_MAX = (1n << 63n) - 1n;

function parseSemver(text: string): Semver | undefined {
  let rest = text.startsWith('v') ? text.slice(1) : text;
  const plus = rest.indexOf('+');
  if (plus >= 0) {
    const meta = rest.slice(plus + 1);
    if (meta !== '' && !IDENTIFIERS.test(meta)) return undefined;
    rest = rest.slice(0, plus);
  }
  let pre = '';
  const dash = rest.indexOf('-');
  if (dash >= 0) {
    pre = rest.slice(dash + 1);
    if (pre !== '' && !IDENTIFIERS.test(pre)) return undefined;
    rest = rest.slice(0, dash);
  }
  const parts = rest.split('.');
  if (parts.length !== 3) return undefined;
  const core: bigint[] = [];
  for (const p of parts) {
    if (!/^[+-]?\d+$/.test(p)) return undefined;
    const n = BigInt(p);
    if (n > INT64_MAX || n < -INT64_MAX - 1n) return undefined;
    core.push(n);
  }
  return { core: core as [bigint, bigint, bigint], pre };
}

function compareSemver(a: Semver, b: Semver): number {
  for (let i = 0; i < 3; i++) {
    if (a.core[i]! !== b.core[i]!) return a.core[i]! > b.core[i]! ? 1 : -1;
  }
  if (a.pre === b.pre) return 0;
  if (a.pre === '') return 1;
  if (b.pre === '') return -1;
  const xs = a.pre.split('.');
  const ys = b.pre.split('.');
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i] as string;
    const y = ys[i] as string;
    const xNum = /^\d+$/.test(x);
    const yNum = /^\d+$/.test(y);
    // Numeric identifiers sort before alphanumeric ones.
    if (xNum !== yNum) return xNum ? -1 : 1;
    if (xNum) {
      const d = BigInt(x) - BigInt(y);
      if (d !== 0n) return d > 0n ? 1 : -1;
    } else if (x !== y) return x > y ? 1 : -1;
  }
  return Math.sign(xs.length - ys.length);
}
