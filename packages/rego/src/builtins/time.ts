// Time builtins. Timestamps are integer nanoseconds since the Unix epoch (int64 range, as in
// OPA); a timestamp operand may also be [ns, zone] or [ns, zone, layout] with an IANA zone name.

import { BigNum, fromBigInt, isNumber, toBigInt, type Value } from '../value/value.ts';
import { BuiltinError, OperandTypeError } from './errors.ts';
import { int, str } from './operands.ts';
import type { BuiltinRegistry } from './registry.ts';
import {
  INT64_MAX,
  INT64_MIN,
  UTC,
  WEEKDAYS,
  civilIn,
  daysInMonth,
  instantOf,
  loadZone,
  type Zone,
} from './time-civil.ts';
import { NAMED_LAYOUTS, TimeParseError, formatTime, parseTime } from './time-layout.ts';
import { parseDuration } from './time-duration.ts';

export function register(r: BuiltinRegistry): void {
  r.fn('time.now_ns', 0, (_a, ctx) => fromBigInt(ctx.nowNs()), { nondeterministic: true });
  r.fn('time.parse_ns', 2, (a) => {
    const layout = str(a, 0);
    return safeNs(parse(NAMED_LAYOUTS[layout] ?? layout, str(a, 1)));
  });
  r.fn('time.parse_rfc3339_ns', 1, (a) => safeNs(parse(NAMED_LAYOUTS.RFC3339 as string, str(a, 0))));
  r.fn('time.parse_duration_ns', 1, (a) => fromBigInt(parseDuration(str(a, 0))));
  r.fn('time.format', 1, (a) => {
    const t = timeOperand(a[0] as Value);
    const layout = t.layout === undefined || t.layout === '' ? (NAMED_LAYOUTS.RFC3339Nano as string) : (NAMED_LAYOUTS[t.layout] ?? t.layout);
    return formatTime(civilIn(t.ns, t.zone), layout);
  });
  r.fn('time.date', 1, (a) => {
    const c = civil(a[0] as Value);
    return [c.year, c.month, c.day];
  });
  r.fn('time.clock', 1, (a) => {
    const c = civil(a[0] as Value);
    return [c.hour, c.minute, c.second];
  });
  r.fn('time.weekday', 1, (a) => WEEKDAYS[civil(a[0] as Value).weekday] as string);
  r.fn('time.add_date', 4, (a) => {
    const t = timeOperand(a[0] as Value);
    const deltas = [int(a, 1), int(a, 2), int(a, 3)];
    // Any step this large leaves the int64 nanosecond range whatever the start.
    if (deltas.some((d) => d > 10_000_000n || d < -10_000_000n)) throw new BuiltinError('time outside of valid range');
    const [years, months, days] = deltas.map(Number) as [number, number, number];
    const c = civilIn(t.ns, t.zone);
    return safeNs(instantOf(t.zone, c.year + years, c.month + months, c.day + days, c.hour, c.minute, c.second, c.nano));
  });
  r.fn('time.diff', 2, (a) => diff(timeOperand(a[0] as Value), timeOperand(a[1] as Value)));
  r.fn('test.sleep', 1, (a) => {
    const ms = Number(parseDuration(str(a, 0)) / 1_000_000n);
    // Blocks the thread: evaluation is synchronous, and this builtin exists for tests of caching.
    if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    return null;
  });
}

interface TimeOperand {
  ns: bigint;
  zone: Zone;
  layout: string | undefined;
}

const EXPECTED = 'either number (ns) or [number (ns), string (tz)]';

/** Reads `ns`, `[ns, zone]` or `[ns, zone, layout]`. */
function timeOperand(v: Value): TimeOperand {
  let n: Value = v;
  let zone = UTC;
  let layout: string | undefined;
  if (Array.isArray(v) && v.length > 0) {
    n = v[0] as Value;
    if (!isNumber(n)) throw new OperandTypeError(1, n, ['number']);
    // OPA names the whole operand (1) when an element has the wrong type.
    const element = (i: number): string => {
      const x = v[i] as Value;
      if (typeof x !== 'string') throw new OperandTypeError(1, x, ['string']);
      return x;
    };
    if (v.length > 1) zone = loadZone(element(1));
    if (v.length > 2) layout = element(2);
  } else if (!isNumber(v)) {
    throw new OperandTypeError(1, v, [EXPECTED]);
  }
  const ns = toBigInt(n as number | BigNum);
  if (ns === undefined || ns < INT64_MIN || ns > INT64_MAX) throw new BuiltinError('timestamp too big');
  return { ns, zone, layout };
}

const civil = (v: Value) => {
  const t = timeOperand(v);
  return civilIn(t.ns, t.zone);
};

function parse(layout: string, value: string): bigint {
  try {
    return parseTime(layout, value);
  } catch (e) {
    if (e instanceof TimeParseError) throw new BuiltinError(e.message);
    throw e;
  }
}

function safeNs(ns: bigint): Value {
  if (ns < INT64_MIN || ns > INT64_MAX) throw new BuiltinError('time outside of valid range');
  return fromBigInt(ns);
}

/** Years, months, days, hours, minutes and seconds between two instants (in the first's zone). */
function diff(a: TimeOperand, b: TimeOperand): Value[] {
  const [x, y] = a.ns <= b.ns ? [a.ns, b.ns] : [b.ns, a.ns];
  const c1 = civilIn(x, a.zone);
  const c2 = civilIn(y, a.zone);
  let year = c2.year - c1.year;
  let month = c2.month - c1.month;
  let day = c2.day - c1.day;
  let hour = c2.hour - c1.hour;
  let minute = c2.minute - c1.minute;
  let second = c2.second - c1.second;
  if (second < 0) {
    second += 60;
    minute--;
  }
  if (minute < 0) {
    minute += 60;
    hour--;
  }
  if (hour < 0) {
    hour += 24;
    day--;
  }
  if (day < 0) {
    day += daysInMonth(c1.year, c1.month);
    month--;
  }
  if (month < 0) {
    month += 12;
    year--;
  }
  return [year, month, day, hour, minute, second];
}
