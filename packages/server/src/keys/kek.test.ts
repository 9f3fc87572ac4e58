import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { DEV_KEK_FILE, devKeyProvider } from './kek.ts';

test('COMPANYOS_KEK is read and validated with the configuration, without echoing the value', () => {
  const kek = randomBytes(32);
  assert.deepEqual(loadConfig({ COMPANYOS_KEK: kek.toString('base64') }).kek, kek);
  assert.equal(loadConfig({}).kek, undefined);
  const short = randomBytes(16).toString('base64');
  assert.throws(
    () => loadConfig({ COMPANYOS_KEK: short }),
    (e: unknown) => e instanceof ConfigError && /COMPANYOS_KEK decodes to 16 bytes/.test(e.message) && !e.message.includes(short),
  );
  assert.throws(() => loadConfig({ COMPANYOS_CHECKPOINT_EVERY: '0' }), /COMPANYOS_CHECKPOINT_EVERY/);
  assert.equal(loadConfig({ COMPANYOS_CHECKPOINT_INTERVAL_MS: '250' }).checkpointIntervalMs, 250);
});

test('the development KEK is generated once in the data dir, private to the owner, and reused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'companyos-kek-'));
  try {
    const log = createLogger({ level: 'silent' });
    const first = devKeyProvider(dir, log);
    const wrapped = await first.wrap(Buffer.from('secret'), Buffer.from('aad'));
    const file = join(dir, DEV_KEK_FILE);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const text = readFileSync(file, 'utf8');
    const second = devKeyProvider(dir, log);
    assert.equal(readFileSync(file, 'utf8'), text);
    assert.equal(Buffer.from(await second.unwrap(wrapped, Buffer.from('aad'))).toString(), 'secret');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
