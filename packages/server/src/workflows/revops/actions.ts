import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { runBatch, type BatchRead, type Statement } from '../../db/statement.ts';
import { auditEventStatement } from '../../audit/audit-events.ts';
import { prepareActors } from '../../identity/actor-pseudonyms.ts';
import { Problem } from '../../http/problem.ts';
import { defineAction, type ActionContext, type RunContext } from '../../pipeline/define-action.ts';
import { Denied } from '../../pipeline/execute.ts';
import { uuidv7 } from '../../util/ids.ts';
import { Decide, IdParams, MaybeDecide } from '../shared/schemas.ts';
import { lockedWithHistory } from '../shared/history.ts';
import { packReply } from '../shared/workflow-evidence.ts';
import { dealOfOpportunity, dealPack } from './deal-evidence.ts';
import {
  getLead,
  getOpportunity,
  getQuote,
  lockQuoteWithHistory,
  contractInsertStatements,
  leadInsertStatements,
  opportunityInsertStatements,
  quoteInsertStatements,
  leadTarget,
  listLeads,
  listOpportunities,
  listQuotes,
  opportunityTarget,
  quoteHistory,
  quoteTarget,
  opportunityStageStatements,
  quoteUpdateStatements,
  type Lead,
  type Opportunity,
  type Contract,
  type Quote,
  type QuoteHistoryEntry,
  type QuoteTerms,
} from './deal-store.ts';
import { computeTotals, type QuoteLineInput } from './money.ts';
import { candidatesRead, currentApprovals, decide, quoteDetail, termsDigest, termsRef, type QuoteDetail } from './quote-service.ts';
import { quoteMachine, type QuoteState, type QuoteTransition } from './quote-machine.ts';
import { isExpired, ruleRefusal, type QuoteVerb } from './quote-permissions.ts';
import { expiryStatement } from './quote-expiry.ts';
import { contractTarget, quoteApprovalGraph } from './deal-graph.ts';
import { listRoutingRules, routeLead, upsertRoutingRule } from './routing.ts';
import { rerouted } from './policy-impact.ts';
import { dashboard } from './dashboard.ts';
import { Nullable, StringEnum } from '../../http/schema.ts';
import { Before, NextBefore, nextBefore, pageLimit } from '../../http/keyset-page.ts';
import { refOrNotFound } from '../../policy/bundle-resolve.ts';
import {
  Activate,
  Limit,
  LeadInput,
  LeadView,
  OpportunityDetailView,
  OpportunityView,
  QuoteDetailView,
  QuoteEdit,
  QuoteInput,
  QuoteStatus,
  QuoteView,
  RoutingRuleInput,
  RoutingRuleView,
  Segment,
} from './schemas.ts';

const BASE = '/revops';
/** A policy bundle version number, `active` or `base`. */
const BundleRef = Type.String({ pattern: '^([1-9][0-9]{0,8}|active|base)$', description: 'a version number, active or base' });
const DAY_MS = 86_400_000;

type Ctx = ActionContext<Static<typeof IdParams>, unknown>;
type RunCtx = RunContext<Static<typeof IdParams>, unknown>;

/** A refusal by the deal desk's rules: recorded by the pipeline as a denial, under the decision's bundle. */
const refuse = (ctx: Pick<RunCtx, 'bundleHash' | 'params'>, reason: string, reasons: string[] = [reason]) =>
  new Denied({ reasons, bundleHash: ctx.bundleHash }, reason, quoteTarget(ctx.params.id));


/** The quote with its totals (re)computed from lines and discount by the one rounding rule. */
function priced(q: Omit<Quote, 'lines' | 'subtotal_minor' | 'discount_minor' | 'total_minor'>, lines: QuoteLineInput[]): Quote {
  return { ...q, ...computeTotals(lines, q.discount_bp) };
}

const validUntil = (now: Date, terms: QuoteTerms): string => new Date(now.getTime() + terms.valid_days * DAY_MS).toISOString();

/** A past-due quote cannot move forward, even before the expiry job has marked it expired. */
function assertNotExpired(q: Quote, now: Date): void {
  if (isExpired(q, now)) throw new Problem('conflict', `quote ${q.quote_id} expired at ${q.valid_until}; edit it to renew it`, { state: 'expired' });
}

/** The number of the step after a history the caller read under the quote's lock. */
const nextSeq = (history: QuoteHistoryEntry[]): number => (history.at(-1)?.seq ?? -1) + 1;

/**
 * Appends a step after a quote's `history`, in one round trip with the step's other writes
 * (`alongside`); returns the entry as the history reads it back.
 */
async function record(quoteId: string, history: QuoteHistoryEntry[], e: Omit<QuoteHistoryEntry, 'seq'>, o: { snapshot?: Quote; alongside?: Statement[]; read?: BatchRead | undefined } = {}): Promise<QuoteHistoryEntry> {
  const seq = nextSeq(history);
  await quoteHistory.append(quoteId, e, { seq, alongside: o.alongside ?? [], ...(o.snapshot === undefined ? {} : { snapshot: { key: 'quote', value: o.snapshot } }), ...(o.read === undefined ? {} : { read: o.read }) });
  return { seq, ...e, details: JSON.parse(JSON.stringify(e.details)) as Record<string, unknown> };
}

/**
 * Moves a quote after its `history`: writes it (with `alongside`, the step's other writes) and
 * records who did it and why, in one round trip, which also makes `read`; returns the history entry.
 */
async function move(
  ctx: Ctx,
  history: QuoteHistoryEntry[],
  before: Quote,
  after: Quote,
  t: QuoteTransition,
  rationale: string | null,
  details: Record<string, unknown> = {},
  o: { snapshot?: boolean; alongside?: Statement[]; read?: BatchRead | undefined } = {},
): Promise<QuoteHistoryEntry> {
  const e = { at: ctx.now.toISOString(), actor: ctx.principal.subjectId, transition: t, from_state: before.status, to_state: after.status, rationale, details };
  const approval = t === 'approve' ? quoteApprovalGraph(before.quote_id, nextSeq(history), e) : [];
  return record(before.quote_id, history, e, { alongside: [...quoteUpdateStatements(after), ...(o.alongside ?? []), ...approval], read: o.read, ...(o.snapshot === true ? { snapshot: after } : {}) });
}

const lockedQuotes = lockedWithHistory(quoteHistory, (q: Quote) => q.quote_id);

/** The quote, locked, with its history in the same read. */
async function loadLocked(ctx: Ctx): Promise<Quote | undefined> {
  const locked = await lockQuoteWithHistory(ctx.params.id);
  return locked === undefined ? undefined : lockedQuotes.keep(locked.quote, locked.history);
}

/** The history of a quote its step loaded and locked. */
const historyOf = (q: Quote): Promise<QuoteHistoryEntry[]> => lockedQuotes.historyOf(q);

/** The reply of a step: the quote as it was written, with the history read before the step and the entries it added. */
const replyAfter = (ctx: Ctx, q: Quote, history: QuoteHistoryEntry[], added: QuoteHistoryEntry[], o: { contract?: Contract; candidates?: BatchRead | undefined } = {}): Promise<QuoteDetail> =>
  quoteDetail(ctx, q, { history: [...history, ...added], ...(o.contract === undefined ? {} : { contract: o.contract }), ...(o.candidates === undefined ? {} : { candidates: o.candidates }) });

/** A POST on one quote: `/revops/quotes/{id}/<verb>`, the quote loaded and locked first. */
function onQuote<I extends TSchema>(
  name: string,
  verb: string,
  def: { summary: string; input: I; run: (ctx: RunCtx, input: Static<I>, q: Quote) => Promise<QuoteDetail>; evidenceRefs?: (ctx: Ctx, input: Static<I>, q: Quote, result: QuoteDetail) => string[] },
) {
  return defineAction({
    name: `revops.quote.${name}`,
    method: 'POST',
    path: `${BASE}/quotes/:id/${verb}`,
    scope: 'tenant',
    params: IdParams,
    response: QuoteDetailView,
    resource: loadLocked,
    target: (ctx) => quoteTarget(ctx.params.id),
    ...def,
  });
}

/** Refuses the step when the desk's rules do not let the caller take it (the quote view offers the same answer). */
async function requireRules(ctx: RunCtx, verb: QuoteVerb, q: Quote, history?: QuoteHistoryEntry[]): Promise<void> {
  const me = { id: ctx.principal.subjectId, roles: ctx.principal.roles };
  const why = ruleRefusal(ctx.tenantId, verb, me, q, history ?? (await historyOf(q)));
  if (why !== null) throw refuse(ctx, why);
}

// ---- leads and opportunities ----

export const createLead = defineAction({
  name: 'revops.lead.create',
  method: 'POST',
  path: `${BASE}/leads`,
  summary: "An inbound lead, routed by the tenant's routing rules to a team and account executive; an enterprise lead is promoted to an opportunity at once",
  scope: 'tenant',
  status: 201,
  input: LeadInput,
  response: Type.Object({ lead: LeadView, opportunity: Type.Union([OpportunityView, Type.Null()]) }),
  target: (_ctx, _input, _r, result) => leadTarget((result as { lead: Lead }).lead.lead_id),
  evidenceRefs: (_ctx, _input, _r, result) => {
    const o = (result as { opportunity: Opportunity | null }).opportunity;
    return o === null ? [] : [opportunityTarget(o.opportunity_id)];
  },
  run: async (ctx, input) => {
    const route = await routeLead(input.segment, input.region);
    if (route === undefined) throw new Problem('conflict', `no routing rule of the tenant matches segment ${input.segment} in region ${input.region}`);
    const at = ctx.now.toISOString();
    const promote = input.segment === 'enterprise';
    const lead: Lead = { lead_id: uuidv7(ctx.now.getTime()), ...input, ...route, status: promote ? 'promoted' : 'routed', opportunity_id: null, created_by: ctx.principal.subjectId, created_at: at };
    // The owner the rule routed to is named by pseudonym in the event's snapshot, as the caller is.
    await prepareActors([lead.owner], ctx.now);
    // Written as promoted already when it is: the opportunity follows in this transaction.
    await runBatch([
      ...leadInsertStatements(lead),
      auditEventStatement({ type: 'revops.lead.routed', actor: ctx.principal.subjectId, action: 'revops.lead.create', target: leadTarget(lead.lead_id), decision: 'allow', requestId: ctx.requestId, details: { lead }, at: ctx.now }),
    ]);
    const opportunity = promote ? await promoteLead(ctx, lead) : null;
    if (opportunity !== null) lead.opportunity_id = opportunity.opportunity_id;
    return { lead, opportunity };
  },
});

/** The opportunity a lead becomes, owned by the team and executive it was routed to. */
async function promoteLead(ctx: ActionContext<unknown, unknown>, lead: Lead): Promise<Opportunity> {
  const at = ctx.now.toISOString();
  const o: Opportunity = {
    opportunity_id: uuidv7(ctx.now.getTime()),
    lead_id: lead.lead_id,
    name: lead.company,
    segment: lead.segment,
    region: lead.region,
    team: lead.team,
    owner: lead.owner,
    amount_minor: lead.estimated_value_minor,
    currency: lead.currency,
    stage: 'open',
    created_at: at,
    updated_at: at,
  };
  await runBatch([
    ...opportunityInsertStatements(o),
    auditEventStatement({
      type: 'revops.opportunity.created',
      actor: ctx.principal.subjectId,
      action: 'revops.lead.create',
      target: opportunityTarget(o.opportunity_id),
      decision: 'allow',
      requestId: ctx.requestId,
      details: { opportunity: o, lead_id: lead.lead_id },
      at: ctx.now,
    }),
  ]);
  return o;
}

export const listLeadsAction = defineAction({
  name: 'revops.lead.list',
  method: 'GET',
  path: `${BASE}/leads`,
  summary: "The tenant's leads, newest first, filtered by team, owner, segment and status, paged with `before` (the next_before of the page before)",
  scope: 'tenant',
  query: Type.Object(
    { team: Type.Optional(Type.String({ maxLength: 63 })), owner: Type.Optional(Type.String({ maxLength: 200 })), segment: Type.Optional(Segment), status: Type.Optional(Type.String({ enum: ['routed', 'promoted'] })), limit: Limit, before: Before },
    { additionalProperties: false },
  ),
  response: Type.Object({ leads: Type.Array(LeadView), next_before: NextBefore }),
  run: async (ctx) => {
    const limit = pageLimit(ctx.query);
    const leads = await listLeads({ ...ctx.query, limit });
    return { leads, next_before: nextBefore(leads, limit, (l) => l.lead_id) };
  },
});

export const listOpportunitiesAction = defineAction({
  name: 'revops.opportunity.list',
  method: 'GET',
  path: `${BASE}/opportunities`,
  summary: "The tenant's opportunities, newest first, filtered by team, owner and stage, paged with `before` (the next_before of the page before)",
  scope: 'tenant',
  query: Type.Object(
    { team: Type.Optional(Type.String({ maxLength: 63 })), owner: Type.Optional(Type.String({ maxLength: 200 })), stage: Type.Optional(Type.String({ enum: ['open', 'won', 'lost'] })), limit: Limit, before: Before },
    { additionalProperties: false },
  ),
  response: Type.Object({ opportunities: Type.Array(OpportunityView), next_before: NextBefore }),
  run: async (ctx) => {
    const limit = pageLimit(ctx.query);
    const opportunities = await listOpportunities({ ...ctx.query, limit });
    return { opportunities, next_before: nextBefore(opportunities, limit, (o) => o.opportunity_id) };
  },
});

export const getOpportunityAction = defineAction({
  name: 'revops.opportunity.get',
  method: 'GET',
  path: `${BASE}/opportunities/:id`,
  summary: 'An opportunity with its lead, quotes, contracts and history (routing, promotion and every quote step with its rationale)',
  scope: 'tenant',
  params: IdParams,
  response: OpportunityDetailView,
  resource: (ctx) => getOpportunity(ctx.params.id),
  target: (ctx) => opportunityTarget(ctx.params.id),
  run: async (_ctx, _input, o) => {
    const deal = await dealOfOpportunity(o);
    return { ...o, lead: deal.lead, quotes: deal.quotes, contracts: deal.contracts, history: deal.history };
  },
});

// ---- quotes ----

export const createQuote = defineAction({
  name: 'revops.quote.create',
  method: 'POST',
  path: `${BASE}/quotes`,
  summary: 'A draft quote for an open opportunity: lines at list price, a discount in basis points and terms, totals computed in integer minor units',
  scope: 'tenant',
  status: 201,
  input: QuoteInput,
  response: QuoteDetailView,
  resource: async (_ctx, input) => (await getOpportunity(input.opportunity_id, { lock: true })) ?? undefined,
  target: (_ctx, _input, _o, result) => quoteTarget((result as QuoteDetail).quote_id),
  evidenceRefs: (_ctx, input) => [opportunityTarget(input.opportunity_id)],
  run: async (ctx, input, o) => {
    if (o.stage !== 'open') throw new Problem('conflict', `opportunity ${o.opportunity_id} is ${o.stage}; only an open one takes quotes`, { state: o.stage });
    if (input.currency !== o.currency) {
      throw new Problem('invalid-request', `the quote's currency must be the opportunity's (${o.currency}); quotes are never converted`, { errors: [{ in: 'body', field: 'currency', message: `must be ${o.currency}` }] });
    }
    const at = ctx.now.toISOString();
    const draft = priced(
      { quote_id: uuidv7(ctx.now.getTime()), opportunity_id: o.opportunity_id, owner: ctx.principal.subjectId, version: 1, status: 'draft', currency: input.currency, discount_bp: input.discount_bp, terms: input.terms, required_roles: [], valid_until: validUntil(ctx.now, input.terms), created_at: at, updated_at: at },
      input.lines,
    );
    const created = await record(
      draft.quote_id,
      [],
      { at, actor: draft.owner, transition: 'create', from_state: null, to_state: 'draft', rationale: null, details: { roles: ctx.principal.roles, version: 1, terms_sha256: termsDigest(draft) } },
      { snapshot: draft, alongside: [...quoteInsertStatements(draft), expiryStatement(draft, ctx.now)] },
    );
    return quoteDetail(ctx, draft, { history: [created], contract: null });
  },
});

export const updateQuoteAction = defineAction({
  name: 'revops.quote.update',
  method: 'PATCH',
  path: `${BASE}/quotes/:id`,
  summary: 'Edit a draft, submitted or rejected quote: a new version in draft; the approvals it had are dropped',
  scope: 'tenant',
  params: IdParams,
  input: QuoteEdit,
  response: QuoteDetailView,
  resource: loadLocked,
  target: (ctx) => quoteTarget(ctx.params.id),
  run: async (ctx, input, q) => {
    const to = quoteMachine.next(q.status, 'edit');
    await requireRules(ctx, 'update', q, []);
    const history = await historyOf(q);
    // Who had approved the round the edit ends: their approvals no longer count.
    const dropped = q.status === 'submitted' ? currentApprovals(history).map((a) => a.approver.id) : [];
    const terms = input.terms ?? q.terms;
    const edited = priced(
      { ...q, version: q.version + 1, status: to, discount_bp: input.discount_bp ?? q.discount_bp, terms, required_roles: [], valid_until: validUntil(ctx.now, terms), updated_at: ctx.now.toISOString() },
      input.lines ?? q.lines,
    );
    const edit = await move(ctx, history, q, edited, 'edit', input.rationale ?? null, { version: edited.version, approvals_dropped: dropped.length, dropped_approvers: dropped, terms_sha256: termsDigest(edited) }, { snapshot: true, alongside: [expiryStatement(edited, ctx.now)] });
    return replyAfter(ctx, edited, history, [edit]);
  },
});

export const submitQuote = onQuote('submit', 'submit-for-approval', {
  summary: 'Submit a draft quote with a rationale: the discount policy decides whose approvals it needs; a discount within the threshold is approved by its account executive at once',
  input: Decide,
  evidenceRefs: (_ctx, _input, _q, result) => [termsRef(result)],
  run: async (ctx, input, q) => {
    const submitted: Quote = { ...q, status: quoteMachine.next(q.status, 'submit'), updated_at: ctx.now.toISOString() };
    await requireRules(ctx, 'submit', q, []);
    assertNotExpired(q, ctx.now);
    const requester = { id: q.owner, roles: ctx.principal.roles };
    const d = decide(ctx.tenantId, q, [{ seq: 0, at: '', actor: q.owner, transition: 'submit', from_state: null, to_state: 'submitted', rationale: null, details: { roles: requester.roles } }]);
    if (!d.request_allowed) throw refuse(ctx, `the discount policy refused to submit ${q.quote_id}`, d.reasons);
    submitted.required_roles = d.required_approvals;
    const frozen = { terms_sha256: termsDigest(q), total_minor: q.total_minor, currency: q.currency, version: q.version };
    const history = await historyOf(q);
    // Who may approve, read with the step's writes when the quote waits for approvals.
    const candidates = d.self_approved ? undefined : candidatesRead(submitted);
    const submit = await move(ctx, history, q, submitted, 'submit', input.rationale, { roles: requester.roles, bundle_hash: ctx.bundleHash, required_approvals: d.required_approvals, ...frozen }, { read: candidates });
    if (!d.self_approved) return replyAfter(ctx, submitted, history, [submit], { candidates });
    const approved: Quote = { ...submitted, status: quoteMachine.next('submitted', 'approve') };
    const approval = await move(ctx, [...history, submit], submitted, approved, 'approve', input.rationale, { roles: requester.roles, bundle_hash: ctx.bundleHash, self_approved: true, ...frozen });
    return replyAfter(ctx, approved, history, [submit, approval]);
  },
});

export const approveQuote = onQuote('approve', 'approve', {
  summary: 'Approve a submitted quote with a rationale; it is approved once the discount policy says the approvals suffice (the owner never approves)',
  input: Decide,
  evidenceRefs: (_ctx, _input, q) => [termsRef(q)],
  run: async (ctx, input, q) => {
    quoteMachine.next(q.status, 'approve');
    assertNotExpired(q, ctx.now);
    const me = { id: ctx.principal.subjectId, roles: ctx.principal.roles };
    const history = await historyOf(q);
    // A second approval by the same person is a conflict with the quote's state, not a refusal.
    if (me.id !== q.owner && currentApprovals(history).some((a) => a.approver.id === me.id)) throw new Problem('conflict', `${me.id} has already approved ${q.quote_id}`, { state: q.status });
    await requireRules(ctx, 'approve', q, history);
    const d = decide(ctx.tenantId, q, history, [{ approver: me }]);
    const after: Quote = { ...q, status: d.allow ? quoteMachine.next(q.status, 'approve') : q.status, updated_at: ctx.now.toISOString() };
    const candidates = candidatesRead(after);
    const approval = await move(ctx, history, q, after, 'approve', input.rationale, { roles: me.roles, bundle_hash: ctx.bundleHash, terms_sha256: termsDigest(q), total_minor: q.total_minor, currency: q.currency, version: q.version }, { read: candidates });
    return replyAfter(ctx, after, history, [approval], { candidates });
  },
});

export const rejectQuote = onQuote('reject', 'reject', {
  summary: 'Reject a submitted quote with a rationale (an approver it awaits); the owner may edit and resubmit it',
  input: Decide,
  run: async (ctx, input, q) => {
    const to = quoteMachine.next(q.status, 'reject');
    await requireRules(ctx, 'reject', q, []);
    const history = await historyOf(q);
    const rejected: Quote = { ...q, status: to, updated_at: ctx.now.toISOString() };
    return replyAfter(ctx, rejected, history, [await move(ctx, history, q, rejected, 'reject', input.rationale, { roles: ctx.principal.roles, version: q.version })]);
  },
});

export const activateQuote = onQuote('activate', 'activate', {
  summary: 'Activate an approved quote (its owner): records the contract with its effective date, term and the approved amount',
  input: Activate,
  evidenceRefs: (_ctx, _input, q, result) => [termsRef(q), ...(result.contract === null ? [] : [contractTarget(result.contract.contract_id)])],
  run: async (ctx, input, q) => {
    const to = quoteMachine.next(q.status, 'activate');
    await requireRules(ctx, 'activate', q, []);
    assertNotExpired(q, ctx.now);
    const contract: Contract = {
      contract_id: uuidv7(ctx.now.getTime()),
      quote_id: q.quote_id,
      opportunity_id: q.opportunity_id,
      quote_version: q.version,
      effective_date: input.effective_date ?? ctx.now.toISOString().slice(0, 10),
      term_months: q.terms.term_months,
      amount_minor: q.total_minor,
      currency: q.currency,
      created_by: ctx.principal.subjectId,
      created_at: ctx.now.toISOString(),
    };
    const history = await historyOf(q);
    const active: Quote = { ...q, status: to, updated_at: ctx.now.toISOString() };
    const activation = await move(ctx, history, q, active, 'activate', null, { contract, terms_sha256: termsDigest(q) }, { alongside: [...contractInsertStatements(contract), ...opportunityStageStatements(q.opportunity_id, 'won', ctx.now)] });
    return replyAfter(ctx, active, history, [activation], { contract });
  },
});

export const cancelQuote = onQuote('cancel', 'cancel', {
  summary: 'Withdraw a quote that is not active (its owner)',
  input: MaybeDecide,
  run: async (ctx, input, q) => {
    const to = quoteMachine.next(q.status, 'cancel');
    await requireRules(ctx, 'cancel', q, []);
    const history = await historyOf(q);
    const cancelled: Quote = { ...q, status: to, updated_at: ctx.now.toISOString() };
    return replyAfter(ctx, cancelled, history, [await move(ctx, history, q, cancelled, 'cancel', input.rationale ?? null)]);
  },
});

export const listQuotesAction = defineAction({
  name: 'revops.quote.list',
  method: 'GET',
  path: `${BASE}/quotes`,
  summary: "The tenant's quotes, newest first, filtered by status, owner and opportunity, paged with `before` (the next_before of the page before)",
  scope: 'tenant',
  query: Type.Object(
    { status: Type.Optional(QuoteStatus), owner: Type.Optional(Type.String({ maxLength: 200 })), opportunity_id: Type.Optional(Type.String({ format: 'uuid' })), limit: Limit, before: Before },
    { additionalProperties: false },
  ),
  response: Type.Object({ quotes: Type.Array(QuoteView), next_before: NextBefore }),
  run: async (ctx) => {
    const limit = pageLimit(ctx.query);
    const quotes = await listQuotes({ ...ctx.query, status: ctx.query.status as QuoteState | undefined, limit });
    return { quotes, next_before: nextBefore(quotes, limit, (q) => q.quote_id) };
  },
});

export const getQuoteAction = defineAction({
  name: 'revops.quote.get',
  method: 'GET',
  path: `${BASE}/quotes/:id`,
  summary: 'A quote with its lines, history (approvals and rejections with rationales), the approvals it still needs and who may give them, and its contract',
  scope: 'tenant',
  params: IdParams,
  response: QuoteDetailView,
  resource: (ctx) => getQuote(ctx.params.id),
  target: (ctx) => quoteTarget(ctx.params.id),
  run: (ctx, _input, q) => quoteDetail(ctx, q),
});

// ---- evidence and routing ----

export const getDealEvidence = defineAction({
  name: 'revops.evidence.get',
  method: 'GET',
  path: '/evidence/revops/deals/:id',
  summary:
    'The evidence pack of a deal (an opportunity) as .tar.gz in the audit export format: lead, opportunity, quote versions, approvals with rationales, decisions with bundle hashes, receipts with proofs and the contract; verify it offline with `companyos verify`',
  scope: 'tenant',
  params: IdParams,
  resource: (ctx) => getOpportunity(ctx.params.id),
  target: (ctx) => opportunityTarget(ctx.params.id),
  run: async (ctx, _input, o) => {
    return packReply(await dealPack(o, ctx.now), `evidence-${ctx.tenantId}-revops-deal-${o.opportunity_id}.tar.gz`);
  },
});

export const listRoutingAction = defineAction({
  name: 'revops.routing.list',
  method: 'GET',
  path: `${BASE}/routing-rules`,
  summary: "The tenant's lead routing rules, in the order they are tried",
  scope: 'tenant',
  response: Type.Object({ rules: Type.Array(RoutingRuleView) }),
  run: async () => ({ rules: await listRoutingRules() }),
});

export const setRoutingAction = defineAction({
  name: 'revops.routing.set',
  method: 'PUT',
  path: `${BASE}/routing-rules/:ruleId`,
  summary: 'Add or replace a lead routing rule (segment and region, null for any → team and its members, round robin or weighted)',
  scope: 'tenant',
  params: Type.Object({ ruleId: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,62}$' }) }),
  input: RoutingRuleInput,
  response: RoutingRuleView,
  target: (ctx) => `revops-routing-rule:${ctx.params.ruleId}`,
  run: async (ctx, input) => {
    const rule = { rule_id: ctx.params.ruleId, ...input };
    await upsertRoutingRule(rule);
    return rule;
  },
});

const Routing = Type.Object({ required_approvals: Type.Array(Type.String()), self_approved: Type.Boolean() });

export const policyImpactAction = defineAction({
  name: 'revops.policy.impact',
  method: 'POST',
  path: `${BASE}/policy-impact`,
  summary: 'Which open quotes a policy version would re-route: the approvals each needs (and self-approval) under `from` (default: active) and under `to`',
  scope: 'tenant',
  input: Type.Object({ from: Type.Optional(BundleRef), to: BundleRef }, { additionalProperties: false }),
  response: Type.Object({
    from: Type.Object({ version: Type.Union([Type.Integer(), Type.Null()]), hash: Type.String() }),
    to: Type.Object({ version: Type.Union([Type.Integer(), Type.Null()]), hash: Type.String() }),
    quotes: Type.Array(
      Type.Object({ quote_id: Type.String(), status: QuoteStatus, owner: Type.String(), discount_bp: Type.Integer(), total_minor: Type.Integer(), currency: Type.String(), from: Routing, to: Routing }),
    ),
  }),
  run: async (ctx, input) => {
    const from = await refOrNotFound(input.from ?? 'active');
    const to = await refOrNotFound(input.to);
    return { from: { version: from.version, hash: from.bundle.hash }, to: { version: to.version, hash: to.bundle.hash }, quotes: await rerouted(ctx.tenantId, from.bundle, to.bundle) };
  },
});

const Count = Type.Integer({ minimum: 0 });

export const dashboardAction = defineAction({
  name: 'revops.dashboard.get',
  method: 'GET',
  path: `${BASE}/dashboard`,
  summary: 'The RevOps governance dashboard from live records: deals per period, share of submissions needing approvals, approval time (average, p95), approvals per approver, routed leads per team',
  scope: 'tenant',
  query: Type.Object(
    {
      from: Type.Optional(Type.String({ format: 'date-time', description: 'default: 30 days before `to`' })),
      to: Type.Optional(Type.String({ format: 'date-time', description: 'default: now' })),
      period: Type.Optional(StringEnum(['day', 'week', 'month'] as const, { description: 'default: week' })),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({
    window: Type.Object({ from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }), period: Type.String() }),
    deals: Type.Array(Type.Object({ period: Type.String({ format: 'date-time' }), opportunities: Count, contracts: Count })),
    approvals_needed: Type.Object({ submitted: Count, needing_approval: Count, share: Nullable(Type.Number()) }),
    approval_time_s: Type.Object({ count: Count, average: Nullable(Type.Number()), p95: Nullable(Type.Number()) }),
    approvals_by_approver: Type.Array(Type.Object({ approver: Type.String(), approvals: Count, rejections: Count })),
    leads_by_team: Type.Array(Type.Object({ team: Type.String(), leads: Count })),
  }),
  run: async (ctx) => {
    const to = ctx.query.to === undefined ? ctx.now : new Date(ctx.query.to);
    const from = ctx.query.from === undefined ? new Date(to.getTime() - 30 * DAY_MS) : new Date(ctx.query.from);
    if (!(from < to)) throw new Problem('invalid-request', '`from` must be before `to`', { errors: [{ in: 'query', field: 'from', message: 'must be before to' }] });
    return dashboard(from, to, ctx.query.period ?? 'week');
  },
});

export const revopsActions = [
  createLead,
  listLeadsAction,
  listOpportunitiesAction,
  getOpportunityAction,
  createQuote,
  updateQuoteAction,
  submitQuote,
  approveQuote,
  rejectQuote,
  activateQuote,
  cancelQuote,
  listQuotesAction,
  getQuoteAction,
  getDealEvidence,
  listRoutingAction,
  setRoutingAction,
  policyImpactAction,
  dashboardAction,
];

