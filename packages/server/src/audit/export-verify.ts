import { Type, type Static } from '@sinclair/typebox';
import { verifyPack, type FailureCode, type VerifyResult } from '../evidence/index.ts';
import { ledgerServices } from '../ledger/ledger-runtime.ts';
import { defineAction } from '../pipeline/define-action.ts';
import { Nullable } from '../http/schema.ts';
import { ExportParams, storedPack } from './export-actions.ts';
import { getExport, type AuditExport } from './export-store.ts';

// Verifies a stored evidence pack on the server with the verifier `companyos verify` runs, against
// the keys the tenant publishes, and reports the outcome of each kind of check.

const CHECKS = {
  archive: 'the archive is a pack of the known format holding exactly its files, in order',
  signature: "the signed manifest statement verifies against the tenant's published keys",
  digests: 'every file has the size and SHA-256 the manifest lists',
  records: "every record belongs to the tenant, the window and the filters; bundles match their hashes",
  receipts: 'the checkpoint is signed by the tenant and every receipt has an inclusion proof under it',
  counts: 'each record file holds as many records as the manifest counts',
} as const;
type CheckName = keyof typeof CHECKS;

/** Which check each failure belongs to (a new failure code must be placed here). */
const CHECK_OF: Record<FailureCode, CheckName> = {
  archive: 'archive',
  'format.version': 'archive',
  'file.missing': 'archive',
  'file.extra': 'archive',
  'file.duplicate': 'archive',
  'file.order': 'archive',
  'manifest.invalid': 'signature',
  'envelope.invalid': 'signature',
  'signature.invalid': 'signature',
  'signature.untrusted': 'signature',
  'statement.mismatch': 'signature',
  'jwks.invalid': 'signature',
  'file.digest': 'digests',
  'file.size': 'digests',
  'record.invalid': 'records',
  'record.tenant': 'records',
  'record.window': 'records',
  'record.filter': 'records',
  'bundle.hash': 'records',
  'bundle.missing': 'records',
  'checkpoint.signature': 'receipts',
  'receipt.proof': 'receipts',
  'count.mismatch': 'counts',
};

const VerificationReport = Type.Object({
  export_id: Type.String(),
  ok: Type.Boolean({ description: 'true only when every check ran and passed' }),
  keys: Type.Array(Type.String(), { description: "kids of the tenant's published keys the pack was checked against" }),
  checks: Type.Array(
    Type.Object({
      check: Type.Union(Object.keys(CHECKS).map((c) => Type.Literal(c))),
      description: Type.String(),
      outcome: Type.Union([Type.Literal('passed'), Type.Literal('failed'), Type.Literal('not_run')], {
        description: 'not_run: the archive could not be read as a whole, so this check is not confirmed',
      }),
    }),
  ),
  failures: Type.Array(
    Type.Object({ code: Type.String(), message: Type.String(), file: Type.Optional(Type.String()), line: Type.Optional(Type.Integer()) }),
    { description: 'what failed, as `companyos verify` lists it' },
  ),
  tenant: Nullable(Type.String()),
  window: Nullable(Type.Object({ from: Type.String(), to: Type.String() })),
  counts: Nullable(Type.Record(Type.String(), Type.Integer())),
});

function report(exportId: string, kids: string[], result: VerifyResult): Static<typeof VerificationReport> {
  const failed = new Set(result.failures.map((f) => CHECK_OF[f.code]));
  const outcome = (check: CheckName) => (failed.has(check) ? 'failed' : result.ok || !failed.has('archive') ? 'passed' : 'not_run');
  const m = result.manifest;
  return {
    export_id: exportId,
    ok: result.ok,
    keys: kids,
    checks: (Object.keys(CHECKS) as CheckName[]).map((check) => ({ check, description: CHECKS[check], outcome: outcome(check) })),
    failures: result.failures,
    tenant: m?.tenant ?? null,
    window: m?.window ?? null,
    counts: m?.counts ?? null,
  };
}

export const verifyExportAction = defineAction({
  name: 'audit.export.verify',
  method: 'POST',
  path: '/audit/exports/:id/verify',
  summary: "Verify a finished evidence pack as `companyos verify` does, against the tenant's published keys; a pack that fails is a 200 with ok false",
  scope: 'tenant',
  params: ExportParams,
  response: VerificationReport,
  resource: (ctx) => getExport(ctx.params.id),
  target: (ctx) => `export:${ctx.params.id}`,
  run: async (ctx, _input, e) => {
    const { kids, result } = await verifyStoredExport(e);
    return report(e.export_id, kids, result);
  },
});

/**
 * Runs the offline verifier over a finished pack of the current tenant against its published
 * keys, read in the current transaction to the end before it commits.
 */
export async function verifyStoredExport(e: AuditExport): Promise<{ kids: string[]; result: VerifyResult }> {
  const { stream } = await storedPack(e, { withinTransaction: true });
  const jwks = await ledgerServices().keys.jwks();
  return { kids: jwks.keys.map((k) => k.kid), result: await verifyPack(stream, { trustedJwks: jwks }) };
}
