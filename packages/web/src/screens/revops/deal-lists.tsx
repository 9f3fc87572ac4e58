import { useApiPath } from '../../api/use-api-data.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { money, REVOPS, type Lead, type Opportunity } from './revops-types.ts';

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** The tenant's latest leads with the team and executive routing gave them. */
export function LeadList({ revision }: { revision: number }) {
  const { state, reload } = useApiPath<{ leads: Lead[] }>(`${REVOPS}/leads?limit=25`, revision);
  return (
    <div className="card" role="region" aria-labelledby="rv-leads-title">
      <h2 id="rv-leads-title">Leads</h2>
      <AsyncView state={state} label="leads" onRetry={reload} isEmpty={(d) => d.leads.length === 0}>
        {(d) => (
          <DataTable caption={`Latest leads (${d.leads.length})`} columns={['Created', 'Company', 'Segment', 'Region', 'Value', 'Team', 'Owner', 'Status']}>
            {d.leads.map((l) => (
              <tr key={l.lead_id}>
                <th scope="row">{when(l.created_at)}</th>
                <td>{l.company}</td>
                <td>{l.segment}</td>
                <td>{l.region}</td>
                <td>{money(l.estimated_value_minor, l.currency)}</td>
                <td>{l.team}</td>
                <td>{l.owner}</td>
                <td>{l.status}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </AsyncView>
    </div>
  );
}

/** The tenant's latest opportunities; an open one takes a new quote. */
export function OpportunityList({ revision, onQuote }: { revision: number; onQuote: (o: Opportunity) => void }) {
  const { state, reload } = useApiPath<{ opportunities: Opportunity[] }>(`${REVOPS}/opportunities?limit=25`, revision);
  return (
    <div className="card" role="region" aria-labelledby="rv-opps-title">
      <h2 id="rv-opps-title">Opportunities</h2>
      <AsyncView state={state} label="opportunities" onRetry={reload} isEmpty={(d) => d.opportunities.length === 0}>
        {(d) => (
          <DataTable caption={`Latest opportunities (${d.opportunities.length})`} columns={['Created', 'Name', 'Team', 'Owner', 'Amount', 'Stage', 'Quote']}>
            {d.opportunities.map((o) => (
              <tr key={o.opportunity_id}>
                <th scope="row">{when(o.created_at)}</th>
                <td>{o.name}</td>
                <td>{o.team}</td>
                <td>{o.owner}</td>
                <td>{money(o.amount_minor, o.currency)}</td>
                <td>{o.stage}</td>
                <td>
                  {o.stage === 'open' && (
                    <button type="button" onClick={() => onQuote(o)} aria-label={`New quote for ${o.name}`}>
                      New quote
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </AsyncView>
    </div>
  );
}
