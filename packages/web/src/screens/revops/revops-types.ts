// The deal desk's API shapes as the console reads them (/api/v1/revops).

import {
  pathsApiV1RevopsLeadsPostRequestBodyContentApplicationJsonSegmentValues as segments,
  pathsApiV1RevopsQuotesGetParametersQueryStatusValues as quoteStatuses,
  pathsApiV1RevopsQuotesIdGetResponses200ContentApplicationJsonAllowed_actionsValues as quoteVerbs,
} from '../../api/openapi.gen.ts';

export const REVOPS = '/revops';
// The enumerations come from the server's OpenAPI document, never copied here.
export type QuoteStatus = (typeof quoteStatuses)[number];
export const QUOTE_STATUSES: readonly QuoteStatus[] = quoteStatuses;
export type QuoteVerb = (typeof quoteVerbs)[number];
export const SEGMENTS: readonly (typeof segments)[number][] = segments;

export interface Lead {
  lead_id: string;
  company: string;
  segment: string;
  region: string;
  estimated_value_minor: number;
  currency: string;
  team: string;
  owner: string;
  status: string;
  opportunity_id: string | null;
  created_at: string;
}

export interface Opportunity {
  opportunity_id: string;
  name: string;
  segment: string;
  team: string;
  owner: string;
  amount_minor: number;
  currency: string;
  stage: string;
  created_at: string;
}

export interface QuoteLine {
  product: string;
  quantity: number;
  unit_price_minor: number;
  amount_minor: number;
}

export interface Quote {
  quote_id: string;
  opportunity_id: string;
  owner: string;
  version: number;
  status: QuoteStatus;
  currency: string;
  lines: QuoteLine[];
  discount_bp: number;
  terms: { term_months: number; payment_terms: string; valid_days: number };
  subtotal_minor: number;
  discount_minor: number;
  total_minor: number;
  required_roles: string[];
  valid_until: string;
  created_at: string;
}

export interface QuoteHistoryEntry {
  seq: number;
  at: string;
  actor: string;
  transition: string;
  from_state: string | null;
  to_state: string;
  rationale: string | null;
  details: Record<string, unknown>;
}

export interface QuoteDetail extends Quote {
  missing_approvals: Array<{ role: string; candidates: string[] }>;
  /** What the signed-in caller may do now, as the server's policy decides. */
  allowed_actions: QuoteVerb[];
  terms_sha256: string;
  history: QuoteHistoryEntry[];
  contract: { contract_id: string; effective_date: string; term_months: number; amount_minor: number; currency: string } | null;
}

export interface RevopsDashboard {
  window: { from: string; to: string; period: string };
  deals: Array<{ period: string; opportunities: number; contracts: number }>;
  approvals_needed: { submitted: number; needing_approval: number; share: number | null };
  approval_time_s: { count: number; average: number | null; p95: number | null };
  approvals_by_approver: Array<{ approver: string; approvals: number; rejections: number }>;
  leads_by_team: Array<{ team: string; leads: number }>;
}

export const quotePath = (id: string): string => `${REVOPS}/quotes/${encodeURIComponent(id)}`;

export const percent = (bp: number): string => `${(bp / 100).toLocaleString('en')}%`;
