// `companyos actions`: the catalogue of governed actions. Every privileged route is one of these,
// each decided by the tenant's policy at `data.companyos.authz.decision`.

import { listActions } from '@companyos/server';
import { parse } from '../args.ts';
import { printTable } from '../table.ts';

export async function actionsCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { json: { type: 'boolean' } });
  const actions = listActions();
  if (values.json === true) {
    console.log(JSON.stringify(actions, null, 2));
    return 0;
  }
  const rows = actions.map((a) => [a.name, a.method, a.path, a.scope, a.policy]);
  printTable(['ACTION', 'METHOD', 'PATH', 'SCOPE', 'POLICY'], rows);
  return 0;
}
