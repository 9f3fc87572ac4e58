import type { FastifyInstance } from 'fastify';

/** One sample of an exposition: its name, labels and value (an exemplar, if any, is kept apart). */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
  exemplar?: Record<string, string>;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*?)\})? (\S+)(?: # \{(.*?)\} .*)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

const labelsOf = (raw: string | undefined): Record<string, string> => Object.fromEntries([...(raw ?? '').matchAll(LABEL)].map((m) => [m[1]!, m[2]!]));

/** Parses Prometheus or OpenMetrics text into samples. */
export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = LINE.exec(line);
    if (m === null) throw new Error(`not an exposition line: ${line}`);
    samples.push({ name: m[1]!, labels: labelsOf(m[2]), value: Number(m[3]), ...(m[4] !== undefined ? { exemplar: labelsOf(m[4]) } : {}) });
  }
  return samples;
}

/** A scrape of the app's /metrics, with look-ups by name and labels (a subset must match). */
export async function scrape(app: FastifyInstance) {
  const res = await app.inject({ method: 'GET', url: '/metrics' });
  if (res.statusCode !== 200) throw new Error(`/metrics answered ${res.statusCode}`);
  const samples = parseExposition(res.body);
  const matching = (name: string, labels: Record<string, string> = {}) =>
    samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return {
    text: res.body,
    contentType: String(res.headers['content-type']),
    samples,
    matching,
    /** The sum of the matching samples' values (0 when none match). */
    value: (name: string, labels: Record<string, string> = {}) => matching(name, labels).reduce((sum, s) => sum + s.value, 0),
  };
}
