import { mirrorEntity, mirrorLink } from '../../graph/mirror.ts';
import type { Contract, Lead, Opportunity, Quote } from './deal-store.ts';

// The deal desk's objects in the entity graph, written by the storage functions in the same
// transaction as the objects. Ids are the receipts' targets; migration 0017 backfilled the rest.

const SOURCE = 'revops';
const subject = (id: string): string => `subject:${id}`;
export const contractTarget = (id: string): string => `revops-contract:${id}`;
export const quoteApprovalId = (quoteId: string, seq: number): string => `revops-approval:${quoteId}:${seq}`;

/** A Lead, OWNED by the account executive it was routed to. */
export async function mirrorLead(l: Omit<Lead, 'opportunity_id'>): Promise<void> {
  const at = new Date(l.created_at);
  const id = `revops-lead:${l.lead_id}`;
  const properties = { lead_id: l.lead_id, company: l.company, segment: l.segment, region: l.region, team: l.team, status: l.status, estimated_value_minor: l.estimated_value_minor, currency: l.currency };
  await mirrorEntity({ entity_id: id, type: 'Lead', properties, owner: l.owner, source: SOURCE }, at);
  await mirrorLink(subject(l.owner), 'OWNS', id, SOURCE, at);
}

/** An Opportunity, TRIGGERED by its lead and OWNED by its executive (refreshed when its stage moves). */
export async function mirrorOpportunity(o: Opportunity): Promise<void> {
  const at = new Date(o.updated_at);
  const id = `revops-opportunity:${o.opportunity_id}`;
  const properties = { opportunity_id: o.opportunity_id, name: o.name, team: o.team, stage: o.stage, amount_minor: o.amount_minor, currency: o.currency };
  await mirrorEntity({ entity_id: id, type: 'Opportunity', properties, owner: o.owner, source: SOURCE }, at);
  await mirrorLink(`revops-lead:${o.lead_id}`, 'TRIGGERS', id, SOURCE, at);
  await mirrorLink(subject(o.owner), 'OWNS', id, SOURCE, at);
}

/** A Quote, which its opportunity OWNS (refreshed on every step: status, version and totals). */
export async function mirrorQuote(q: Quote): Promise<void> {
  const at = new Date(q.updated_at);
  const id = `revops-quote:${q.quote_id}`;
  const properties = { quote_id: q.quote_id, status: q.status, version: q.version, discount_bp: q.discount_bp, total_minor: q.total_minor, currency: q.currency, valid_until: q.valid_until };
  await mirrorEntity({ entity_id: id, type: 'Quote', properties, owner: q.owner, source: SOURCE }, at);
  await mirrorLink(`revops-opportunity:${q.opportunity_id}`, 'OWNS', id, SOURCE, at);
}

/** The ContractStub an activated quote TRIGGERS. */
export async function mirrorContract(c: Contract): Promise<void> {
  const at = new Date(c.created_at);
  const id = contractTarget(c.contract_id);
  const properties = { contract_id: c.contract_id, quote_id: c.quote_id, effective_date: c.effective_date, term_months: c.term_months, amount_minor: c.amount_minor, currency: c.currency };
  await mirrorEntity({ entity_id: id, type: 'ContractStub', properties, owner: c.created_by, source: SOURCE }, at);
  await mirrorLink(`revops-quote:${c.quote_id}`, 'TRIGGERS', id, SOURCE, at);
}

/** An approval of a quote: an Approval that APPROVED the quote and was DECIDED_BY its approver. */
export async function mirrorQuoteApproval(quoteId: string, seq: number, e: { at: string; actor: string; rationale: string | null }): Promise<void> {
  const at = new Date(e.at);
  const id = quoteApprovalId(quoteId, seq);
  await mirrorEntity({ entity_id: id, type: 'Approval', properties: { quote_id: quoteId, approver: e.actor, rationale: e.rationale }, owner: e.actor, source: SOURCE }, at);
  await mirrorLink(id, 'APPROVED', `revops-quote:${quoteId}`, SOURCE, at);
  await mirrorLink(id, 'DECIDED_BY', subject(e.actor), SOURCE, at);
}
