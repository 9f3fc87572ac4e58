import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { DEV_ISSUER_KEY_FILE, DevIssuer, type MintOptions } from './dev-issuer.ts';

/**
 * Mints a bearer token from the local dev issuer whose key lives in the data dir (created on
 * first use), so a server started on the same data dir accepts it.
 */
export function mintDevToken(options: MintOptions & { dataDir?: string }): Promise<string> {
  const dataDir = options.dataDir ?? loadConfig().dataDir;
  return DevIssuer.open({ keyFile: join(dataDir, DEV_ISSUER_KEY_FILE) }).mint(options);
}
