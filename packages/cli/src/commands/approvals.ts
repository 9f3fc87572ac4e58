// `companyos approvals`: everything waiting for the caller's approval across flows, as the
// server's inbox gathers it.

import { parse } from '../args.ts';
import { callApi } from '../api-client.ts';
import { printTable } from '../table.ts';

interface Pending {
  flow: string;
  id: string;
  title: string;
  requestedBy: string;
  requestedAt: string;
  requiredApprovers: string[];
}

export async function approvalsCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { url: { type: 'string' }, token: { type: 'string' }, json: { type: 'boolean' } });
  const { approvals } = (await callApi('GET', '/api/v1/approvals?assignee=me', values)) as { approvals: Pending[] };
  if (values.json === true) console.log(JSON.stringify(approvals, null, 2));
  else if (approvals.length === 0) console.log('nothing waits for your approval');
  else {
    printTable(
      ['FLOW', 'ID', 'TITLE', 'REQUESTED BY', 'ALSO NEEDED'],
      approvals.map((a) => [a.flow, a.id, a.title, a.requestedBy, a.requiredApprovers.join(', ') || '-']),
    );
  }
  return 0;
}
