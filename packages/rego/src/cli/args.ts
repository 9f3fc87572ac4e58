// Option parsing shared by the commands: node's parseArgs, with its errors as usage errors.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './api.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<T extends Options>(
  argv: string[],
  options: T,
): { values: Record<string, string | string[] | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | string[] | boolean | undefined>, positionals };
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

export function stringList(v: string | string[] | boolean | undefined): string[] {
  if (v === undefined || typeof v === 'boolean') return [];
  return Array.isArray(v) ? v : [v];
}

export function optionalString(v: string | string[] | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
