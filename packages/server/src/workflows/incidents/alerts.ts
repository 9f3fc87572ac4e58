import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from '../../http/schema.ts';
import type { AlertRef, Severity } from './incident-store.ts';

// What an alert tells an incident: accepted as an Alertmanager webhook payload (version 4) or as
// a short body naming the alert. Either becomes one alert reference with a key: a repeat of the
// same alert (same name and grouping labels) joins the incident it opened while that is unresolved.

const Labels = Type.Record(Type.String({ maxLength: 200 }), Type.String({ maxLength: 2000 }), { maxProperties: 64 });
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const SeverityEnum = StringEnum(SEVERITIES);

export const SimpleAlert = Type.Object(
  {
    alert: Type.String({ minLength: 1, maxLength: 200, description: 'the alert name' }),
    severity: Type.Optional(SeverityEnum),
    summary: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    runbook: Type.Optional(Type.String({ maxLength: 63, description: 'a runbook slug' })),
    labels: Type.Optional(Labels),
  },
  { additionalProperties: false },
);

const AlertmanagerAlert = Type.Object({
  status: Type.Optional(StringEnum(['firing', 'resolved'])),
  labels: Labels,
  annotations: Type.Optional(Labels),
  startsAt: Type.Optional(Type.String({ maxLength: 64 })),
  fingerprint: Type.Optional(Type.String({ maxLength: 64 })),
});

// Alertmanager sends more fields (receiver, externalURL, ...) than are read here; they are allowed.
export const AlertmanagerPayload = Type.Object({
  version: Type.String({ maxLength: 8 }),
  status: StringEnum(['firing', 'resolved']),
  groupLabels: Type.Optional(Labels),
  commonLabels: Type.Optional(Labels),
  commonAnnotations: Type.Optional(Labels),
  alerts: Type.Array(AlertmanagerAlert, { minItems: 1, maxItems: 500 }),
});

export const AlertInput = Type.Union([SimpleAlert, AlertmanagerPayload]);
export type AlertInput = Static<typeof AlertInput>;

export interface ReadAlert {
  ref: AlertRef;
  key: string;
  firing: boolean;
  title: string;
  severity: Severity;
  /** The runbook the alert names (its `runbook` annotation, or the file name of its `runbook_url`), if any. */
  runbookSlug: string | null;
}

// Alerting setups speak of warnings and pages; incidents of four severities.
const SEVERITY_OF: Record<string, Severity> = { critical: 'critical', page: 'critical', high: 'high', error: 'high', warning: 'medium', medium: 'medium', low: 'low', info: 'low' };

/** `DecisionLatencyBudgetBurnFast` or `docs/runbooks/Decision_Latency.md` as a slug: `decision-latency-budget-burn-fast`. */
export function slugOf(name: string): string | null {
  const base = (name.split(/[/#?]/).filter((s) => s !== '').pop() ?? '').replace(/\.md$/i, '');
  const slug = base
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 63);
  return /^[a-z0-9][a-z0-9-]*$/.test(slug) ? slug : null;
}

function keyOf(name: string, labels: Record<string, string>): string {
  const sorted = Object.keys(labels)
    .filter((k) => k !== 'alertname' && k !== 'severity')
    .sort()
    .map((k) => `${k}=${labels[k]}`);
  return [name, ...sorted].join(',').slice(0, 1000);
}

export function readAlert(input: AlertInput): ReadAlert {
  if ('alert' in input) {
    const labels = input.labels ?? {};
    return {
      ref: { name: input.alert, labels, annotations: input.summary !== undefined ? { summary: input.summary } : {} },
      key: keyOf(input.alert, labels),
      firing: true,
      title: input.summary ?? input.alert,
      severity: input.severity ?? SEVERITY_OF[labels.severity ?? ''] ?? 'medium',
      runbookSlug: input.runbook !== undefined ? slugOf(input.runbook) : null,
    };
  }
  const first = input.alerts.find((a) => (a.status ?? input.status) === 'firing') ?? input.alerts[0]!;
  const labels = { ...input.commonLabels, ...first.labels };
  const annotations = { ...input.commonAnnotations, ...first.annotations };
  const name = labels.alertname ?? 'unnamed alert';
  const runbook = annotations.runbook ?? annotations.runbook_url;
  return {
    ref: { name, labels, annotations },
    key: keyOf(name, input.groupLabels ?? labels),
    firing: input.status === 'firing',
    title: annotations.summary ?? name,
    severity: SEVERITY_OF[labels.severity ?? ''] ?? 'medium',
    runbookSlug: runbook !== undefined ? slugOf(runbook) : null,
  };
}
