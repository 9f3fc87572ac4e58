import type { Bundle } from '../../policy/bundle.ts';
import { evaluating } from '../../policy/draft-eval.ts';
import { policyRuntime } from '../../policy/policy-runtime.ts';
import { listQuotes, quoteHistory, type Quote } from './deal-store.ts';
import { asDiscountDecision, DISCOUNT_RULE, discountInput } from './discount-policy.ts';
import { OPEN_STATES } from './quote-machine.ts';
import { currentApprovals, requesterOf } from './quote-service.ts';

// Which open quotes a change of the discount policy would re-route: the approvals each needs, and
// whether its executive approves it alone, under the bundle in force and under the candidate.

export interface Routing {
  required_approvals: string[];
  self_approved: boolean;
}

export interface QuoteImpact {
  quote_id: string;
  status: Quote['status'];
  owner: string;
  discount_bp: number;
  total_minor: number;
  currency: string;
  from: Routing;
  to: Routing;
}

/** How many open quotes of each state are looked at, at most. */
const MAX_PER_STATE = 1000;

export async function rerouted(tenantId: string, from: Bundle, to: Bundle): Promise<QuoteImpact[]> {
  const { engine } = policyRuntime();
  const before = engine.policy(tenantId, from);
  const after = engine.policy(tenantId, to);
  const routing = (d: ReturnType<typeof asDiscountDecision>): Routing => ({ required_approvals: d.required_approvals, self_approved: d.self_approved });
  const impacts: QuoteImpact[] = [];
  for (const status of OPEN_STATES) {
    for (const q of await listQuotes({ status, limit: MAX_PER_STATE })) {
      const history = await quoteHistory.list(q.quote_id);
      const input = discountInput(q, requesterOf(q, history), currentApprovals(history));
      const a = routing(asDiscountDecision(evaluating(() => before.evaluate(DISCOUNT_RULE, input))));
      const b = routing(asDiscountDecision(evaluating(() => after.evaluate(DISCOUNT_RULE, input))));
      if (a.self_approved === b.self_approved && a.required_approvals.join() === b.required_approvals.join()) continue;
      impacts.push({ quote_id: q.quote_id, status: q.status, owner: q.owner, discount_bp: q.discount_bp, total_minor: q.total_minor, currency: q.currency, from: a, to: b });
    }
  }
  return impacts.sort((x, y) => (x.quote_id < y.quote_id ? -1 : 1));
}
