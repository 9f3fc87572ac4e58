import { currentTenantId, currentTx } from '../../context.ts';
import { runBatch, type Statement } from '../../db/statement.ts';
import { workflowHistory, type HistoryEntry, type StoredEntry } from '../shared/history.ts';
import { contractGraph, leadGraph, opportunityGraph, quoteGraph, quoteRefresh, opportunityStageRefresh } from './deal-graph.ts';
import type { QuoteLine } from './money.ts';
import { quoteStepAction, type QuoteState, type QuoteStep } from './quote-machine.ts';
import { olderThan } from '../../db/keyset.ts';

// The current tenant's leads, opportunities, quotes (with their append-only history) and contracts.

export interface Lead {
  lead_id: string;
  company: string;
  contact: { name: string; email: string };
  segment: string;
  region: string;
  estimated_value_minor: number;
  currency: string;
  team: string;
  owner: string;
  rule_id: string;
  status: 'routed' | 'promoted';
  opportunity_id: string | null;
  created_by: string;
  created_at: string;
}

export interface Opportunity {
  opportunity_id: string;
  lead_id: string;
  name: string;
  segment: string;
  region: string;
  team: string;
  owner: string;
  amount_minor: number;
  currency: string;
  stage: 'open' | 'won' | 'lost';
  created_at: string;
  updated_at: string;
}

export interface QuoteTerms {
  term_months: number;
  payment_terms: string;
  valid_days: number;
}

export interface Quote {
  quote_id: string;
  opportunity_id: string;
  owner: string;
  version: number;
  status: QuoteState;
  currency: string;
  lines: QuoteLine[];
  discount_bp: number;
  terms: QuoteTerms;
  subtotal_minor: number;
  discount_minor: number;
  total_minor: number;
  required_roles: string[];
  valid_until: string;
  created_at: string;
  updated_at: string;
}

export interface Contract {
  contract_id: string;
  quote_id: string;
  opportunity_id: string;
  quote_version: number;
  effective_date: string;
  term_months: number;
  amount_minor: number;
  currency: string;
  created_by: string;
  created_at: string;
}

export type QuoteHistoryEntry = HistoryEntry<QuoteStep, QuoteState>;

const iso = (v: Date | string): string => new Date(v).toISOString();
/** A bigint column as a number: amounts are bounded to safe integers when written. */
const int = (v: string | number | bigint): number => Number(v);

export const leadTarget = (id: string): string => `revops-lead:${id}`;
export const opportunityTarget = (id: string): string => `revops-opportunity:${id}`;
export const quoteTarget = (id: string): string => `revops-quote:${id}`;

// ---- leads ----

const LEAD_COLUMNS = `l.lead_id, l.company, l.contact, l.segment, l.region, l.estimated_value_minor, l.currency, l.team, l.owner, l.rule_id, l.status,
  (SELECT o.opportunity_id FROM revops_opportunities o WHERE o.tenant_id = l.tenant_id AND o.lead_id = l.lead_id) AS opportunity_id, l.created_by, l.created_at`;

type Row<T> = { [K in keyof T]: unknown };
const toLead = (r: Row<Lead>): Lead =>
  ({ ...r, lead_id: String(r.lead_id), opportunity_id: r.opportunity_id === null ? null : String(r.opportunity_id), estimated_value_minor: int(r.estimated_value_minor as string), created_at: iso(r.created_at as string) }) as Lead;

/** The writes of a lead and its graph entity, for one batch with its audit event. */
export function leadInsertStatements(l: Omit<Lead, 'opportunity_id'>): Statement[] {
  return [
    {
      sql: `INSERT INTO revops_leads (tenant_id, lead_id, company, contact, segment, region, estimated_value_minor, currency, team, owner, rule_id, status, created_by, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      params: [currentTenantId(), l.lead_id, l.company, JSON.stringify(l.contact), l.segment, l.region, l.estimated_value_minor, l.currency, l.team, l.owner, l.rule_id, l.status, l.created_by, l.created_at],
    },
    ...leadGraph(l),
  ];
}

/** Writes a lead with its graph entity (one round trip). */
export const insertLead = (l: Omit<Lead, 'opportunity_id'>): Promise<void> => runBatch(leadInsertStatements(l));

export async function getLead(leadId: string): Promise<Lead | undefined> {
  const rows = await currentTx().query<Row<Lead>>(`SELECT ${LEAD_COLUMNS} FROM revops_leads l WHERE l.tenant_id = $1 AND l.lead_id = $2`, [currentTenantId(), leadId]);
  return rows[0] === undefined ? undefined : toLead(rows[0]);
}

export interface LeadFilters {
  /** The last id of the page before. */
  before?: string | undefined;
  team?: string | undefined;
  owner?: string | undefined;
  segment?: string | undefined;
  status?: string | undefined;
  limit: number;
}

export async function listLeads(f: LeadFilters): Promise<Lead[]> {
  const rows = await currentTx().query<Row<Lead>>(
    `SELECT ${LEAD_COLUMNS} FROM revops_leads l WHERE l.tenant_id = $1
       AND ($2::text IS NULL OR l.team = $2) AND ($3::text IS NULL OR l.owner = $3) AND ($4::text IS NULL OR l.segment = $4) AND ($5::text IS NULL OR l.status = $5)
       AND ${olderThan('revops_leads', 'lead_id', 7)}
     ORDER BY l.created_at DESC, l.lead_id DESC LIMIT $6`,
    [currentTenantId(), f.team ?? null, f.owner ?? null, f.segment ?? null, f.status ?? null, f.limit, f.before ?? null],
  );
  return rows.map(toLead);
}

// ---- opportunities ----

const OPP_COLUMNS = 'opportunity_id, lead_id, name, segment, region, team, owner, amount_minor, currency, stage, created_at, updated_at';
const toOpportunity = (r: Row<Opportunity>): Opportunity =>
  ({ ...r, opportunity_id: String(r.opportunity_id), lead_id: String(r.lead_id), amount_minor: int(r.amount_minor as string), created_at: iso(r.created_at as string), updated_at: iso(r.updated_at as string) }) as Opportunity;

/** The writes of an opportunity and its graph entity, for one batch with its audit event (after its lead's batch: its edge from the lead checks that the lead's entity exists). */
export function opportunityInsertStatements(o: Opportunity): Statement[] {
  return [
    {
      sql: `INSERT INTO revops_opportunities (tenant_id, ${OPP_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      params: [currentTenantId(), o.opportunity_id, o.lead_id, o.name, o.segment, o.region, o.team, o.owner, o.amount_minor, o.currency, o.stage, o.created_at, o.updated_at],
    },
    ...opportunityGraph(o),
  ];
}

export async function getOpportunity(id: string, o: { lock?: boolean } = {}): Promise<Opportunity | undefined> {
  const rows = await currentTx().query<Row<Opportunity>>(
    `SELECT ${OPP_COLUMNS} FROM revops_opportunities WHERE tenant_id = $1 AND opportunity_id = $2${o.lock === true ? ' FOR UPDATE' : ''}`,
    [currentTenantId(), id],
  );
  return rows[0] === undefined ? undefined : toOpportunity(rows[0]);
}

export interface OpportunityFilters {
  /** The last id of the page before. */
  before?: string | undefined;
  team?: string | undefined;
  owner?: string | undefined;
  stage?: string | undefined;
  limit: number;
}

export async function listOpportunities(f: OpportunityFilters): Promise<Opportunity[]> {
  const rows = await currentTx().query<Row<Opportunity>>(
    `SELECT ${OPP_COLUMNS} FROM revops_opportunities WHERE tenant_id = $1
       AND ($2::text IS NULL OR team = $2) AND ($3::text IS NULL OR owner = $3) AND ($4::text IS NULL OR stage = $4)
       AND ${olderThan('revops_opportunities', 'opportunity_id', 6)}
     ORDER BY created_at DESC, opportunity_id DESC LIMIT $5`,
    [currentTenantId(), f.team ?? null, f.owner ?? null, f.stage ?? null, f.limit, f.before ?? null],
  );
  return rows.map(toOpportunity);
}

/** The writes that move an opportunity to a stage, with its graph entity, for the caller's batch. */
export function opportunityStageStatements(id: string, stage: Opportunity['stage'], at: Date): Statement[] {
  return [
    { sql: `UPDATE revops_opportunities SET stage = $3, updated_at = $4 WHERE tenant_id = $1 AND opportunity_id = $2`, params: [currentTenantId(), id, stage, at.toISOString()] },
    opportunityStageRefresh(id, stage, at),
  ];
}

// ---- quotes ----

const QUOTE_COLUMNS =
  'quote_id, opportunity_id, owner, version, status, currency, lines, discount_bp, terms, subtotal_minor, discount_minor, total_minor, required_roles, valid_until, created_at, updated_at';
const toQuote = (r: Row<Quote>): Quote =>
  ({
    ...r,
    quote_id: String(r.quote_id),
    opportunity_id: String(r.opportunity_id),
    subtotal_minor: int(r.subtotal_minor as string),
    discount_minor: int(r.discount_minor as string),
    total_minor: int(r.total_minor as string),
    valid_until: iso(r.valid_until as string),
    created_at: iso(r.created_at as string),
    updated_at: iso(r.updated_at as string),
  }) as Quote;

/** The writes of a new quote (computed by the caller, as it reads back) and its graph entity, for one batch with its first history entry. */
export function quoteInsertStatements(q: Quote): Statement[] {
  const row: Statement = {
    sql: `INSERT INTO revops_quotes (tenant_id, ${QUOTE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    params: [
      currentTenantId(),
      q.quote_id,
      q.opportunity_id,
      q.owner,
      q.version,
      q.status,
      q.currency,
      JSON.stringify(q.lines),
      q.discount_bp,
      JSON.stringify(q.terms),
      q.subtotal_minor,
      q.discount_minor,
      q.total_minor,
      JSON.stringify(q.required_roles),
      q.valid_until,
      q.created_at,
      q.updated_at,
    ],
  };
  return [row, ...quoteGraph(q)];
}

/** One quote, locked for the rest of the transaction when asked, so concurrent transitions queue up. */
export async function getQuote(id: string, o: { lock?: boolean } = {}): Promise<Quote | undefined> {
  const rows = await currentTx().query<Row<Quote>>(`SELECT ${QUOTE_COLUMNS} FROM revops_quotes WHERE tenant_id = $1 AND quote_id = $2${o.lock === true ? ' FOR UPDATE' : ''}`, [
    currentTenantId(),
    id,
  ]);
  return rows[0] === undefined ? undefined : toQuote(rows[0]);
}

/**
 * One quote locked for the rest of the transaction, with its history's rows as stored (open them
 * with `quoteHistory.open`), in one read.
 */
export async function lockQuoteWithHistory(id: string): Promise<{ quote: Quote; history: StoredEntry[] } | undefined> {
  const locked = await quoteHistory.lockWithRows<Row<Quote>>('revops_quotes', QUOTE_COLUMNS, id);
  return locked === undefined ? undefined : { quote: toQuote(locked.instance), history: locked.rows };
}

export interface QuoteFilters {
  /** The last id of the page before. */
  before?: string | undefined;
  status?: QuoteState | undefined;
  owner?: string | undefined;
  opportunity_id?: string | undefined;
  limit: number;
}

export async function listQuotes(f: QuoteFilters): Promise<Quote[]> {
  const rows = await currentTx().query<Row<Quote>>(
    `SELECT ${QUOTE_COLUMNS} FROM revops_quotes WHERE tenant_id = $1
       AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR owner = $3) AND ($4::uuid IS NULL OR opportunity_id = $4)
       AND ${olderThan('revops_quotes', 'quote_id', 6)}
     ORDER BY created_at DESC, quote_id DESC LIMIT $5`,
    [currentTenantId(), f.status ?? null, f.owner ?? null, f.opportunity_id ?? null, f.limit, f.before ?? null],
  );
  return rows.map(toQuote);
}

/** The writes of a quote's changed fields (the caller computed them) and its graph entity, for one batch with the step's history entry. */
export function quoteUpdateStatements(q: Quote): Statement[] {
  return [
    {
      sql: `UPDATE revops_quotes SET version = $3, status = $4, lines = $5, discount_bp = $6, terms = $7, subtotal_minor = $8, discount_minor = $9, total_minor = $10,
       required_roles = $11, valid_until = $12, updated_at = $13
     WHERE tenant_id = $1 AND quote_id = $2`,
      params: [
        currentTenantId(),
        q.quote_id,
        q.version,
        q.status,
        JSON.stringify(q.lines),
        q.discount_bp,
        JSON.stringify(q.terms),
        q.subtotal_minor,
        q.discount_minor,
        q.total_minor,
        JSON.stringify(q.required_roles),
        q.valid_until,
        q.updated_at,
      ],
    },
    quoteRefresh(q),
  ];
}

/** Writes a quote's changed fields and its graph entity (one round trip). */
export const updateQuote = (q: Quote): Promise<void> => runBatch(quoteUpdateStatements(q));

export const quoteHistory = workflowHistory<QuoteStep, QuoteState>({
  table: 'revops_quote_history',
  idColumn: 'quote_id',
  auditType: 'revops.quote.history',
  target: quoteTarget,
  stepAction: quoteStepAction,
});

// ---- contracts ----

const CONTRACT_COLUMNS = 'contract_id, quote_id, opportunity_id, quote_version, effective_date, term_months, amount_minor, currency, created_by, created_at';
const toContract = (r: Row<Contract>): Contract =>
  ({
    ...r,
    contract_id: String(r.contract_id),
    quote_id: String(r.quote_id),
    opportunity_id: String(r.opportunity_id),
    effective_date: String(r.effective_date),
    amount_minor: int(r.amount_minor as string),
    created_at: iso(r.created_at as string),
  }) as Contract;

/** The writes of a contract and its graph entity, for one batch with its quote's activation. */
export function contractInsertStatements(c: Contract): Statement[] {
  const row: Statement = {
    sql: `INSERT INTO revops_contracts (tenant_id, ${CONTRACT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    params: [currentTenantId(), c.contract_id, c.quote_id, c.opportunity_id, c.quote_version, c.effective_date, c.term_months, c.amount_minor, c.currency, c.created_by, c.created_at],
  };
  return [row, ...contractGraph(c)];
}

export async function contractOfQuote(quoteId: string): Promise<Contract | undefined> {
  const rows = await currentTx().query<Row<Contract>>(`SELECT ${CONTRACT_COLUMNS.replace('effective_date', 'effective_date::text AS effective_date')} FROM revops_contracts WHERE tenant_id = $1 AND quote_id = $2`, [currentTenantId(), quoteId]);
  return rows[0] === undefined ? undefined : toContract(rows[0]);
}
