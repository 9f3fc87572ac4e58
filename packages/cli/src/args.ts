// Argument parsing shared by the subcommands: node:util's parseArgs with errors turned into
// usage errors, so a typo prints a one-line message instead of a stack.

import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

export function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`--${flag} is required`);
  return value;
}

/** Every named flag that is missing, in one error: "--a and --b are required". */
export function requireAll<K extends string>(values: Partial<Record<K, string | undefined>>, flags: K[]): Record<K, string> {
  const missing = flags.filter((f) => values[f] === undefined || values[f] === '');
  if (missing.length > 0) {
    const names = missing.map((f) => `--${f}`);
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    throw new UsageError(`${list} ${names.length === 1 ? 'is' : 'are'} required`);
  }
  return values as Record<K, string>;
}

/** Parses "90s", "15m", "1h", "2d" into seconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+)(s|m|h|d)$/.exec(text.trim());
  if (!m) throw new UsageError(`"${text}" is not a duration (use e.g. 90s, 15m, 1h, 2d)`);
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}
