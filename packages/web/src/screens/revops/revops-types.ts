// The deal desk's API shapes as the console reads them (/api/v1/revops).

export const REVOPS = '/revops';
export const QUOTE_STATUSES = ['draft', 'submitted', 'approved', 'active', 'rejected', 'cancelled', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export type QuoteVerb = 'update' | 'submit' | 'approve' | 'reject' | 'activate' | 'cancel';

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

/** Minor units as money in the currency's own number of decimals (never through a float sum). */
export function money(minor: number, currency: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(minor / 10 ** minorDigits(currency));
}

/** How many decimals the currency's minor unit has (EUR 2, JPY 0). */
export const minorDigits = (currency: string): number => new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** A decimal amount typed by a user ("1200.50") as integer minor units, or null when it is not one. */
export function toMinor(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const m = /^(\d{1,13})(?:\.(\d+))?$/.exec(text.trim());
  if (m === null || (m[2] ?? '').length > digits) return null;
  return Number(m[1]) * 10 ** digits + Number((m[2] ?? '').padEnd(digits, '0') || '0');
}

export const percent = (bp: number): string => `${(bp / 100).toLocaleString('en')}%`;
