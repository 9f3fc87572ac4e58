import { parse, stringify } from 'yaml';

// Prometheus recording and alerting rules generated from the SLO file (deploy/observability/slos.yaml).

export interface BurnWindow {
  long: string;
  short: string;
  burn: number;
}

export interface Slo {
  name: string;
  description: string;
  /** Fraction of events that must be good, e.g. 0.999; 1 means every event (no budget). */
  objective: number;
  window: string;
  /** Selector of the good events' counter, or of the bad events' (`bad`). */
  good?: string;
  bad?: string;
  total: string;
}

export interface SloFile {
  alerting: { page: BurnWindow[]; ticket: BurnWindow[] };
  slos: Slo[];
}

export interface Rule {
  record?: string;
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const DURATION = /^[0-9]+[smhdw]$/;
const NAME = /^[a-z][a-z0-9-]*$/;

/** Reads and checks the SLO file; every problem is named. */
export function parseSloFile(text: string): SloFile {
  const doc = parse(text) as SloFile;
  const problems: string[] = [];
  for (const severity of ['page', 'ticket'] as const) {
    for (const w of doc.alerting?.[severity] ?? []) {
      if (!DURATION.test(w.long) || !DURATION.test(w.short) || !(w.burn > 0)) problems.push(`alerting.${severity}: ${JSON.stringify(w)} needs long, short durations and a positive burn`);
    }
  }
  const seen = new Set<string>();
  for (const slo of doc.slos ?? []) {
    if (!NAME.test(slo.name) || seen.has(slo.name)) problems.push(`slo ${slo.name}: the name must be unique, lower-case and dashed`);
    seen.add(slo.name);
    if (!(slo.objective > 0 && slo.objective <= 1)) problems.push(`slo ${slo.name}: objective must be in (0, 1]`);
    if (!DURATION.test(slo.window)) problems.push(`slo ${slo.name}: window must be a duration such as 7d`);
    if ((slo.good === undefined) === (slo.bad === undefined)) problems.push(`slo ${slo.name}: give exactly one of good and bad`);
    if (typeof slo.total !== 'string') problems.push(`slo ${slo.name}: total is required`);
  }
  if (problems.length > 0) throw new Error(`invalid SLO file:\n  ${problems.join('\n  ')}`);
  return doc;
}

/** `decision-latency` → `DecisionLatency`. */
const pascal = (name: string): string => name.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
const errorRatio = (window: string) => `slo:sli_error:ratio_rate${window}`;
/** A float without representation noise (0.05 * 14.4 is 0.7200000000000001). */
const num = (x: number): string => String(Number(x.toPrecision(12)));

function errorRatioExpr(slo: Slo, window: string): string {
  const total = `sum(rate(${slo.total}[${window}]))`;
  // No bad event yet means no bad series at all: counted as zero, not as no data.
  return slo.bad !== undefined ? `(sum(rate(${slo.bad}[${window}])) or vector(0)) / ${total}` : `1 - (sum(rate(${slo.good!}[${window}])) / ${total})`;
}

function burnAlert(slo: Slo, severity: 'page' | 'ticket', windows: BurnWindow[]): Rule {
  const budget = 1 - slo.objective;
  const sel = `{slo="${slo.name}"}`;
  const expr = windows
    .map((w) => `(${errorRatio(w.long)}${sel} > ${num(w.burn * budget)} and ${errorRatio(w.short)}${sel} > ${num(w.burn * budget)})`)
    .join('\nor\n');
  const name = `${pascal(slo.name)}BudgetBurn${severity === 'page' ? 'Fast' : 'Slow'}`;
  return {
    alert: name,
    expr,
    labels: { severity, slo: slo.name },
    annotations: {
      summary: `${slo.name}: the ${slo.window} error budget of ${num(budget * 100)}% is burning ${severity === 'page' ? 'fast' : 'steadily'}`,
      runbook_url: `docs/runbooks/${name}.md`,
    },
  };
}

/** The recording and alerting rules of every SLO, as Prometheus rule groups. */
export function sloRuleGroups(file: SloFile): { groups: Array<{ name: string; rules: Rule[] }> } {
  const burnWindows = [...file.alerting.page, ...file.alerting.ticket];
  const recording: Rule[] = [];
  const alerts: Rule[] = [];
  for (const slo of file.slos) {
    const labels = { slo: slo.name };
    const windows = new Set<string>([...burnWindows.flatMap((w) => [w.short, w.long]), slo.window, '5m']);
    for (const w of windows) recording.push({ record: errorRatio(w), expr: errorRatioExpr(slo, w), labels });
    recording.push({ record: 'slo:objective:ratio', expr: `vector(${num(slo.objective)})`, labels });
    const overWindow = `${errorRatio(slo.window)}{slo="${slo.name}"}`;
    if (slo.objective < 1) {
      recording.push({ record: 'slo:error_budget_remaining:ratio', expr: `1 - ${overWindow} / ${num(1 - slo.objective)}`, labels });
      alerts.push(burnAlert(slo, 'page', file.alerting.page), burnAlert(slo, 'ticket', file.alerting.ticket));
    } else {
      // No budget: one bad event spends all of it.
      recording.push({ record: 'slo:error_budget_remaining:ratio', expr: `${overWindow} == bool 0`, labels });
      const name = `${pascal(slo.name)}Breached`;
      alerts.push({
        alert: name,
        expr: `${errorRatio('5m')}{slo="${slo.name}"} > 0`,
        labels: { severity: 'page', slo: slo.name },
        annotations: { summary: `${slo.name}: the objective of 100% is broken`, runbook_url: `docs/runbooks/${name}.md` },
      });
    }
  }
  return { groups: [{ name: 'companyos-slo-recording', rules: recording }, { name: 'companyos-slo-alerts', rules: alerts }] };
}

export const GENERATED_HEADER = '# Generated from slos.yaml by deploy/observability/generate.ts: edit that file, then regenerate.\n';

/** The text of rules.generated.yaml. */
export function renderSloRules(sloFileText: string): string {
  return GENERATED_HEADER + stringify(sloRuleGroups(parseSloFile(sloFileText)), { lineWidth: 0, aliasDuplicateObjects: false });
}
