import { pagesBefore } from '../../api/pages-before.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { PagedView } from '../../ui/paged-view.tsx';
import { Time } from '../../ui/time.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { REVOPS, type Lead, type Opportunity } from './revops-types.ts';
import { money } from '../../ui/format.ts';

const LEADS = `${REVOPS}/leads?limit=25`;
const OPPORTUNITIES = `${REVOPS}/opportunities?limit=25`;

/** The tenant's leads, newest first, with the team and executive routing gave them. */
export function LeadList({ revision }: { revision: number }) {
  const list = usePagedList<Lead>(LEADS, pagesBefore(LEADS, 'leads'), revision);
  return (
    <div className="card" role="region" aria-labelledby="rv-leads-title">
      <h2 id="rv-leads-title">Leads</h2>
      <PagedView list={list} label="leads" empty="No leads yet. Create the first one above.">
        {(leads, page) => (
          <DataTable caption={`Leads, newest first, page ${page} (${leads.length})`} columns={['Created', 'Company', 'Segment', 'Region', 'Value', 'Team', 'Owner', 'Status']}>
            {leads.map((l) => (
              <tr key={l.lead_id}>
                <th scope="row">
                  <Time at={l.created_at} />
                </th>
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
      </PagedView>
    </div>
  );
}

/** The tenant's opportunities, newest first; an open one takes a new quote. */
export function OpportunityList({ revision, onQuote }: { revision: number; onQuote: (o: Opportunity) => void }) {
  const list = usePagedList<Opportunity>(OPPORTUNITIES, pagesBefore(OPPORTUNITIES, 'opportunities'), revision);
  return (
    <div className="card" role="region" aria-labelledby="rv-opps-title">
      <h2 id="rv-opps-title">Opportunities</h2>
      <PagedView list={list} label="opportunities" empty="No opportunities yet: an enterprise lead becomes one.">
        {(opportunities, page) => (
          <DataTable caption={`Opportunities, newest first, page ${page} (${opportunities.length})`} columns={['Created', 'Name', 'Team', 'Owner', 'Amount', 'Stage', 'Quote']}>
            {opportunities.map((o) => (
              <tr key={o.opportunity_id}>
                <th scope="row">
                  <Time at={o.created_at} />
                </th>
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
      </PagedView>
    </div>
  );
}
