// `companyos drift`: whether the server runs the caller tenant's active policy bundle, and holds
// its current flags and configuration. Exits 1 on drift, so a deployment check can wait for it to clear.

import { parse } from '../args.ts';
import { callApi } from '../api-client.ts';

interface Drift {
  tenant: string;
  loaded_hash: string;
  active_hash: string;
  active_version: number | null;
  drifted: boolean;
}

/** Flags and configuration (settings and branding): the hash this process holds against the database's. */
interface ConfigDrift {
  tenant: string;
  readings: { kind: string; drifted: boolean; loaded: string | null; desired: string | null }[];
}

export async function driftCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { url: { type: 'string' }, token: { type: 'string' }, json: { type: 'boolean' } });
  const drift = (await callApi('GET', '/api/v1/policy/drift', values)) as Drift;
  const config = (await callApi('GET', '/api/v1/config/drift', values)) as ConfigDrift;
  if (values.json === true) console.log(JSON.stringify({ ...drift, kinds: config.readings }, null, 2));
  else {
    const version = drift.active_version === null ? 'base bundle' : `version ${drift.active_version}`;
    console.log(`${drift.tenant}: ${drift.drifted ? 'DRIFT' : 'in sync'} (active ${version} ${drift.active_hash.slice(0, 12)}, loaded ${drift.loaded_hash.slice(0, 12)})`);
    for (const r of config.readings) {
      console.log(`${config.tenant} ${r.kind}: ${r.drifted ? 'DRIFT' : 'in sync'} (desired ${r.desired?.slice(0, 12) ?? 'none'}, loaded ${r.loaded?.slice(0, 12) ?? 'not yet'})`);
    }
  }
  return drift.drifted || config.readings.some((r) => r.drifted) ? 1 : 0;
}
