import { apiFor } from '../../api/client.ts';
import { useSessions } from '../../session/session-store.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { useAsync } from '../../ui/use-async.ts';
import { DeliveryTable } from './delivery-table.tsx';
import { currentPeriod, type Delivery, type Invoice, type MeterReading, type Webhook } from './finops-types.ts';
import { InvoiceTable } from './invoice-table.tsx';
import { RatedPeriod } from './rated-period.tsx';
import { UsageChart } from './usage-chart.tsx';

interface FinopsData {
  readings: MeterReading[];
  invoices: Invoice[];
  webhooks: Webhook[];
  deliveries: Delivery[];
}

/** The tenant's FinOps dashboard: usage over time, this month's amount, invoices and webhook deliveries. */
export function FinopsScreen({ tenantId }: { tenantId: string }) {
  const { active } = useSessions();
  const { state, reload } = useAsync(async (): Promise<FinopsData> => {
    const api = apiFor(active?.token);
    const [r, i, w] = await Promise.all([
      api.get<{ readings: MeterReading[] }>('/finops/meter-readings'),
      api.get<{ invoices: Invoice[] }>('/finops/invoices'),
      api.get<{ webhooks: Webhook[]; deliveries: Delivery[] }>('/finops/webhooks'),
    ]);
    return { readings: r.readings, invoices: i.invoices, webhooks: w.webhooks, deliveries: w.deliveries };
  }, `finops:${tenantId}:${active?.token}`);
  return (
    <section aria-labelledby="finops-title">
      <h1 id="finops-title">FinOps</h1>
      <AsyncView state={state} label="usage and invoices" onRetry={reload}>
        {(d) => (
          <>
            <RatedPeriod invoice={d.invoices.find((i) => i.period === currentPeriod())} onRated={reload} />
            <section aria-labelledby="finops-usage">
              <h2 id="finops-usage">Usage</h2>
              {d.readings.length === 0 ? <p className="empty">No usage aggregated yet.</p> : <UsageChart readings={d.readings} />}
            </section>
            <section aria-labelledby="finops-invoices">
              <h2 id="finops-invoices">Invoices</h2>
              {d.invoices.length === 0 ? <p className="empty">No invoices yet.</p> : <InvoiceTable invoices={d.invoices} />}
            </section>
            <section aria-labelledby="finops-deliveries">
              <h2 id="finops-deliveries">Webhook deliveries</h2>
              {d.deliveries.length === 0 ? <p className="empty">No deliveries yet.</p> : <DeliveryTable webhooks={d.webhooks} deliveries={d.deliveries} />}
            </section>
          </>
        )}
      </AsyncView>
    </section>
  );
}
