// Civil (proleptic Gregorian) calendar arithmetic and time zone offsets for the time builtins.
// Instants are bigint nanoseconds since the Unix epoch; zones are IANA names resolved by Intl.

import { BuiltinError } from './errors.ts';

export const NS_PER_SECOND = 1_000_000_000n;
export const NS_PER_DAY = 86_400n * NS_PER_SECOND;
export const INT64_MIN = -(1n << 63n);
export const INT64_MAX = (1n << 63n) - 1n;

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Wall-clock fields of an instant in some zone. */
export interface Civil {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
  hour: number;
  minute: number;
  second: number;
  nano: number;
  weekday: number; // 0 = Sunday
  yearDay: number; // 1..366
  offset: number; // seconds east of UTC
  abbreviation: string;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
}

/** Days since 1970-01-01 of a civil date; month and day may be out of range (they carry). */
export function daysFromCivil(year: number, month: number, day: number): number {
  // Normalise the month first so that e.g. month 14 is February of the next year.
  const m0 = month - 1;
  const y = year + Math.floor(m0 / 12);
  const m = (((m0 % 12) + 12) % 12) + 1;
  // Era-based algorithm: years start in March so the leap day is last.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + (day - 1);
}

export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const floorDiv = (a: bigint, b: bigint) => (a >= 0n ? a / b : -((-a + b - 1n) / b));

/** The civil fields of `ns` shifted by `offset` seconds. */
export function civilAt(ns: bigint, offset: number, abbreviation: string): Civil {
  const local = ns + BigInt(offset) * NS_PER_SECOND;
  const days = Number(floorDiv(local, NS_PER_DAY));
  const inDay = local - BigInt(days) * NS_PER_DAY;
  const secs = Number(inDay / NS_PER_SECOND);
  const { year, month, day } = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(secs / 3600),
    minute: Math.floor(secs / 60) % 60,
    second: secs % 60,
    nano: Number(inDay % NS_PER_SECOND),
    weekday: (((days + 4) % 7) + 7) % 7,
    yearDay: days - daysFromCivil(year, 1, 1) + 1,
    offset,
    abbreviation,
  };
}

/** A zone: offset and abbreviation at a given instant. */
export interface Zone {
  readonly name: string;
  at(ns: bigint): { offset: number; abbreviation: string };
}

export const UTC: Zone = { name: 'UTC', at: () => ({ offset: 0, abbreviation: 'UTC' }) };

const zones = new Map<string, Zone>();

/** Resolves "", "UTC", "Local" or an IANA name, as Go's time.LoadLocation. */
export function loadZone(name: string): Zone {
  if (name === '' || name === 'UTC') return UTC;
  const cached = zones.get(name);
  if (cached) return cached;
  const ianaName = name === 'Local' ? Intl.DateTimeFormat().resolvedOptions().timeZone : name;
  let fields: Intl.DateTimeFormat;
  let names: Intl.DateTimeFormat;
  try {
    fields = new Intl.DateTimeFormat('en-US', {
      timeZone: ianaName,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    names = new Intl.DateTimeFormat('en-US', { timeZone: ianaName, timeZoneName: 'short' });
  } catch {
    throw new BuiltinError(`unknown time zone ${name}`);
  }
  const zone: Zone = {
    name,
    at(ns) {
      // Beyond Date's range (far outside int64 nanoseconds) the nearest representable offset is used.
      const ms = Math.max(-8.64e15, Math.min(8.64e15, Number(floorDiv(ns, 1_000_000n))));
      const date = new Date(Math.floor(ms / 1000) * 1000);
      const parts: Record<string, string> = {};
      for (const p of fields.formatToParts(date)) parts[p.type] = p.value;
      let year = Number(parts.year);
      if (parts.era === 'BC') year = 1 - year;
      const wall = daysFromCivil(year, Number(parts.month), Number(parts.day)) * 86400 +
        Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
      const offset = wall - Math.floor(ms / 1000);
      const zoneName = names.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? '';
      return { offset, abbreviation: abbreviationOf(zoneName, offset) };
    },
  };
  zones.set(name, zone);
  return zone;
}

/** Intl writes "GMT+5:30" where the zone database has no letters; Go writes "+0530". */
function abbreviationOf(intlName: string, offset: number): string {
  if (/^[A-Z]{2,5}$/.test(intlName) && intlName !== 'GMT') return intlName;
  if (offset === 0 && intlName === 'GMT') return 'GMT';
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 3600)).padStart(2, '0');
  const mm = Math.floor(abs / 60) % 60;
  return sign + hh + (mm === 0 ? '' : String(mm).padStart(2, '0'));
}

export function civilIn(ns: bigint, zone: Zone): Civil {
  const { offset, abbreviation } = zone.at(ns);
  return civilAt(ns, offset, abbreviation);
}

/** The instant of a wall-clock time in a zone (fields may be out of range and carry). */
export function instantOf(
  zone: Zone,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  nano: number,
): bigint {
  const wallSeconds =
    BigInt(daysFromCivil(year, month, day)) * 86_400n + BigInt(hour * 3600 + minute * 60 + second);
  const wall = wallSeconds * NS_PER_SECOND + BigInt(nano);
  // Two rounds settle the offset except inside a transition gap, like Go's Date.
  let guess = wall - BigInt(zone.at(wall).offset) * NS_PER_SECOND;
  guess = wall - BigInt(zone.at(guess).offset) * NS_PER_SECOND;
  return guess;
}
