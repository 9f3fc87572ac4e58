import { DataTable } from '../../ui/data-table.tsx';
import type { Delivery, Webhook } from './finops-types.ts';
import { Time } from '../../ui/time.tsx';

/** Invoice webhook deliveries, newest first; a dead-lettered one says so and why. */
export function DeliveryTable({ webhooks, deliveries }: { webhooks: Webhook[]; deliveries: Delivery[] }) {
  const url = new Map(webhooks.map((w) => [w.webhook_id, w.url]));
  return (
    <DataTable caption="Webhook deliveries" columns={['Endpoint', 'Invoice', 'Status', 'Attempts', 'Last answer', 'Updated']}>
      {deliveries.map((d) => (
        <tr key={d.delivery_id}>
          <td>{url.get(d.webhook_id) ?? d.webhook_id}</td>
          <td>{d.invoice_id}</td>
          <td>{d.status === 'dead' ? 'dead-lettered' : d.status}</td>
          <td>{d.attempts}</td>
          <td>{d.last_error ?? (d.last_status === null ? '—' : String(d.last_status))}</td>
          <td>
            <Time at={d.updated_at} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
