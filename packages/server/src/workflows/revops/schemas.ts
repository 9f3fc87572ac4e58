import { Type } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../../http/schema.ts';
import { HistoryView } from '../shared/schemas.ts';
import { QUOTE_STATES } from './quote-machine.ts';

// Request and response shapes of the deal desk.

export const SEGMENTS = ['smb', 'mid_market', 'enterprise'] as const;
export const Segment = StringEnum(SEGMENTS);
export const Region = Type.String({ pattern: '^[a-z]{2,8}$', description: 'a sales region code, e.g. eu, us, apac' });
export const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code; every amount of the record is in its minor units' });
/** Integer minor units, bounded so sums stay exact. */
export const Minor = Type.Integer({ minimum: 0, maximum: 1_000_000_000_000_000, description: 'integer minor units (cents for EUR)' });
export const QuoteStatus = StringEnum(QUOTE_STATES);
export { PageLimit as Limit } from '../../http/keyset-page.ts';
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Team = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,62}$' });
const SubjectId = Type.String({ minLength: 1, maxLength: 200 });

export const LeadInput = Type.Object(
  {
    company: Name,
    contact: Type.Object({ name: Name, email: Type.String({ pattern: '^[^@\\s]{1,64}@[^@\\s]{1,189}$', maxLength: 254 }) }, { additionalProperties: false }),
    segment: Segment,
    region: Region,
    estimated_value_minor: Minor,
    currency: Currency,
  },
  { additionalProperties: false },
);

export const LeadView = Type.Object({
  lead_id: Type.String(),
  company: Type.String(),
  contact: Type.Object({ name: Type.String(), email: Type.String() }),
  segment: Type.String(),
  region: Type.String(),
  estimated_value_minor: Type.Integer(),
  currency: Type.String(),
  team: Type.String(),
  owner: Type.String(),
  rule_id: Type.String(),
  status: Type.String(),
  opportunity_id: Nullable(Type.String()),
  created_by: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
});

export const OpportunityView = Type.Object({
  opportunity_id: Type.String(),
  lead_id: Type.String(),
  name: Type.String(),
  segment: Type.String(),
  region: Type.String(),
  team: Type.String(),
  owner: Type.String(),
  amount_minor: Type.Integer(),
  currency: Type.String(),
  stage: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});

const LineInput = Type.Object(
  {
    product: Name,
    quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    unit_price_minor: Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, description: 'list price per unit, integer minor units' }),
  },
  { additionalProperties: false },
);
const Lines = Type.Array(LineInput, { minItems: 1, maxItems: 100 });
const DiscountBp = Type.Integer({ minimum: 0, maximum: 10_000, description: 'discount in basis points: 3000 is 30%' });
const Terms = Type.Object(
  {
    term_months: Type.Integer({ minimum: 1, maximum: 120 }),
    payment_terms: Type.String({ pattern: '^[a-z0-9_]{1,32}$', description: 'e.g. net_30' }),
    valid_days: Type.Integer({ minimum: 1, maximum: 365, description: 'the quote expires this many days after its last version' }),
  },
  { additionalProperties: false },
);

export const QuoteInput = Type.Object(
  { opportunity_id: Type.String({ format: 'uuid' }), currency: Currency, lines: Lines, discount_bp: DiscountBp, terms: Terms },
  { additionalProperties: false },
);

export const QuoteEdit = Type.Object(
  { lines: Type.Optional(Lines), discount_bp: Type.Optional(DiscountBp), terms: Type.Optional(Terms), rationale: Type.Optional(Type.String({ minLength: 3, maxLength: 2000 })) },
  { additionalProperties: false, minProperties: 1 },
);

export const Activate = Type.Object(
  { effective_date: Type.Optional(Type.String({ format: 'date', description: 'YYYY-MM-DD, default: today (UTC)' })) },
  { additionalProperties: false },
);

export const QuoteView = Type.Object({
  quote_id: Type.String(),
  opportunity_id: Type.String(),
  owner: Type.String(),
  version: Type.Integer(),
  status: QuoteStatus,
  currency: Type.String(),
  lines: Type.Array(Type.Object({ product: Type.String(), quantity: Type.Integer(), unit_price_minor: Type.Integer(), amount_minor: Type.Integer() })),
  discount_bp: Type.Integer(),
  terms: Type.Object({ term_months: Type.Integer(), payment_terms: Type.String(), valid_days: Type.Integer() }),
  subtotal_minor: Type.Integer(),
  discount_minor: Type.Integer(),
  total_minor: Type.Integer(),
  required_roles: Type.Array(Type.String()),
  valid_until: Type.String({ format: 'date-time' }),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});

export const ContractView = Type.Object({
  contract_id: Type.String(),
  quote_id: Type.String(),
  opportunity_id: Type.String(),
  quote_version: Type.Integer(),
  effective_date: Type.String({ format: 'date' }),
  term_months: Type.Integer(),
  amount_minor: Type.Integer(),
  currency: Type.String(),
  created_by: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
});

export const QuoteDetailView = Type.Composite([
  QuoteView,
  Type.Object({
    missing_approvals: Type.Array(Type.Object({ role: Type.String(), candidates: Type.Array(Type.String()) })),
    allowed_actions: Type.Array(StringEnum(['update', 'submit', 'approve', 'reject', 'activate', 'cancel'] as const), {
      description: 'the steps the caller may take on the quote now, as the policy and the deal desk rules decide',
    }),
    terms_sha256: Type.String(),
    history: Type.Array(HistoryView),
    contract: Nullable(ContractView),
  }),
]);

export const OpportunityDetailView = Type.Composite([
  OpportunityView,
  Type.Object({ lead: LeadView, quotes: Type.Array(QuoteView), contracts: Type.Array(ContractView), history: Type.Array(Type.Record(Type.String(), Type.Unknown())) }),
]);

export const RoutingRuleView = Type.Object({
  rule_id: Type.String(),
  priority: Type.Integer(),
  segment: Nullable(Type.String()),
  region: Nullable(Type.String()),
  team: Type.String(),
  strategy: Type.String(),
  members: Type.Array(Type.Object({ subject_id: Type.String(), weight: Type.Integer() })),
});

export const RoutingRuleInput = Type.Object(
  {
    priority: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    segment: Nullable(Segment),
    region: Nullable(Region),
    team: Team,
    strategy: StringEnum(['round_robin', 'weighted'] as const),
    members: Type.Array(Type.Object({ subject_id: SubjectId, weight: Type.Integer({ minimum: 1, maximum: 100 }) }, { additionalProperties: false }), { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);
