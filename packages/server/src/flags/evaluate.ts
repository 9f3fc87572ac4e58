import { createHash } from 'node:crypto';
import type { FlagDefinition, FlagSetting, TargetingRule } from './flag-model.ts';

/** OpenFeature's standard reasons, plus VETOED: the tenant's policy bundle denies the feature. */
export type EvaluationReason = 'STATIC' | 'DEFAULT' | 'TARGETING_MATCH' | 'SPLIT' | 'DISABLED' | 'VETOED' | 'ERROR';

export interface Evaluation {
  flag_id: string;
  value: unknown;
  variant: string | null;
  reason: EvaluationReason;
  /** Where the answer came from, or why it is an error. */
  detail: string;
  error_code?: 'FLAG_NOT_FOUND' | 'TYPE_MISMATCH';
}

export interface EvaluationInput {
  tenantId: string;
  /** The stable key percentage rollouts hash on (usually the subject id). */
  targetingKey: string | undefined;
  subject: Record<string, unknown>;
  context: Record<string, unknown>;
  /** The tenant's runtime setting, when it has one (replaces the seeded override). */
  setting: FlagSetting | undefined;
  /** Set when the tenant's policy bundle denies the feature: the reason. */
  veto: string | undefined;
}

/** A number in [0, 100) fixed for (flag, tenant, key): the same subject stays in or out as the percentage grows. */
export function rolloutBucket(flagId: string, tenantId: string, key: string): number {
  const digest = createHash('sha256').update(`${flagId}\u0000${tenantId}\u0000${key}`).digest();
  return (digest.readUInt32BE(0) % 10_000) / 100;
}

function attributeValue(path: string, input: EvaluationInput): unknown {
  const [root, ...rest] = path.split('.');
  let value: unknown = root === 'subject' ? input.subject : input.context;
  for (const part of rest) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

function ruleMatches(rule: TargetingRule, input: EvaluationInput): boolean {
  const actual = attributeValue(rule.attribute, input);
  // A list attribute (such as roles) matches when any of its items is listed.
  const items = Array.isArray(actual) ? actual : actual === undefined ? [] : [actual];
  const hit = items.some((item) => rule.values.some((v) => v === item));
  return rule.op === 'in' ? hit : !hit;
}

const served = (def: FlagDefinition, variant: string, reason: EvaluationReason, detail: string): Evaluation => ({
  flag_id: def.flag_id,
  value: def.variants[variant],
  variant,
  reason,
  detail,
});

/**
 * Decides one flag for one tenant and subject. In order: the bundle veto, the tenant's switch,
 * targeting rules (tenant's, then the definition's), the percentage rollout, the tenant's
 * variant, the default.
 */
export function evaluateFlag(def: FlagDefinition, input: EvaluationInput): Evaluation {
  if (input.veto !== undefined) return served(def, def.off_variant, 'VETOED', input.veto);
  const seeded = def.per_tenant_overrides?.[input.tenantId];
  const setting = input.setting ?? seeded;
  const source = input.setting !== undefined ? 'tenant setting' : 'seeded tenant override';
  if (setting?.enabled === false) return served(def, def.off_variant, 'DISABLED', `disabled by the ${source}`);

  const rules = [...(setting?.targeting ?? []), ...(def.targeting ?? [])];
  const rule = rules.find((r) => ruleMatches(r, input));
  if (rule !== undefined) return served(def, rule.variant, 'TARGETING_MATCH', `${rule.attribute} ${rule.op} [${rule.values.join(', ')}]`);

  const rollout = setting?.rollout ?? def.rollout;
  if (rollout !== undefined && input.targetingKey !== undefined && rolloutBucket(def.flag_id, input.tenantId, input.targetingKey) < rollout.percent) {
    return served(def, rollout.variant, 'SPLIT', `in the ${rollout.percent}% rollout of ${rollout.variant}`);
  }
  if (setting?.variant !== undefined) return served(def, setting.variant, 'STATIC', `the ${source}`);
  return served(def, def.default_variant, 'DEFAULT', 'the definition default');
}
