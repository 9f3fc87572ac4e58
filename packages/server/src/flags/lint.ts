import type { FlagDefinition } from './flag-model.ts';

export const EXPIRY_WARNING_DAYS = 14;
export const STALE_AFTER_DAYS = 30;
const DAY_MS = 86_400_000;

export interface FlagLintReport {
  /** Flags past their expiry: the lint fails. */
  errors: string[];
  /** Flags expiring within EXPIRY_WARNING_DAYS. */
  warnings: string[];
  /** Flags not evaluated for STALE_AFTER_DAYS (only when usage is known). */
  stale: string[];
}

/**
 * Flag hygiene: a flag past its expiry is an error (remove it and its code paths), one close to
 * it a warning, and one nobody evaluated for a month a candidate for removal. `usage` maps flag
 * ids to their last evaluation (null: never); without it, staleness is not judged.
 */
export function lintFlags(definitions: Iterable<FlagDefinition>, now: Date, usage?: Map<string, string | null>): FlagLintReport {
  const report: FlagLintReport = { errors: [], warnings: [], stale: [] };
  for (const def of definitions) {
    if (def.expires_at !== undefined) {
      const left = new Date(def.expires_at).getTime() - now.getTime();
      if (left <= 0) report.errors.push(`${def.flag_id} (${def.kind}, owner ${def.owner}) expired on ${def.expires_at}: remove the flag and the code paths it guards`);
      else if (left <= EXPIRY_WARNING_DAYS * DAY_MS) report.warnings.push(`${def.flag_id} (${def.kind}, owner ${def.owner}) expires in ${Math.ceil(left / DAY_MS)} day(s), on ${def.expires_at}`);
    }
    if (usage !== undefined) {
      const last = usage.get(def.flag_id) ?? null;
      if (last === null) report.stale.push(`${def.flag_id}: never evaluated`);
      else if (now.getTime() - new Date(last).getTime() > STALE_AFTER_DAYS * DAY_MS) report.stale.push(`${def.flag_id}: last evaluated ${last}`);
    }
  }
  return report;
}
