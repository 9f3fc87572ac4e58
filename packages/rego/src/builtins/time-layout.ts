// Go time layouts ("2006-01-02T15:04:05Z07:00"): formatting and parsing with Go's rules and
// error texts, for time.format and time.parse_ns.

import {
  MONTHS,
  WEEKDAYS,
  civilAt,
  daysFromCivil,
  daysInMonth,
  NS_PER_SECOND,
  type Civil,
} from './time-civil.ts';

/** Layout names OPA accepts in place of a layout. */
export const NAMED_LAYOUTS: Record<string, string> = {
  ANSIC: 'Mon Jan _2 15:04:05 2006',
  UnixDate: 'Mon Jan _2 15:04:05 MST 2006',
  RubyDate: 'Mon Jan 02 15:04:05 -0700 2006',
  RFC822: '02 Jan 06 15:04 MST',
  RFC822Z: '02 Jan 06 15:04 -0700',
  RFC850: 'Monday, 02-Jan-06 15:04:05 MST',
  RFC1123: 'Mon, 02 Jan 2006 15:04:05 MST',
  RFC1123Z: 'Mon, 02 Jan 2006 15:04:05 -0700',
  RFC3339: '2006-01-02T15:04:05Z07:00',
  RFC3339Nano: '2006-01-02T15:04:05.999999999Z07:00',
};

type Std =
  | 'January' | 'Jan' | '1' | '01' | 'Monday' | 'Mon' | '2' | '_2' | '02' | '__2' | '002'
  | '15' | '3' | '03' | '4' | '04' | '5' | '05' | '2006' | '06' | 'PM' | 'pm' | 'MST'
  | 'Z070000' | 'Z0700' | 'Z07:00:00' | 'Z07:00' | 'Z07'
  | '-070000' | '-0700' | '-07:00:00' | '-07:00' | '-07';

/** A layout piece: literal text, a field, or a fractional second (`0` fixed, `9` trimmed). */
type Chunk = { lit: string } | { std: Std } | { frac: '0' | '9'; digits: number; sep: string };

const PREFIXES: Record<string, Std[]> = {
  J: ['January', 'Jan'],
  M: ['Monday', 'Mon', 'MST'],
  '0': ['01', '02', '03', '04', '05', '06', '002'],
  '1': ['15', '1'],
  '2': ['2006', '2'],
  _: ['_2'],
  '3': ['3'],
  '4': ['4'],
  '5': ['5'],
  P: ['PM'],
  p: ['pm'],
  '-': ['-070000', '-07:00:00', '-0700', '-07:00', '-07'],
  Z: ['Z070000', 'Z07:00:00', 'Z0700', 'Z07:00', 'Z07'],
};

const isDigit = (s: string, i: number) => i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;

function chunks(layout: string): Chunk[] {
  const out: Chunk[] = [];
  let lit = '';
  const push = (c: Chunk) => {
    if (lit !== '') out.push({ lit });
    lit = '';
    out.push(c);
  };
  let i = 0;
  outer: while (i < layout.length) {
    const c = layout[i] as string;
    if (c === '_' && layout.startsWith('__2', i)) {
      push({ std: '__2' });
      i += 3;
      continue;
    }
    if (c === '_' && layout.startsWith('_2', i) && layout.startsWith('_2006', i)) {
      // "_2006" is a literal underscore followed by a year.
      lit += '_';
      i += 1;
      continue;
    }
    if ((c === '.' || c === ',') && (layout[i + 1] === '0' || layout[i + 1] === '9')) {
      const d = layout[i + 1] as '0' | '9';
      let j = i + 1;
      while (j < layout.length && layout[j] === d) j++;
      if (!isDigit(layout, j)) {
        push({ frac: d, digits: j - i - 1, sep: c });
        i = j;
        continue;
      }
    }
    for (const std of PREFIXES[c] ?? []) {
      if (!layout.startsWith(std, i)) continue;
      // "Jan"/"Mon" followed by a lower-case letter are words, not fields ("Janet").
      if ((std === 'Jan' || std === 'Mon') && /[a-z]/.test(layout[i + 3] ?? '')) continue;
      push({ std });
      i += std.length;
      continue outer;
    }
    lit += c;
    i++;
  }
  if (lit !== '') out.push({ lit });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Formatting.

const pad = (n: number, w: number, ch = '0') => String(n).padStart(w, ch);

function offsetText(offset: number, std: Std): string {
  if (std.startsWith('Z') && offset === 0) return 'Z';
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = pad(Math.floor(abs / 3600), 2);
  const mm = pad(Math.floor(abs / 60) % 60, 2);
  const ss = pad(abs % 60, 2);
  const shape = std.slice(1);
  switch (shape) {
    case '07':
      return sign + hh;
    case '0700':
      return sign + hh + mm;
    case '07:00':
      return `${sign}${hh}:${mm}`;
    case '070000':
      return sign + hh + mm + ss;
    default:
      return `${sign}${hh}:${mm}:${ss}`;
  }
}

export function formatTime(c: Civil, layout: string): string {
  let out = '';
  for (const chunk of chunks(layout)) {
    if ('lit' in chunk) {
      out += chunk.lit;
      continue;
    }
    if ('frac' in chunk) {
      const digits = pad(c.nano, 9).slice(0, chunk.digits);
      if (chunk.frac === '0') out += chunk.sep + digits;
      else {
        const trimmed = digits.replace(/0+$/, '');
        if (trimmed !== '') out += chunk.sep + trimmed;
      }
      continue;
    }
    const h12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
    switch (chunk.std) {
      case 'January':
        out += MONTHS[c.month - 1];
        break;
      case 'Jan':
        out += (MONTHS[c.month - 1] as string).slice(0, 3);
        break;
      case '1':
        out += c.month;
        break;
      case '01':
        out += pad(c.month, 2);
        break;
      case 'Monday':
        out += WEEKDAYS[c.weekday];
        break;
      case 'Mon':
        out += (WEEKDAYS[c.weekday] as string).slice(0, 3);
        break;
      case '2':
        out += c.day;
        break;
      case '_2':
        out += pad(c.day, 2, ' ');
        break;
      case '02':
        out += pad(c.day, 2);
        break;
      case '__2':
        out += pad(c.yearDay, 3, ' ');
        break;
      case '002':
        out += pad(c.yearDay, 3);
        break;
      case '15':
        out += pad(c.hour, 2);
        break;
      case '3':
        out += h12;
        break;
      case '03':
        out += pad(h12, 2);
        break;
      case '4':
        out += c.minute;
        break;
      case '04':
        out += pad(c.minute, 2);
        break;
      case '5':
        out += c.second;
        break;
      case '05':
        out += pad(c.second, 2);
        break;
      case '2006':
        out += c.year < 0 ? '-' + pad(-c.year, 4) : pad(c.year, 4);
        break;
      case '06':
        out += pad(((c.year % 100) + 100) % 100, 2);
        break;
      case 'PM':
        out += c.hour >= 12 ? 'PM' : 'AM';
        break;
      case 'pm':
        out += c.hour >= 12 ? 'pm' : 'am';
        break;
      case 'MST':
        out += c.abbreviation;
        break;
      default:
        out += offsetText(c.offset, chunk.std);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parsing.

export class TimeParseError extends Error {}

const quote = (s: string) => JSON.stringify(s);

/** Parses `value` with a Go layout; returns nanoseconds since the epoch. */
export function parseTime(layout: string, value: string): bigint {
  const original = value;
  const cannot = (rest: string, elem: string) =>
    new TimeParseError(`parsing time ${quote(original)} as ${quote(layout)}: cannot parse ${quote(rest)} as ${quote(elem)}`);
  const range = (what: string) => new TimeParseError(`parsing time ${quote(original)}: ${what} out of range`);

  let year = 0;
  let month = -1;
  let day = -1;
  let yday = -1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let nano = 0;
  let pm: boolean | undefined;
  let offset: number | undefined;

  const list = chunks(layout);
  let rest = value;
  for (let idx = 0; idx < list.length; idx++) {
    const chunk = list[idx] as Chunk;
    if ('lit' in chunk) {
      const skipped = skipLiteral(rest, chunk.lit);
      if (skipped === undefined) throw cannot(rest, chunk.lit);
      rest = skipped;
      continue;
    }
    if ('frac' in chunk) {
      const m = /^[.,](\d+)/.exec(rest);
      if (chunk.frac === '0') {
        if (!m || (m[1] as string).length < chunk.digits) throw cannot(rest, chunk.sep + '0'.repeat(chunk.digits));
        nano = fracNanos(rest.slice(1, 1 + chunk.digits));
        rest = rest.slice(1 + chunk.digits);
      } else if (m) {
        nano = fracNanos(m[1] as string);
        rest = rest.slice(m[0].length);
      }
      continue;
    }
    const std = chunk.std;
    const elem = std;
    const before = rest;
    const num = (fixed: number | undefined, max = 2): number => {
      const m = fixed ? new RegExp(`^\\d{${fixed}}`).exec(rest) : new RegExp(`^\\d{1,${max}}`).exec(rest);
      if (!m) throw cannot(before, elem);
      rest = rest.slice(m[0].length);
      return Number(m[0]);
    };
    switch (std) {
      case '2006': {
        if (!/^\d{4}/.test(rest)) throw cannot(before, elem);
        year = Number(rest.slice(0, 4));
        rest = rest.slice(4);
        break;
      }
      case '06':
        year = num(2);
        year += year >= 69 ? 1900 : 2000;
        break;
      case 'January':
      case 'Jan': {
        const names = std === 'Jan' ? MONTHS.map((n) => n.slice(0, 3)) : MONTHS;
        const i = names.findIndex((n) => rest.slice(0, n.length).toLowerCase() === n.toLowerCase());
        if (i < 0) throw cannot(before, elem);
        month = i + 1;
        rest = rest.slice((names[i] as string).length);
        break;
      }
      case 'Monday':
      case 'Mon': {
        const names = std === 'Mon' ? WEEKDAYS.map((n) => n.slice(0, 3)) : WEEKDAYS;
        const i = names.findIndex((n) => rest.slice(0, n.length).toLowerCase() === n.toLowerCase());
        if (i < 0) throw cannot(before, elem);
        rest = rest.slice((names[i] as string).length);
        break;
      }
      case '1':
      case '01':
        month = num(std === '01' ? 2 : undefined);
        if (month < 1 || month > 12) throw range('month');
        break;
      case '2':
      case '_2':
      case '02':
        if (std === '_2' && rest.startsWith(' ')) rest = rest.slice(1);
        day = num(std === '02' ? 2 : undefined);
        break;
      case '__2':
      case '002':
        if (std === '__2') rest = rest.replace(/^ {1,2}/, '');
        yday = num(std === '002' ? 3 : undefined, 3);
        if (yday < 1 || yday > 366) throw range('day-of-year');
        break;
      case '15':
        hour = num(undefined);
        if (hour > 23) throw range('hour');
        break;
      case '3':
      case '03':
        hour = num(std === '03' ? 2 : undefined);
        if (hour > 12) throw range('hour');
        break;
      case '4':
      case '04':
        minute = num(std === '04' ? 2 : undefined);
        if (minute > 59) throw range('minute');
        break;
      case '5':
      case '05': {
        second = num(std === '05' ? 2 : undefined);
        if (second > 59) throw range('second');
        // A fractional second the layout does not mention is still accepted.
        const next = list[idx + 1];
        const m = /^[.,](\d+)/.exec(rest);
        if (m && !(next && 'frac' in next)) {
          nano = fracNanos(m[1] as string);
          rest = rest.slice(m[0].length);
        }
        break;
      }
      case 'PM':
      case 'pm': {
        const t = rest.slice(0, 2);
        const want = std === 'PM' ? ['AM', 'PM'] : ['am', 'pm'];
        if (!want.includes(t)) throw cannot(before, elem);
        pm = t === want[1];
        rest = rest.slice(2);
        break;
      }
      case 'MST': {
        const m = /^(UTC|GMT[+-]\d{1,2}|[A-Z]{3,5}T?)/.exec(rest);
        if (!m) throw cannot(before, elem);
        const gmt = /^GMT([+-]\d{1,2})$/.exec(m[0]);
        offset = gmt ? Number(gmt[1]) * 3600 : 0;
        rest = rest.slice(m[0].length);
        break;
      }
      default: {
        if (std.startsWith('Z') && rest.startsWith('Z')) {
          offset = 0;
          rest = rest.slice(1);
          break;
        }
        const parsed = parseOffset(rest, std.slice(1));
        if (parsed === undefined) throw cannot(before, elem);
        offset = parsed.offset;
        rest = rest.slice(parsed.length);
      }
    }
  }
  if (rest !== '') throw new TimeParseError(`parsing time ${quote(original)}: extra text: ${quote(rest)}`);
  if (pm === true && hour < 12) hour += 12;
  else if (pm === false && hour === 12) hour = 0;
  if (yday >= 0) {
    const dayOfYear = (m: number, d: number) => daysFromCivil(year, m, d) - daysFromCivil(year, 1, 1) + 1;
    if (yday > dayOfYear(12, 31)) throw range('day-of-year');
    const date = civilAt(BigInt(daysFromCivil(year, 1, yday)) * 86_400n * NS_PER_SECOND, 0, '');
    if ((month >= 0 && month !== date.month) || (day >= 0 && day !== date.day)) throw range('day-of-year');
    month = date.month;
    day = date.day;
  }
  if (month < 0) month = 1;
  if (day < 0) day = 1;
  if (day < 1 || day > daysInMonth(year, month)) throw range('day');
  const seconds = BigInt(daysFromCivil(year, month, day)) * 86_400n + BigInt(hour * 3600 + minute * 60 + second);
  return (seconds - BigInt(offset ?? 0)) * NS_PER_SECOND + BigInt(nano);
}

/** Matches a layout literal; a space matches one or more spaces, as Go's skip does. */
function skipLiteral(value: string, lit: string): string | undefined {
  let v = value;
  for (let i = 0; i < lit.length; i++) {
    const c = lit[i] as string;
    if (c === ' ') {
      if (v.length > 0 && v[0] !== ' ') return undefined;
      while (i + 1 < lit.length && lit[i + 1] === ' ') i++;
      v = v.replace(/^ +/, '');
      continue;
    }
    if (v[0] !== c) return undefined;
    v = v.slice(1);
  }
  return v;
}

function fracNanos(digits: string): number {
  return Number(digits.slice(0, 9).padEnd(9, '0'));
}

/** A numeric zone offset shaped like "07", "0700", "07:00", "070000" or "07:00:00". */
function parseOffset(s: string, shape: string): { offset: number; length: number } | undefined {
  const patterns: Record<string, RegExp> = {
    '07': /^([+-])(\d\d)/,
    '0700': /^([+-])(\d\d)(\d\d)/,
    '07:00': /^([+-])(\d\d):(\d\d)/,
    '070000': /^([+-])(\d\d)(\d\d)(\d\d)/,
    '07:00:00': /^([+-])(\d\d):(\d\d):(\d\d)/,
  };
  const m = (patterns[shape] as RegExp).exec(s);
  if (!m) return undefined;
  const [hh, mm, ss] = [m[2], m[3], m[4]].map((x) => Number(x ?? 0)) as [number, number, number];
  if (hh > 24 || mm > 59 || ss > 59) return undefined;
  const abs = hh * 3600 + mm * 60 + ss;
  return { offset: m[1] === '-' ? -abs : abs, length: m[0].length };
}
