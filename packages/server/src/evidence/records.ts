import type { ReceiptEntry } from '../ledger/receipt-format.ts';
import { bundleHash, type BundleFile } from '../policy/bundle.ts';
import type { Outcome, PackFilters, PackWindow, RecordKind } from './layout.ts';

// The records a pack carries, one JSON object per line. Only the fields below are read by the
// pack itself (to check window, filters, tenant and bundle references); the rest passes through.

export interface AuditEventRecord {
  event_id: string;
  tenant_id: string;
  occurred_at: string;
  actor: string | null;
  action: string | null;
  decision: 'allow' | 'deny' | null;
  [field: string]: unknown;
}

export interface DecisionRecord {
  decision_id: string;
  tenant_id: string;
  timestamp: string;
  actor: string | null;
  action: string;
  allow: boolean;
  bundle_hash: string;
  [field: string]: unknown;
}

/**
 * A receipt with its RFC 9162 inclusion proof against the pack's checkpoint: the ledger's receipt
 * bundle without the checkpoint and keys, which the pack carries once. Hashes are standard base64.
 */
export interface ReceiptRecord {
  receipt: ReceiptEntry;
  leaf_index: number;
  leaf_hash: string;
  inclusion_proof: string[];
}

export interface BundleRecord {
  bundle_hash: string;
  files: BundleFile[];
  [field: string]: unknown;
}

/** A meter's reading of one UTC day: what an invoice line sums (or, for a peak meter, takes the largest of). */
export interface MeterReadingRecord {
  tenant_id: string;
  meter: string;
  /** YYYY-MM-DD. */
  day: string;
  quantity: number;
  events: number;
}

export interface UsageEventRecord {
  event_id: string;
  tenant_id: string;
  meter: string;
  quantity: number;
  occurred_at: string;
  [field: string]: unknown;
}

export interface PackRecords {
  bundles: BundleRecord;
  decisions: DecisionRecord;
  receipts: ReceiptRecord;
  audit_events: AuditEventRecord;
  meter_readings: MeterReadingRecord;
  usage_events: UsageEventRecord;
}

export type RecordProblemCode = 'record.invalid' | 'record.tenant' | 'record.window' | 'record.filter' | 'bundle.hash' | 'bundle.missing';

export interface RecordProblem {
  code: RecordProblemCode;
  message: string;
}

interface Facets {
  id: unknown;
  tenant: unknown;
  at: unknown;
  actor: unknown;
  action: unknown;
  outcome: Outcome | null | undefined;
}

type Json = Record<string, unknown>;

function outcomeOf(decision: unknown): Outcome | null | undefined {
  if (decision === 'allow' || decision === true) return 'allowed';
  if (decision === 'deny' || decision === false) return 'denied';
  return decision === null ? null : undefined;
}

function facetsOf(kind: Exclude<RecordKind, 'bundles' | 'meter_readings' | 'usage_events'>, r: Json): Facets {
  switch (kind) {
    case 'audit_events':
      return { id: r.event_id, tenant: r.tenant_id, at: r.occurred_at, actor: r.actor, action: r.action, outcome: outcomeOf(r.decision) };
    case 'decisions':
      return { id: r.decision_id, tenant: r.tenant_id, at: r.timestamp, actor: r.actor, action: r.action, outcome: outcomeOf(r.allow) };
    case 'receipts': {
      const receipt = (typeof r.receipt === 'object' && r.receipt !== null ? r.receipt : {}) as Json;
      return { id: receipt.receipt_id, tenant: receipt.tenant_id, at: receipt.issued_at, actor: receipt.actor, action: receipt.action, outcome: outcomeOf(receipt.decision) };
    }
  }
}

function isNullableString(v: unknown): v is string | null {
  return v === null || typeof v === 'string';
}

function parseInstant(text: unknown): number {
  return typeof text === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text) ? Date.parse(text) : NaN;
}

/** Normalizes a window to canonical ISO strings; throws unless from < to. */
export function normalizeWindow(window: PackWindow): PackWindow {
  const from = parseInstant(window.from);
  const to = parseInstant(window.to);
  if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError('window bounds must be ISO 8601 timestamps');
  if (from >= to) throw new RangeError('window must end after it starts');
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** Sorted, de-duplicated filters with empty ones left out, so equal filters serialize equally. */
export function normalizeFilters(filters: PackFilters = {}): PackFilters {
  const out: PackFilters = {};
  const list = (values: string[] | undefined) => (values === undefined ? [] : [...new Set(values)].sort());
  const actors = list(filters.actors);
  const actions = list(filters.actions);
  if (actors.length > 0) out.actors = actors;
  if (actions.length > 0) out.actions = actions;
  if (filters.outcome !== undefined) {
    if (filters.outcome !== 'allowed' && filters.outcome !== 'denied') throw new RangeError('outcome filter must be allowed or denied');
    out.outcome = filters.outcome;
  }
  return out;
}

/**
 * Checks records against what the pack says it holds: the tenant, the window, the filters, and
 * that every decision cites a bundle carried earlier in the pack. Bundles must come first.
 */
export class RecordChecker {
  private readonly from: number;
  private readonly to: number;
  private readonly bundles = new Set<string>();

  constructor(
    private readonly tenant: string,
    window: PackWindow,
    private readonly filters: PackFilters,
  ) {
    this.from = Date.parse(window.from);
    this.to = Date.parse(window.to);
  }

  check(kind: RecordKind, value: unknown): RecordProblem | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { code: 'record.invalid', message: 'not a JSON object' };
    const record = value as Json;
    if (kind === 'bundles') return this.checkBundle(record);
    if (kind === 'meter_readings' || kind === 'usage_events') return this.checkUsage(kind, record);
    const f = facetsOf(kind, record);
    if (typeof f.id !== 'string' || f.id === '') return { code: 'record.invalid', message: 'missing id' };
    if (!isNullableString(f.actor) || !isNullableString(f.action) || f.outcome === undefined) {
      return { code: 'record.invalid', message: `${f.id}: malformed actor, action or outcome` };
    }
    if (f.tenant !== this.tenant) return { code: 'record.tenant', message: `${f.id}: belongs to tenant ${String(f.tenant)}` };
    const at = parseInstant(f.at);
    if (Number.isNaN(at)) return { code: 'record.invalid', message: `${f.id}: malformed timestamp` };
    if (at < this.from || at >= this.to) return { code: 'record.window', message: `${f.id}: ${String(f.at)} is outside the window` };
    const { actors, actions, outcome } = this.filters;
    if (actors !== undefined && (f.actor === null || !actors.includes(f.actor))) return { code: 'record.filter', message: `${f.id}: actor ${f.actor} is not in the filter` };
    if (actions !== undefined && (f.action === null || !actions.includes(f.action))) return { code: 'record.filter', message: `${f.id}: action ${f.action} is not in the filter` };
    if (outcome !== undefined && f.outcome !== outcome) return { code: 'record.filter', message: `${f.id}: outcome is not ${outcome}` };
    if (kind === 'decisions') {
      if (typeof record.bundle_hash !== 'string') return { code: 'record.invalid', message: `${f.id}: missing bundle_hash` };
      if (!this.bundles.has(record.bundle_hash)) return { code: 'bundle.missing', message: `${f.id}: bundle ${record.bundle_hash} is not in the pack` };
    }
    return undefined;
  }

  /** Usage records: of this tenant, a meter and a whole quantity, inside the window (a reading by its day's start). Filters do not apply. */
  private checkUsage(kind: 'meter_readings' | 'usage_events', r: Json): RecordProblem | undefined {
    const reading = kind === 'meter_readings';
    const id = reading ? `${String(r.meter)}@${String(r.day)}` : r.event_id;
    if (typeof id !== 'string' || (!reading && id === '')) return { code: 'record.invalid', message: 'missing id' };
    if (typeof r.meter !== 'string' || r.meter === '' || !Number.isSafeInteger(r.quantity)) return { code: 'record.invalid', message: `${id}: malformed meter or quantity` };
    if (r.tenant_id !== this.tenant) return { code: 'record.tenant', message: `${id}: belongs to tenant ${String(r.tenant_id)}` };
    const at = reading ? (typeof r.day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.day) ? Date.parse(`${r.day}T00:00:00Z`) : NaN) : parseInstant(r.occurred_at);
    if (Number.isNaN(at)) return { code: 'record.invalid', message: `${id}: malformed ${reading ? 'day' : 'timestamp'}` };
    if (at < this.from || at >= this.to) return { code: 'record.window', message: `${id}: outside the window` };
    return undefined;
  }

  private checkBundle(record: Json): RecordProblem | undefined {
    const { bundle_hash: hash, files } = record;
    if (typeof hash !== 'string') return { code: 'record.invalid', message: 'bundle without bundle_hash' };
    const valid = Array.isArray(files) && files.every((f) => typeof f?.path === 'string' && typeof f?.content === 'string');
    if (!valid) return { code: 'record.invalid', message: `bundle ${hash}: files must be [{path, content}]` };
    let computed: string;
    try {
      computed = bundleHash(files as BundleFile[]);
    } catch (error) {
      // A JSON file of the bundle that no longer parses: altered content, not a verifier crash.
      return { code: 'bundle.hash', message: `bundle ${hash}: a JSON file does not parse (${(error as Error).message})` };
    }
    if (computed !== hash) return { code: 'bundle.hash', message: `bundle ${hash}: content does not match its hash` };
    if (this.bundles.has(hash)) return { code: 'record.invalid', message: `bundle ${hash} appears twice` };
    this.bundles.add(hash);
    return undefined;
  }
}
