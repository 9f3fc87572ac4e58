import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { KEK_VARIABLE, LocalKeyProvider, parseKek, type KeyProvider } from './key-provider.ts';

export const DEV_KEK_FILE = 'kek.b64';

/**
 * The key provider when COMPANYOS_KEK is not set: a KEK generated once and kept in the data dir
 * (mode 0600), so a development server can restart and still unwrap its tenant keys. Anyone who
 * can read the data dir can read the keys, hence the warning.
 */
export function devKeyProvider(dataDir: string, log: Logger): KeyProvider {
  const file = join(dataDir, DEV_KEK_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  log.warn({ file }, `${KEK_VARIABLE} is not set: tenant signing keys are wrapped under a development key stored beside the data; set ${KEK_VARIABLE} in production`);
  return new LocalKeyProvider(parseKek(readFileSync(file, 'utf8'), file));
}
