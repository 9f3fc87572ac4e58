import { useApiPath } from '../../api/use-api-data.ts';
import { Link } from '../../router/router.tsx';
import { AsyncView } from '../../ui/async-view.tsx';
import { Time } from '../../ui/time.tsx';
import { useAsync } from '../../ui/use-async.ts';
import { DEFAULT_WALK, receiptEntityId } from '../graph/graph-api.ts';
import { RelatedPane } from '../graph/related-pane.tsx';
import { checkInclusion, type ReceiptBundle } from './inclusion-check.ts';

interface Receipt {
  receipt_id: string;
  actor: string;
  action: string;
  target: string | null;
  decision: string;
  bundle_hash: string;
  evidence_refs: string[];
  issued_at: string;
  request_id?: string;
}

/** Who the receipt names as readers see them (the subject id, or `[purged] <purge id>`), beside the signed receipt. */
type People = Pick<Receipt, 'actor' | 'target' | 'evidence_refs'>;

// A receipt is linked to what it concerns by RECEIPTED_BY (which the default walk leaves out) and
// to the policy decision that allowed it by DECIDED_BY.
const RECEIPT_WALK = { ...DEFAULT_WALK, types: ['RECEIPTED_BY', 'DECIDED_BY'] };

/** Whether the bundle's inclusion path leads to its checkpoint's root, checked here in the browser. */
function InclusionStatus({ bundle }: { bundle: ReceiptBundle }) {
  const { state, reload } = useAsync(() => checkInclusion(bundle), `${bundle.leaf_hash}:${bundle.checkpoint}`);
  return (
    <AsyncView state={state} label="the inclusion check" onRetry={reload}>
      {(c) =>
        c.leafMatches && c.included ? (
          <p role="status">
            <span className="badge allow">Inclusion proof verified</span> Leaf {bundle.leaf_index} is in the log of {c.treeSize} receipts with root <code>{c.rootHash}</code> ({bundle.inclusion_proof.length} hashes in the path).
          </p>
        ) : (
          <p role="alert">
            <span className="badge deny">Inclusion proof failed</span> {c.leafMatches ? 'The path does not lead to the checkpoint root.' : 'The receipt does not hash to its leaf.'}
          </p>
        )
      }
    </AsyncView>
  );
}

/** One receipt: what it attests, its place in the tenant's log with the proof checked, and what the graph links to it. */
export function ReceiptPage({ tenantId, receiptId }: { tenantId: string; receiptId: string }) {
  const { state, reload } = useApiPath<ReceiptBundle & { shown?: People }>(`/provenance/receipts/${encodeURIComponent(receiptId)}?people=shown`, 0);
  return (
    <section aria-labelledby="receipt-title">
      <p>
        <Link href={`/tenants/${encodeURIComponent(tenantId)}/receipts`}>← Open another receipt</Link>
      </p>
      <h1 id="receipt-title">
        Receipt <code>{receiptId}</code>
      </h1>
      <AsyncView state={state} label="the receipt" onRetry={reload}>
        {(bundle) => {
          const r = bundle.receipt as unknown as Receipt;
          // The receipt names a person by pseudonym (ADR 0029); the page shows who that is, or that they were purged.
          const people: People = bundle.shown ?? r;
          return (
            <>
              <div className="card">
                <h2>What it attests</h2>
                <dl className="facts">
                  <dt>Action</dt>
                  <dd>{r.action}</dd>
                  <dt>Decision</dt>
                  <dd>
                    <span className={`badge ${r.decision}`}>{r.decision}</span>
                  </dd>
                  <dt>Actor</dt>
                  <dd>{people.actor}</dd>
                  <dt>Target</dt>
                  <dd>{people.target ?? <span className="muted">none</span>}</dd>
                  <dt>Issued</dt>
                  <dd>
                    <Time at={r.issued_at} />
                  </dd>
                  <dt>Policy bundle</dt>
                  <dd>
                    <code>{r.bundle_hash}</code>
                  </dd>
                  {r.request_id !== undefined && (
                    <>
                      <dt>Request</dt>
                      <dd>
                        <code>{r.request_id}</code>
                      </dd>
                    </>
                  )}
                  <dt>Evidence</dt>
                  <dd>
                    {people.evidence_refs.length === 0 ? (
                      <span className="muted">none</span>
                    ) : (
                      <ul>
                        {people.evidence_refs.map((e) => (
                          <li key={e}>
                            <code>{e}</code>
                          </li>
                        ))}
                      </ul>
                    )}
                  </dd>
                </dl>
              </div>
              <div className="card">
                <h2>In the log</h2>
                <InclusionStatus bundle={bundle} />
                <p className="hint">The checkpoint's signature is checked offline with companyos verify.</p>
              </div>
              <RelatedPane tenantId={tenantId} entityId={receiptEntityId(receiptId)} walk={RECEIPT_WALK} />
            </>
          );
        }}
      </AsyncView>
    </section>
  );
}
