// `companyos incident ...`: incidents through the HTTP API, so every opening, note, link and
// resolution is decided, receipted and audited as it is from the console.

import { readFileSync } from 'node:fs';
import { callApi } from '../api-client.ts';
import { parse, required, UsageError } from '../args.ts';
import { printTable } from '../table.ts';
import { COMMAND_USAGE } from '../usage.ts';

const common = {
  url: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
  /** Print only the incident's id (for scripts). */
  quiet: { type: 'boolean', short: 'q' },
} as const;

interface Incident {
  incident_id: string;
  title: string;
  severity: string;
  status: string;
  source: string;
  opened_at: string;
  opened_by: string;
  resolution: string | null;
  runbook: { slug: string; title: string } | null;
  entities: Array<{ entity_id: string; type: string }>;
  timeline: Array<{ at: string; actor: string; transition: string; to_state: string; rationale: string | null; details: Record<string, unknown> }>;
}

const incidentPath = (id: string | undefined, verb: string): string => {
  if (id === undefined) throw new UsageError(`incident ${verb} needs an incident id`);
  return `/api/v1/incidents/${encodeURIComponent(id)}`;
};

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${file} is not JSON`);
  }
}

export async function incidentCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'open': {
      const { values } = parse(rest, { ...common, title: { type: 'string' }, severity: { type: 'string' }, runbook: { type: 'string' }, note: { type: 'string' } });
      const body: Record<string, unknown> = { title: required(values.title, 'title'), severity: required(values.severity, 'severity') };
      if (values.runbook !== undefined) body.runbook = values.runbook;
      if (values.note !== undefined) body.note = values.note;
      return show((await callApi('POST', '/api/v1/incidents', values, body)) as Incident, values);
    }
    case 'from-alert': {
      const { values } = parse(rest, { ...common, alert: { type: 'string' }, severity: { type: 'string' }, summary: { type: 'string' }, runbook: { type: 'string' }, file: { type: 'string' } });
      let body: unknown;
      if (values.file !== undefined) body = readJson(values.file);
      else {
        const b: Record<string, unknown> = { alert: required(values.alert, 'alert') };
        for (const k of ['severity', 'summary', 'runbook'] as const) if (values[k] !== undefined) b[k] = values[k];
        body = b;
      }
      const r = (await callApi('POST', '/api/v1/incidents/from-alert', values, body)) as { created: boolean; incident: Incident | null };
      if (values.json === true) return print(r);
      if (values.quiet === true) {
        if (r.incident !== null) console.log(r.incident.incident_id);
        return 0;
      }
      if (r.incident === null) console.log('the alert has cleared and no incident is open for it: nothing changed');
      else console.log(`${r.incident.incident_id}: ${r.created ? 'opened' : 'the alert joined this unresolved incident'} (${r.incident.status})`);
      return 0;
    }
    case 'list': {
      const { values } = parse(rest, { ...common, status: { type: 'string' }, limit: { type: 'string' }, before: { type: 'string' } });
      const q = new URLSearchParams();
      for (const k of ['status', 'limit', 'before'] as const) if (values[k] !== undefined) q.set(k, values[k]);
      const r = (await callApi('GET', `/api/v1/incidents${q.size > 0 ? `?${q}` : ''}`, values)) as { incidents: Incident[]; next_before: string | null };
      if (values.json === true) return print(r);
      printTable(['ID', 'STATUS', 'SEVERITY', 'OPENED', 'TITLE'], r.incidents.map((i) => [i.incident_id, i.status, i.severity, i.opened_at, i.title]));
      if (r.next_before !== null) console.log(`more: --before ${r.next_before}`);
      return 0;
    }
    case 'show': {
      const { values, positionals } = parse(rest, common, true);
      return show((await callApi('GET', incidentPath(positionals[0], verb), values)) as Incident, values);
    }
    case 'note': {
      const { values, positionals } = parse(rest, { ...common, note: { type: 'string' } }, true);
      return show((await callApi('POST', `${incidentPath(positionals[0], verb)}/notes`, values, { note: required(values.note, 'note') })) as Incident, values);
    }
    case 'mitigate':
    case 'resolve': {
      const { values, positionals } = parse(rest, { ...common, rationale: { type: 'string' } }, true);
      // A resolution says what fixed it; a mitigation may say what contained it.
      const rationale = verb === 'resolve' ? required(values.rationale, 'rationale') : values.rationale;
      return show((await callApi('POST', `${incidentPath(positionals[0], verb)}/${verb}`, values, rationale === undefined ? {} : { rationale })) as Incident, values);
    }
    case 'link': {
      const { values, positionals } = parse(rest, { ...common, runbook: { type: 'string' }, entity: { type: 'string' } }, true);
      const path = incidentPath(positionals[0], verb);
      if ((values.runbook === undefined) === (values.entity === undefined)) throw new UsageError('incident link needs either --runbook SLUG or --entity ENTITY_ID');
      const r = values.runbook !== undefined ? await callApi('POST', `${path}/runbook`, values, { slug: values.runbook }) : await callApi('POST', `${path}/entities`, values, { entity_id: values.entity });
      return show(r as Incident, values);
    }
    default:
      throw new UsageError(COMMAND_USAGE.incident!);
  }
}

function show(i: Incident, flags: { json?: boolean | undefined; quiet?: boolean | undefined }): number {
  if (flags.json === true) return print(i);
  if (flags.quiet === true) {
    console.log(i.incident_id);
    return 0;
  }
  console.log(`${i.incident_id}  ${i.status}  ${i.severity}  ${i.title}`);
  if (i.runbook !== null) console.log(`runbook: ${i.runbook.slug} (${i.runbook.title})`);
  if (i.entities.length > 0) console.log(`affects: ${i.entities.map((e) => e.entity_id).join(', ')}`);
  if (i.resolution !== null) console.log(`resolution: ${i.resolution}`);
  for (const e of i.timeline) {
    const what = typeof e.details.note === 'string' ? e.details.note : (e.rationale ?? '');
    console.log(`  ${e.at}  ${e.actor}  ${e.transition} -> ${e.to_state}${what === '' ? '' : `  ${what}`}`);
  }
  return 0;
}

function print(value: unknown): number {
  console.log(JSON.stringify(value, null, 2));
  return 0;
}
