import { useState } from 'react';
import { API_BASE } from '../api/client.ts';
import { fetchFile, saveFile } from '../api/download.ts';
import { toProblem, type Problem } from '../api/problem.ts';
import { AsyncView } from '../ui/async-view.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { useAsync } from '../ui/use-async.ts';
import { MaskedFacts, MaskedTable, ShownFields } from './masked-record.tsx';
import { portalGet, viewing } from './portal-session.ts';
import type { PortalAudit, PortalBilling, PortalFinance, PortalOverview, PortalSupplyChain } from './portal-types.ts';
import type { PackVerification } from './pack-verify.ts';
import { checkStatement, type Envelope, type Jwk } from './statement-check.ts';

/** What every tab is given: the sign-in and the tenant it views. */
export interface TabProps {
  signIn: string;
  tenantId: string;
}

const percent = (v: number) => `${(v * 100).toFixed(2)} %`;
const money = (m: Record<string, number>) => (Object.keys(m).length === 0 ? 'none' : Object.entries(m).map(([c, v]) => `${(v / 100).toFixed(2)} ${c}`).join(', '));

function useTab<T>(props: TabProps, path: string) {
  return useAsync(() => portalGet<T>(props.signIn, props.tenantId, path), `${props.signIn}|${props.tenantId}|${path}`);
}

export function OverviewTab(props: TabProps) {
  const { state, reload } = useTab<PortalOverview>(props, 'overview');
  return (
    <section className="card" aria-labelledby="portal-overview">
      <h2 id="portal-overview">Trust posture</h2>
      <AsyncView state={state} label="trust posture" onRetry={reload}>
        {(data) => (
          <>
            <MaskedFacts
              label="Posture"
              record={data.overview}
              labels={{
                display_name: 'Tenant',
                checkpoint_signature: 'Latest checkpoint signature',
                checkpoint_at: 'Latest checkpoint at',
                checkpoint_size: 'Receipts under the checkpoint',
                checkpoint_root: 'Checkpoint root',
                checkpoint_key: 'Signing key',
                bundle_hash: 'Active policy bundle (SHA-256)',
                bundle_version: 'Bundle version',
                evidence_coverage: 'Evidence coverage (30 days)',
                receipts_30d: 'Receipts (30 days)',
                allowed_actions_30d: 'Allowed actions (30 days)',
              }}
              render={{ evidence_coverage: percent, checkpoint_root: (v) => <code>{v}</code>, bundle_hash: (v) => <code>{v}</code> }}
            />
            <ShownFields visible={data.visible_fields} />
          </>
        )}
      </AsyncView>
    </section>
  );
}

type Pack = PortalAudit['evidence_packs'][number];

/** The tenant's published keys, fetched apart from the pack so a pack cannot vouch for itself. */
async function tenantJwks(tenantId: string): Promise<{ keys: Jwk[] }> {
  const response = await fetch(`${API_BASE}/tenants/${encodeURIComponent(tenantId)}/jwks.json`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`the tenant's public keys could not be fetched (${response.status})`);
  return (await response.json()) as { keys: Jwk[] };
}

/** Downloads a pack with the sign-in and verifies it in the browser: digest, signature, manifest and every file. */
function PackDownload({ pack, props }: { pack: Pack; props: TabProps }) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [result, setResult] = useState<PackVerification | null>(null);
  const [pending, setPending] = useState(false);
  if (pack.download === undefined) return <span className="muted">not shown to you</span>;
  const path = pack.download.replace(/^\/api\/v1/, '');
  async function download() {
    setProblem(null);
    setResult(null);
    setPending(true);
    try {
      const blob = await fetchFile(path, props.signIn, undefined, viewing(props.tenantId));
      await saveFile(blob, `evidence-${props.tenantId}-${pack.export_id}.tar.gz`);
      // The verifier is a chunk of its own: only those who verify a pack load it.
      const [{ verifyPackInBrowser }, jwks, bytes] = await Promise.all([import('./pack-verify.ts'), tenantJwks(props.tenantId), blob.arrayBuffer()]);
      setResult(await verifyPackInBrowser(bytes, jwks, pack.sha256));
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setPending(false);
    }
  }
  return (
    <>
      <button type="button" disabled={pending} onClick={() => void download()}>
        {pending ? 'Downloading…' : 'Download and verify'}
      </button>
      <div role="status" aria-live="polite">
        {result !== null && (
          <>
            <p className="notice">{result.ok ? 'Verified in your browser: every check passed.' : `Verification failed: ${result.checks.filter((c) => !c.ok).map((c) => c.name).join(', ')}.`}</p>
            <ul aria-label="Verification checks">
              {result.checks.map((c) => (
                <li key={c.name}>
                  {c.ok ? 'passed' : 'FAILED'} — {c.name}: {c.detail}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {problem !== null && <ProblemAlert problem={problem} />}
    </>
  );
}

export function AuditTab(props: TabProps) {
  const { state, reload } = useTab<PortalAudit>(props, 'audit');
  return (
    <section className="card" aria-labelledby="portal-audit">
      <h2 id="portal-audit">Evidence packs</h2>
      <AsyncView state={state} label="evidence packs" onRetry={reload} isEmpty={(d) => d.evidence_packs.length === 0} empty="The tenant has no finished evidence pack yet.">
        {(data) => (
          <>
            <MaskedTable
              caption="Evidence packs"
              rows={data.evidence_packs}
              visible={data.visible_fields}
              rowKey={(p, i) => p.export_id ?? String(i)}
              labels={{ export_id: 'Pack', created_at: 'Created', window_from: 'From', window_to: 'To', sha256: 'SHA-256', size: 'Bytes', requested_by: 'Requested by', counts: 'Records' }}
              render={{ sha256: (v) => <code>{v}</code> }}
              extra={[{ heading: 'Download', cell: (p) => <PackDownload pack={p} props={props} /> }]}
            />
            <ShownFields visible={data.visible_fields} />
          </>
        )}
      </AsyncView>
    </section>
  );
}

export function BillingTab(props: TabProps) {
  const { state, reload } = useTab<PortalBilling>(props, 'billing');
  return (
    <section className="card" aria-labelledby="portal-billing">
      <h2 id="portal-billing">Billing and usage</h2>
      <AsyncView state={state} label="billing and usage" onRetry={reload}>
        {(data) => (
          <>
            {data.meter_readings.length === 0 ? (
              <p className="empty" role="status">No meter readings for {data.month} yet.</p>
            ) : (
              <MaskedTable caption={`Meter readings, ${data.month}`} rows={data.meter_readings} visible={data.visible_fields.meter_reading} rowKey={(r, i) => `${r.meter}-${r.day}-${i}`} labels={{ day: 'Day', meter: 'Meter', quantity: 'Quantity', events: 'Events' }} />
            )}
            {data.invoices.length === 0 ? (
              <p className="empty" role="status">No invoices yet.</p>
            ) : (
              <MaskedTable
                caption="Invoices"
                rows={data.invoices}
                visible={data.visible_fields.invoice}
                rowKey={(r, i) => r.invoice_id ?? String(i)}
                labels={{ number: 'Number', period: 'Period', status: 'Status', currency: 'Currency', subtotal: 'Subtotal', tax: 'Tax', total: 'Total', sha256: 'SHA-256' }}
                render={{ subtotal: (v) => (v / 100).toFixed(2), tax: (v) => (v / 100).toFixed(2), total: (v) => (v / 100).toFixed(2) }}
              />
            )}
          </>
        )}
      </AsyncView>
    </section>
  );
}

export function FinanceTab(props: TabProps) {
  const { state, reload } = useTab<PortalFinance>(props, 'finance');
  return (
    <section className="card" aria-labelledby="portal-finance">
      <h2 id="portal-finance">Finance</h2>
      <AsyncView state={state} label="finance" onRetry={reload}>
        {(data) => (
          <>
            <MaskedFacts
              label="Revenue and SLA compliance"
              record={data.finance}
              labels={{ period: 'Period', revenue: 'Revenue (finalised invoices)', draft_revenue: 'Draft invoices', requests: 'Governed requests', availability: 'Availability', p95_ms: 'p95 latency (ms)', sla_days_met: 'Days within the SLA', sla_days_total: 'Days with traffic', sla_compliance: 'SLA compliance' }}
              render={{ revenue: money, draft_revenue: money, availability: percent, sla_compliance: percent }}
            />
            <ShownFields visible={data.visible_fields} />
          </>
        )}
      </AsyncView>
    </section>
  );
}

type Artefact = PortalSupplyChain['artefacts'][number];

function BrowserCheck({ artefact, jwks }: { artefact: Artefact; jwks: PortalSupplyChain['platform_jwks'] }) {
  const [result, setResult] = useState<string | null>(null);
  if (artefact.statement === undefined || artefact.digest === undefined) return <span className="muted">statement not shown to you</span>;
  const { statement, digest } = artefact;
  async function check() {
    const outcome = await checkStatement(statement as Envelope, jwks as { keys: { kid?: unknown; x?: unknown }[] }, digest);
    setResult(outcome.ok ? 'Verified in your browser' : `Failed in your browser: ${outcome.reason}`);
  }
  return (
    <>
      <button type="button" onClick={() => void check()}>
        Check {artefact.name} here
      </button>
      <span role="status" aria-live="polite">
        {result ?? ''}
      </span>
    </>
  );
}

export function SupplyChainTab(props: TabProps) {
  const { state, reload } = useTab<PortalSupplyChain>(props, 'supply-chain');
  return (
    <section className="card" aria-labelledby="portal-supply-chain">
      <h2 id="portal-supply-chain">Supply chain</h2>
      <AsyncView state={state} label="release artefacts" onRetry={reload} isEmpty={(d) => d.artefacts.length === 0} empty="This server ships no built artefacts to attest.">
        {(data) => (
          <>
            <MaskedTable
              caption="Release artefacts and their SLSA provenance"
              rows={data.artefacts}
              visible={data.visible_fields}
              rowKey={(a, i) => a.name ?? String(i)}
              labels={{ name: 'Artefact', digest: 'SHA-256', builder: 'Builder', build_type: 'Build type', signed_at: 'Signed', verified: 'Verifies on the server' }}
              render={{ digest: (v) => <code>{v}</code>, verified: (v) => (v ? 'yes' : 'NO') }}
              extra={[{ heading: 'Provenance', cell: (a) => <BrowserCheck artefact={a} jwks={data.platform_jwks} /> }]}
            />
            <ShownFields visible={data.visible_fields} />
          </>
        )}
      </AsyncView>
    </section>
  );
}
