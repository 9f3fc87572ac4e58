import { currentTenantId } from '../../context.ts';
import type { Statement } from '../../db/statement.ts';
import { entityStatement, entityWithLinksStatements, type MirroredEntity } from '../../graph/mirror.ts';
import type { Contract, Lead, Opportunity, Quote } from './deal-store.ts';

// The deal desk's objects in the entity graph, written by the storage functions in the same
// transaction (and round trip) as the objects. Ids are the receipts' targets; migration 0017
// backfilled the rest. A new object brings its edges; a later step on it refreshes the entity
// alone (its edges do not change).

const SOURCE = 'revops';
const subject = (id: string): string => `subject:${id}`;
export const contractTarget = (id: string): string => `revops-contract:${id}`;
export const quoteApprovalId = (quoteId: string, seq: number): string => `revops-approval:${quoteId}:${seq}`;

/** A Lead, OWNED by the account executive it was routed to. */
export function leadGraph(l: Omit<Lead, 'opportunity_id'>): Statement[] {
  const id = `revops-lead:${l.lead_id}`;
  const properties = { lead_id: l.lead_id, company: l.company, segment: l.segment, region: l.region, team: l.team, status: l.status, estimated_value_minor: l.estimated_value_minor, currency: l.currency };
  return entityWithLinksStatements({ entity_id: id, type: 'Lead', properties, owner: l.owner, source: SOURCE }, [{ from_id: subject(l.owner), type: 'OWNS', to_id: id }], new Date(l.created_at));
}

const opportunityEntity = (o: Opportunity): MirroredEntity => ({
  entity_id: `revops-opportunity:${o.opportunity_id}`,
  type: 'Opportunity',
  properties: { opportunity_id: o.opportunity_id, name: o.name, team: o.team, stage: o.stage, amount_minor: o.amount_minor, currency: o.currency },
  owner: o.owner,
  source: SOURCE,
});

/** A new Opportunity, TRIGGERED by its lead and OWNED by its executive. */
export function opportunityGraph(o: Opportunity): Statement[] {
  const e = opportunityEntity(o);
  const links = [
    { from_id: `revops-lead:${o.lead_id}`, type: 'TRIGGERS', to_id: e.entity_id },
    { from_id: subject(o.owner), type: 'OWNS', to_id: e.entity_id },
  ];
  return entityWithLinksStatements(e, links, new Date(o.updated_at));
}

/** An Opportunity whose stage moved: the only property of it that changes once it is written. */
export const opportunityStageRefresh = (opportunityId: string, stage: Opportunity['stage'], at: Date): Statement => ({
  sql: `UPDATE entities SET properties = properties || jsonb_build_object('stage', $3::text), updated_at = $4 WHERE tenant_id = $1 AND entity_id = $2`,
  params: [currentTenantId(), `revops-opportunity:${opportunityId}`, stage, at.toISOString()],
});

const quoteEntity = (q: Quote): MirroredEntity => ({
  entity_id: `revops-quote:${q.quote_id}`,
  type: 'Quote',
  properties: { quote_id: q.quote_id, status: q.status, version: q.version, discount_bp: q.discount_bp, total_minor: q.total_minor, currency: q.currency, valid_until: q.valid_until },
  owner: q.owner,
  source: SOURCE,
});

/** A new Quote, which its opportunity OWNS. */
export function quoteGraph(q: Quote): Statement[] {
  const e = quoteEntity(q);
  return entityWithLinksStatements(e, [{ from_id: `revops-opportunity:${q.opportunity_id}`, type: 'OWNS', to_id: e.entity_id }], new Date(q.updated_at));
}

/** A Quote after a step: its status, version and totals. */
export const quoteRefresh = (q: Quote): Statement => entityStatement(quoteEntity(q), new Date(q.updated_at));

/** The ContractStub an activated quote TRIGGERS. */
export function contractGraph(c: Contract): Statement[] {
  const id = contractTarget(c.contract_id);
  const properties = { contract_id: c.contract_id, quote_id: c.quote_id, effective_date: c.effective_date, term_months: c.term_months, amount_minor: c.amount_minor, currency: c.currency };
  return entityWithLinksStatements({ entity_id: id, type: 'ContractStub', properties, owner: c.created_by, source: SOURCE }, [{ from_id: `revops-quote:${c.quote_id}`, type: 'TRIGGERS', to_id: id }], new Date(c.created_at));
}

/** An approval of a quote: an Approval that APPROVED the quote and was DECIDED_BY its approver. */
export function quoteApprovalGraph(quoteId: string, seq: number, e: { at: string; actor: string; rationale: string | null }): Statement[] {
  const id = quoteApprovalId(quoteId, seq);
  return entityWithLinksStatements(
    { entity_id: id, type: 'Approval', properties: { quote_id: quoteId, approver: e.actor, rationale: e.rationale }, owner: e.actor, source: SOURCE },
    [
      { from_id: id, type: 'APPROVED', to_id: `revops-quote:${quoteId}` },
      { from_id: id, type: 'DECIDED_BY', to_id: subject(e.actor) },
    ],
    new Date(e.at),
  );
}
