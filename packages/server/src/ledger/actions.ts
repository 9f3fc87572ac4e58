import { Type } from '@sinclair/typebox';
import { Problem } from '../http/problem.ts';
import { Nullable } from '../http/schema.ts';
import { defineAction } from '../pipeline/define-action.ts';
import { DbNodeStore } from './db-node-store.ts';
import { NodeCache } from './merkle/node-cache.ts';
import { presentReceipt } from './disclosure.ts';
import { EVIDENCE_MAX_BYTES, putEvidence, type EvidenceBlob } from './evidence-blobs.ts';
import { ledgerServices } from './ledger-runtime.ts';
import { checkpointAt, findCheckpoint, loggedReceipt, loggedReceiptWithCheckpoint, type LoggedReceipt } from './ledger-store.ts';
import { consistencyProof, inclusionProof } from './merkle/proofs.ts';
import { buildReceiptBundle } from './receipt-format.ts';
import { receiptPeople } from './receipt-people.ts';

const store = new DbNodeStore();
/** Proofs are served from committed nodes only, so their upper levels are cached per tenant. */
const proofNodes = new NodeCache();
const nodes = (tenantId: string) => proofNodes.reader(tenantId, store);
const b64 = (h: Uint8Array): string => Buffer.from(h).toString('base64');

const ReceiptParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' }) });

const CheckpointView = Type.Object({
  origin: Type.String(),
  size: Type.Integer(),
  root_hash: Type.String({ description: 'standard base64' }),
  kid: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  note: Type.String({ description: 'the C2SP signed checkpoint note' }),
});

const ReceiptBundleView = Type.Object({
  format: Type.Literal('companyos.receipt-bundle.v1'),
  receipt: Type.Record(Type.String(), Type.Unknown()),
  leaf_index: Type.Integer(),
  leaf_hash: Type.String(),
  inclusion_proof: Type.Array(Type.String()),
  checkpoint: Type.String(),
  jwks: Type.Object({ keys: Type.Array(Type.Record(Type.String(), Type.Unknown())) }),
  shown: Type.Optional(
    Type.Object(
      { actor: Type.String(), target: Nullable(Type.String()), evidence_refs: Type.Array(Type.String()) },
      { description: 'with people=shown: the people the receipt names as readers see them (the subject id, or [purged] <purge id>); not part of the bundle to verify' },
    ),
  ),
});

const notYet = (id: string, what: string): Problem =>
  new Problem('conflict', `receipt ${id} is not yet ${what}; retry shortly`, { retry_after: 1 }, { 'retry-after': '1' });

/** The leaf index of a receipt that is in the log (checked after the decision, like existence). */
function leafOf(r: LoggedReceipt): number {
  if (r.index === undefined) throw notYet(r.entry.receipt_id, 'in the log');
  return r.index;
}

export const getProvenReceipt = defineAction({
  name: 'provenance.receipt.get',
  method: 'GET',
  path: '/provenance/receipts/:id',
  summary: 'A receipt with its inclusion proof, the signed checkpoint it is proven against and the tenant JWKS',
  scope: 'tenant',
  params: ReceiptParams,
  query: Type.Object(
    { people: Type.Optional(Type.Literal('shown', { description: 'add `shown`: who the receipt names, as readers see them (a bundle kept for verification is fetched without it)' })) },
    { additionalProperties: false },
  ),
  response: ReceiptBundleView,
  resource: (ctx) => loggedReceiptWithCheckpoint(ctx.params.id),
  target: (ctx) => `receipt:${ctx.params.id}`,
  run: async (ctx, _input, r) => {
    const index = leafOf(r);
    const { checkpoint } = r;
    if (checkpoint === undefined || checkpoint.size <= index) throw notYet(r.entry.receipt_id, 'under a checkpoint');
    const bundle = buildReceiptBundle({
      receipt: r.entry,
      leafIndex: index,
      inclusionProof: await inclusionProof(nodes(ctx.tenantId), index, checkpoint.size),
      checkpoint: checkpoint.note,
      jwks: await ledgerServices().keys.jwks(),
    });
    return ctx.query.people === 'shown' ? { ...bundle, shown: await receiptPeople(r.entry) } : bundle;
  },
});

export const getCheckpoint = defineAction({
  name: 'provenance.checkpoint.get',
  method: 'GET',
  path: '/provenance/checkpoint',
  summary: "The newest signed checkpoint of the caller tenant's log",
  scope: 'tenant',
  response: CheckpointView,
  resource: () => findCheckpoint(),
  run: async (ctx, _input, cp) => ({
    origin: `companyos/tenants/${ctx.tenantId}/ledger`,
    size: cp.size,
    root_hash: b64(cp.rootHash),
    kid: cp.kid,
    created_at: cp.createdAt.toISOString(),
    note: cp.note,
  }),
});

const Size = Type.String({ pattern: '^(0|[1-9][0-9]{0,14})$' });

export const getConsistency = defineAction({
  name: 'provenance.consistency.get',
  method: 'GET',
  path: '/provenance/consistency',
  summary: 'RFC 9162 consistency proof between two tree sizes (from defaults to 0, to to the newest checkpoint)',
  scope: 'tenant',
  query: Type.Object({ from: Type.Optional(Size), to: Type.Optional(Size) }, { additionalProperties: false }),
  response: Type.Object({
    from: Type.Integer(),
    to: Type.Integer(),
    proof: Type.Array(Type.String()),
    from_checkpoint: Type.Union([Type.String(), Type.Null()]),
    to_checkpoint: Type.String(),
  }),
  resource: () => findCheckpoint(),
  run: async (ctx, _input, latest) => {
    const from = Number(ctx.query.from ?? 0);
    const to = ctx.query.to === undefined ? latest.size : Number(ctx.query.to);
    if (from > to) throw new Problem('invalid-request', `from (${from}) must not exceed to (${to})`);
    const target = to === latest.size ? latest : await checkpointAt(to);
    // Proofs are only given between published heads: `to` must be a checkpoint's size.
    if (target === undefined) throw new Problem('not-found', `no checkpoint has tree size ${to}`);
    return {
      from,
      to,
      proof: (await consistencyProof(nodes(ctx.tenantId), from, to)).map(b64),
      from_checkpoint: (await checkpointAt(from))?.note ?? null,
      to_checkpoint: target.note,
    };
  },
});

export const createEvidence = defineAction({
  name: 'provenance.evidence.create',
  method: 'POST',
  path: '/provenance/evidence',
  summary: `Store an evidence blob (at most ${EVIDENCE_MAX_BYTES} bytes) by its SHA-256; the same content is stored once`,
  scope: 'tenant',
  status: 201,
  input: Type.Object(
    {
      media_type: Type.String({ pattern: '^[a-z0-9!#$&^_.+-]{1,63}/[a-z0-9!#$&^_.+-]{1,63}$' }),
      content_base64: Type.String({ maxLength: Math.ceil(EVIDENCE_MAX_BYTES / 3) * 4, pattern: '^[A-Za-z0-9+/]*={0,2}$' }),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({ ref: Type.String(), sha256: Type.String(), media_type: Type.String(), size: Type.Integer(), created: Type.Boolean() }),
  target: (_ctx, _input, _r, result) => (result as EvidenceBlob).ref,
  run: async (ctx, input) => {
    const content = Buffer.from(input.content_base64, 'base64');
    if (content.toString('base64') !== input.content_base64) {
      throw new Problem('invalid-request', 'content_base64 is not canonical standard base64', {
        errors: [{ in: 'body', field: 'content_base64', message: 'must be padded standard base64' }],
      });
    }
    if (content.length > EVIDENCE_MAX_BYTES) throw new Problem('payload-too-large', `evidence is limited to ${EVIDENCE_MAX_BYTES} bytes`);
    return putEvidence(content, input.media_type, ctx.now);
  },
});

export const discloseReceipt = defineAction({
  name: 'provenance.receipt.disclose',
  method: 'GET',
  path: '/provenance/receipts/:id/disclose',
  summary: "A receipt as an SD-JWT revealing only the claims the tenant's presentation policy lets the caller see",
  scope: 'tenant',
  params: ReceiptParams,
  query: Type.Object(
    {
      purpose: Type.Optional(Type.String({ pattern: '^[a-z_]{1,64}$', description: 'why the receipt is viewed, e.g. audit' })),
      legal_basis: Type.Optional(Type.String({ pattern: '^[a-z_]{1,64}$', description: 'e.g. legal_obligation' })),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({ sd_jwt: Type.String(), disclosed: Type.Array(Type.String()) }),
  resource: (ctx) => loggedReceipt(ctx.params.id),
  target: (ctx) => `receipt:${ctx.params.id}`,
  run: async (ctx, _input, r) => {
    leafOf(r);
    const { keys, presentation } = ledgerServices();
    const visible = presentation.visibleFields(ctx.tenantId, {
      viewer: { id: ctx.principal.subjectId, tenant_id: ctx.principal.tenantId, roles: ctx.principal.roles },
      record_type: 'receipt',
      purpose: ctx.query.purpose,
      legal_basis: ctx.query.legal_basis,
      tenant: r.entry.tenant_id,
    });
    return presentReceipt({
      entry: r.entry,
      visible,
      signer: await keys.signer(ctx.now),
      now: ctx.now,
    });
  },
});

export const ledgerActions = [getProvenReceipt, getCheckpoint, getConsistency, createEvidence, discloseReceipt];
