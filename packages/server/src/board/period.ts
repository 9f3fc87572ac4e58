/**
 * The reporting periods a board pack covers, as text:
 *
 * | text          | covers (UTC, end exclusive)                                        |
 * | `2026`        | the calendar year                                                  |
 * | `2026-H1`     | a half year (H1: January–June, H2: July–December)                 |
 * | `2026-Q2`     | a quarter (Q1 January–March ... Q4 October–December)               |
 * | `2026-Q2-mid` | a quarter up to its middle: its first day to the 15th of its second month, inclusive |
 * | `2026-05`     | a calendar month                                                   |
 *
 * A period that has not ended yet is cut at the time of generation (`partial`); one that has
 * not begun is refused.
 */
export interface Period {
  /** The period as written (canonical: upper-case letters). */
  text: string;
  from: Date;
  /** Exclusive. */
  to: Date;
  /** True when the period had not ended at generation time and `to` is that time. */
  partial: boolean;
}

export const PERIOD_SYNTAX = 'YYYY, YYYY-H1|H2, YYYY-Q1..Q4, YYYY-Q1..Q4-mid or YYYY-MM';

export class PeriodError extends Error {
  override name = 'PeriodError';
}

const PATTERN = /^([0-9]{4})(?:-(?:(H[12])|(Q[1-4])(-MID)?|(0[1-9]|1[0-2])))?$/;

const utc = (year: number, month0: number, day = 1): Date => new Date(Date.UTC(year, month0, day));

/** Parses a period and clips it to `now`; throws PeriodError naming the syntax for anything else. */
export function parsePeriod(input: string, now: Date): Period {
  const text = input.trim().toUpperCase();
  const m = PATTERN.exec(text);
  if (m === null) throw new PeriodError(`"${input}" is not a period: write ${PERIOD_SYNTAX} (e.g. 2026-Q2-mid)`);
  const year = Number(m[1]);
  if (year < 2000) throw new PeriodError(`"${input}": the year must be 2000 or later`);
  let from: Date;
  let to: Date;
  if (m[2] !== undefined) {
    const first = m[2] === 'H1' ? 0 : 6;
    [from, to] = [utc(year, first), utc(year, first + 6)];
  } else if (m[3] !== undefined) {
    const first = (Number(m[3].slice(1)) - 1) * 3;
    from = utc(year, first);
    to = m[4] === undefined ? utc(year, first + 3) : utc(year, first + 1, 16);
  } else if (m[5] !== undefined) {
    [from, to] = [utc(year, Number(m[5]) - 1), utc(year, Number(m[5]))];
  } else {
    [from, to] = [utc(year, 0), utc(year + 1, 0)];
  }
  if (from.getTime() > now.getTime()) throw new PeriodError(`period ${text.replace('-MID', '-mid')} has not begun (it starts ${from.toISOString().slice(0, 10)})`);
  const partial = to.getTime() > now.getTime();
  return { text: text.replace('-MID', '-mid'), from, to: partial ? now : to, partial };
}

/** The months (YYYY-MM) a period overlaps, first to last. */
export function monthsOf(period: Pick<Period, 'from' | 'to'>): string[] {
  const months: string[] = [];
  const last = new Date(period.to.getTime() - 1);
  for (let d = utc(period.from.getUTCFullYear(), period.from.getUTCMonth()); d.getTime() <= last.getTime(); d = utc(d.getUTCFullYear(), d.getUTCMonth() + 1)) {
    months.push(d.toISOString().slice(0, 7));
  }
  return months;
}
