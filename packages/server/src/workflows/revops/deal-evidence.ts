import { workflowPack, type WorkflowPack } from '../shared/workflow-evidence.ts';
import { contractOfQuote, getLead, leadTarget, listQuotes, opportunityTarget, quoteHistory, quoteTarget, type Contract, type Lead, type Opportunity, type Quote } from './deal-store.ts';
import { quoteStepAction } from './quote-machine.ts';

// A deal is an opportunity with everything around it: the lead it came from, its quotes (every
// version, every approval with its rationale) and the contracts they became.

export interface DealHistoryEntry {
  at: string;
  actor: string;
  step: string;
  quote_id: string | null;
  from_state: string | null;
  to_state: string | null;
  rationale: string | null;
  details: Record<string, unknown>;
}

export interface Deal {
  lead: Lead;
  quotes: Quote[];
  contracts: Contract[];
  history: DealHistoryEntry[];
}

const MAX_QUOTES = 1000;

export async function dealOfOpportunity(o: Opportunity): Promise<Deal> {
  const lead = (await getLead(o.lead_id))!;
  const quotes = (await listQuotes({ opportunity_id: o.opportunity_id, limit: MAX_QUOTES })).reverse();
  const contracts: Contract[] = [];
  const history: DealHistoryEntry[] = [
    { at: lead.created_at, actor: lead.created_by, step: 'route', quote_id: null, from_state: null, to_state: lead.status, rationale: null, details: { team: lead.team, owner: lead.owner, rule_id: lead.rule_id } },
    { at: o.created_at, actor: lead.created_by, step: 'promote', quote_id: null, from_state: null, to_state: 'open', rationale: null, details: { team: o.team, owner: o.owner } },
  ];
  for (const q of quotes) {
    for (const h of await quoteHistory.list(q.quote_id)) {
      history.push({ at: h.at, actor: h.actor, step: h.transition, quote_id: q.quote_id, from_state: h.from_state, to_state: h.to_state, rationale: h.rationale, details: h.details });
    }
    const c = await contractOfQuote(q.quote_id);
    if (c !== undefined) contracts.push(c);
  }
  history.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { lead, quotes, contracts, history };
}

/** Writes the deal's pack, dated `now`, signed with the tenant's key. Its records are the deal's steps only, so they do not change with reads. */
export async function dealPack(o: Opportunity, now: Date): Promise<WorkflowPack> {
  const deal = await dealOfOpportunity(o);
  const steps = new Set(['revops.lead.create', ...deal.history.filter((h) => h.quote_id !== null).map((h) => quoteStepAction(h.step as never))]);
  const targets = [leadTarget(o.lead_id), opportunityTarget(o.opportunity_id), ...deal.quotes.map((q) => quoteTarget(q.quote_id))];
  return workflowPack({ targets, stepActions: steps, since: deal.lead.created_at, stepsOnly: true }, now);
}
