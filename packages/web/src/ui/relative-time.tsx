const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long' });

/** "3 minutes ago", or "just now" under a minute. */
export function relativeTime(iso: string, now = Date.now()): string {
  const diff = Date.parse(iso) - now;
  for (const [unit, ms] of UNITS) if (Math.abs(diff) >= ms) return relative.format(Math.round(diff / ms), unit);
  return 'just now';
}

/** A time shown relative to now, with the absolute time in the viewer's zone as its tooltip. */
export function RelativeTime({ iso }: { iso: string }) {
  const full = absolute.format(new Date(iso));
  return (
    <time dateTime={iso} title={full}>
      {relativeTime(iso)}
    </time>
  );
}
