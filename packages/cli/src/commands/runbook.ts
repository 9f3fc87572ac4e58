// `companyos runbook ...`: the tenant's runbooks through the HTTP API, so every save is decided,
// receipted and audited as it is from the console.

import { readFileSync } from 'node:fs';
import { callApi } from '../api-client.ts';
import { parse, required, UsageError } from '../args.ts';
import { printTable } from '../table.ts';
import { COMMAND_USAGE } from '../usage.ts';

const common = {
  url: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
} as const;

interface VersionSummary {
  slug: string;
  version: number;
  title: string;
  message: string | null;
  author: string;
  created_at: string;
}

const slugPath = (slug: string | undefined, verb: string): string => {
  if (slug === undefined) throw new UsageError(`runbook ${verb} needs a runbook slug`);
  return `/api/v1/runbooks/${encodeURIComponent(slug)}`;
};

function readMarkdown(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
}

export async function runbookCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'list': {
      const { values } = parse(rest, common);
      const r = (await callApi('GET', '/api/v1/runbooks', values)) as { runbooks: Array<{ slug: string; title: string; current_version: number; updated_at: string }> };
      if (values.json === true) return print(r);
      printTable(['SLUG', 'VERSION', 'UPDATED', 'TITLE'], r.runbooks.map((b) => [b.slug, String(b.current_version), b.updated_at, b.title]));
      return 0;
    }
    case 'show': {
      const { values, positionals } = parse(rest, { ...common, version: { type: 'string' } }, true);
      const path = slugPath(positionals[0], verb);
      const r = (await callApi('GET', values.version === undefined ? path : `${path}/versions/${encodeURIComponent(values.version)}`, values)) as VersionSummary & { body: string };
      if (values.json === true) return print(r);
      console.log(`${r.slug} v${r.version} — ${r.title} (by ${r.author}, ${r.created_at})\n\n${r.body}`);
      return 0;
    }
    case 'versions': {
      const { values, positionals } = parse(rest, common, true);
      const r = (await callApi('GET', `${slugPath(positionals[0], verb)}/versions`, values)) as { versions: VersionSummary[] };
      if (values.json === true) return print(r);
      printTable(['VERSION', 'AUTHOR', 'SAVED', 'MESSAGE'], r.versions.map((v) => [String(v.version), v.author, v.created_at, v.message ?? '']));
      return 0;
    }
    case 'save': {
      const { values, positionals } = parse(rest, { ...common, title: { type: 'string' }, file: { type: 'string' }, message: { type: 'string' }, 'base-version': { type: 'string' } }, true);
      const path = slugPath(positionals[0], verb);
      const body: Record<string, unknown> = { title: required(values.title, 'title'), body: readMarkdown(required(values.file, 'file')) };
      if (values.message !== undefined) body.message = values.message;
      if (values['base-version'] !== undefined) {
        if (!/^[0-9]+$/.test(values['base-version'])) throw new UsageError('--base-version must be a version number (0 for a new runbook)');
        body.base_version = Number(values['base-version']);
      }
      const r = (await callApi('PUT', path, values, body)) as VersionSummary;
      if (values.json === true) return print(r);
      console.log(`${r.slug}: saved version ${r.version}`);
      return 0;
    }
    default:
      throw new UsageError(COMMAND_USAGE.runbook!);
  }
}

function print(value: unknown): number {
  console.log(JSON.stringify(value, null, 2));
  return 0;
}
