import type { TenantListing } from '../../api/types.ts';
import { Link } from '../../router/router.tsx';

export function TenantRow(props: { tenant: TenantListing; busy: boolean; canDisable: boolean; onDisable: () => void; onEnable: () => void }) {
  const { tenant: t } = props;
  const bundle = t.policy_bundle;
  const flags = t.enabled_flags;
  const name = t.config.display_name;
  return (
    <tr>
      <th scope="row">
        <Link href={`/operator/tenants/${encodeURIComponent(t.tenant_id)}`}>
          <code>{t.tenant_id}</code>
        </Link>
      </th>
      <td>{name}</td>
      <td>{t.config.env}</td>
      <td>{t.config.owner_contact}</td>
      <td>{t.config.data_region}</td>
      <td>
        <span className={`badge ${t.status}`}>{t.status}</span>
      </td>
      <td>
        <code title={`bundle hash ${bundle.hash}`}>{bundle.version === null ? 'base' : `v${bundle.version}`}</code>
        {bundle.tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
      </td>
      <td>{flags.length === 0 ? <span className="muted">none</span> : flags.map((f) => <span key={f} className="tag">{f}</span>)}</td>
      <td>
        {t.status === 'purged' ? (
          <span className="muted">purged</span>
        ) : t.status !== 'active' ? (
          <button type="button" onClick={props.onEnable} disabled={props.busy} aria-label={`Enable ${t.tenant_id}`}>
            Enable
          </button>
        ) : props.canDisable ? (
          <button type="button" onClick={props.onDisable} disabled={props.busy} aria-label={`Disable ${t.tenant_id}`}>
            Disable
          </button>
        ) : (
          <span className="muted">your platform tenant</span>
        )}
      </td>
    </tr>
  );
}
