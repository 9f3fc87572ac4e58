import { currentTenantId, currentTx } from '../../context.ts';

// Lead routing, stored per tenant as data: a rule matches a segment and a region (null: any), the
// matching rule with the lowest priority wins, and its team's members take turns, in proportion
// to their weights. The rule counts its turns, so who is next is deterministic and survives restarts.

export interface RoutingMember {
  subject_id: string;
  weight: number;
}

export interface RoutingRule {
  rule_id: string;
  priority: number;
  segment: string | null;
  region: string | null;
  team: string;
  strategy: 'round_robin' | 'weighted';
  members: RoutingMember[];
}

export interface Route {
  rule_id: string;
  team: string;
  owner: string;
}

const COLUMNS = 'rule_id, priority, segment, region, team, strategy, members';

/** Who takes turn number `turn` (0-based) of a rule: round robin ignores weights. */
export function memberForTurn(rule: Pick<RoutingRule, 'strategy' | 'members'>, turn: number): string {
  const weights = rule.members.map((m) => (rule.strategy === 'weighted' ? m.weight : 1));
  let slot = turn % weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) {
    if (slot < weights[i]!) return rule.members[i]!.subject_id;
    slot -= weights[i]!;
  }
  return rule.members[0]!.subject_id;
}

export async function listRoutingRules(): Promise<RoutingRule[]> {
  return currentTx().query<RoutingRule>(`SELECT ${COLUMNS} FROM revops_routing_rules WHERE tenant_id = $1 ORDER BY priority, rule_id`, [currentTenantId()]);
}

/** Adds the rules that do not exist yet (by id); existing ones are left as they are. */
export async function insertRoutingRules(rules: RoutingRule[]): Promise<void> {
  for (const r of rules) {
    await currentTx().query(
      `INSERT INTO revops_routing_rules (tenant_id, rule_id, priority, segment, region, team, strategy, members) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (tenant_id, rule_id) DO NOTHING`,
      [currentTenantId(), r.rule_id, r.priority, r.segment, r.region, r.team, r.strategy, JSON.stringify(r.members)],
    );
  }
}

/** Replaces a rule's match, team and members (its turn count is kept), or adds it. */
export async function upsertRoutingRule(r: RoutingRule): Promise<void> {
  await currentTx().query(
    `INSERT INTO revops_routing_rules (tenant_id, rule_id, priority, segment, region, team, strategy, members) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (tenant_id, rule_id) DO UPDATE SET priority = $3, segment = $4, region = $5, team = $6, strategy = $7, members = $8`,
    [currentTenantId(), r.rule_id, r.priority, r.segment, r.region, r.team, r.strategy, JSON.stringify(r.members)],
  );
}

/**
 * Routes a lead: the first matching rule, locked, takes its next turn. Undefined when no rule
 * matches (a tenant without a catch-all rule).
 */
export async function routeLead(segment: string, region: string): Promise<Route | undefined> {
  // One statement: the rule is locked by the subquery, so concurrent leads take turns in order.
  const rows = await currentTx().query<Pick<RoutingRule, 'rule_id' | 'team' | 'strategy' | 'members'> & { turn: string | number }>(
    `UPDATE revops_routing_rules r SET turns = r.turns + 1
     FROM (SELECT rule_id FROM revops_routing_rules
           WHERE tenant_id = $1 AND (segment IS NULL OR segment = $2) AND (region IS NULL OR region = $3)
           ORDER BY priority, rule_id LIMIT 1 FOR UPDATE) m
     WHERE r.tenant_id = $1 AND r.rule_id = m.rule_id
     RETURNING r.rule_id, r.team, r.strategy, r.members, r.turns - 1 AS turn`,
    [currentTenantId(), segment, region],
  );
  const rule = rows[0];
  if (rule === undefined) return undefined;
  return { rule_id: rule.rule_id, team: rule.team, owner: memberForTurn(rule, Number(rule.turn)) };
}

/** The rules a demo tenant starts with: enterprise leads to the enterprise team, the rest by region. */
export const DEMO_ROUTING_RULES: RoutingRule[] = [
  { rule_id: 'enterprise', priority: 10, segment: 'enterprise', region: null, team: 'enterprise', strategy: 'weighted', members: [{ subject_id: 'user-ae', weight: 1 }] },
  { rule_id: 'mid-market-eu', priority: 20, segment: 'mid_market', region: 'eu', team: 'emea-mid-market', strategy: 'round_robin', members: [{ subject_id: 'user-ae', weight: 1 }] },
  { rule_id: 'mid-market-us', priority: 30, segment: 'mid_market', region: 'us', team: 'na-mid-market', strategy: 'round_robin', members: [{ subject_id: 'user-ae', weight: 1 }] },
  { rule_id: 'inside-sales', priority: 100, segment: null, region: null, team: 'inside-sales', strategy: 'round_robin', members: [{ subject_id: 'user-ae', weight: 1 }] },
];
