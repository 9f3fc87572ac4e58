import { apiFor } from '../api/client.ts';
import { subjectHref } from '../screens/graph/graph-api.ts';
import type { Session } from '../session/session-store.ts';

// What the palette offers besides screens: records found through the API's own list routes,
// each fetched only when the preflight allows its list.

export interface PaletteEntry {
  group: string;
  id: string;
  label: string;
  /** Extra words the filter matches (ids, states). */
  keywords: string[];
  href: string;
}

interface Source {
  action: string;
  load: (session: Session) => Promise<PaletteEntry[]>;
}

const tenantHome = (s: Session) => `/tenants/${encodeURIComponent(s.tenant_id)}`;

export const PALETTE_SOURCES: Source[] = [
  {
    action: 'tenant.list',
    load: async (s) => {
      const { tenants } = await apiFor(s.token).get<{ tenants: Array<{ tenant_id: string; display_name: string; status: string }> }>('/tenants?limit=1000');
      return tenants.map((t) => ({ group: 'Tenants', id: `tenant:${t.tenant_id}`, label: `${t.display_name} (${t.tenant_id})`, keywords: [t.tenant_id, t.status], href: `/operator/tenants/${encodeURIComponent(t.tenant_id)}` }));
    },
  },
  {
    action: 'subject.list',
    load: async (s) => {
      const { subjects } = await apiFor(s.token).get<{ subjects: Array<{ subject_id: string; display_name: string; roles: string[] }> }>('/subjects');
      return subjects.map((p) => ({
        group: 'People',
        id: `subject:${p.subject_id}`,
        label: `${p.display_name} (${p.subject_id})`,
        keywords: [p.subject_id, ...p.roles],
        href: subjectHref(s.tenant_id, p.subject_id),
      }));
    },
  },
  {
    action: 'high_risk.request.list',
    load: async (s) => {
      const { requests } = await apiFor(s.token).get<{ requests: Array<{ request_id: string; operation: string; requester: string; status: string }> }>('/high-risk-ops/requests?limit=50');
      return requests.map((r) => ({
        group: 'High-risk requests',
        id: `request:${r.request_id}`,
        label: `${r.operation} by ${r.requester} (${r.status})`,
        keywords: [r.request_id, r.status, r.requester],
        href: `${tenantHome(s)}/security?request=${r.request_id}`,
      }));
    },
  },
  {
    action: 'revops.quote.list',
    load: async (s) => {
      const { quotes } = await apiFor(s.token).get<{ quotes: Array<{ quote_id: string; owner: string; status: string; version: number }> }>('/revops/quotes?limit=50');
      return quotes.map((q) => ({
        group: 'Quotes',
        id: `quote:${q.quote_id}`,
        label: `Quote v${q.version} by ${q.owner} (${q.status})`,
        keywords: [q.quote_id, q.status, q.owner],
        href: `${tenantHome(s)}/approvals`,
      }));
    },
  },
];

const RECEIPT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The receipt a typed id names, when the text is one: receipts are too many to list, so the id is the search. */
export function receiptJump(typed: string, tenantId: string): PaletteEntry | null {
  const id = typed.trim().toLowerCase();
  if (!RECEIPT_ID.test(id)) return null;
  return { group: 'Receipts', id: `receipt:${id}`, label: `Open receipt ${id}`, keywords: [id], href: `/tenants/${encodeURIComponent(tenantId)}/receipts/${id}` };
}

/** Common actions, each offered when the preflight allows the action it starts. */
export const PALETTE_ACTIONS = [
  { action: 'high_risk.request.create', label: 'Request high-risk access', path: 'security' },
  { action: 'approval.inbox.list', label: 'Review what waits for my approval', path: 'approvals' },
  { action: 'audit.export.create', label: 'Export audit evidence', path: 'export' },
  { action: 'policy.simulate', label: 'Simulate a policy decision', path: 'policy' },
];
