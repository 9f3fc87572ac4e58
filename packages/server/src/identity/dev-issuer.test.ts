import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJwt } from 'jose';
import { FakeClock } from '../util/clock.ts';
import { ACR_STEP_UP, DEV_ISSUER_KEY_FILE, DevIssuer } from './dev-issuer.ts';
import { mintDevToken } from './mint-dev-token.ts';

const dir = mkdtempSync(join(tmpdir(), 'companyos-dev-issuer-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the key is created in the data dir on first use, private, and reused afterwards', async () => {
  const token = await mintDevToken({ tenant: 'pilot-a', subject: 'user-admin', dataDir: dir });
  const file = join(dir, DEV_ISSUER_KEY_FILE);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  const claims = await DevIssuer.open({ keyFile: file }).verify(token);
  assert.equal(claims.sub, 'user-admin');
  assert.equal(claims.tenant_id, 'pilot-a');
});

test('tokens carry acr, amr and auth_time, with step-up when asked', async () => {
  const clock = new FakeClock('2026-05-01T12:00:00Z');
  const issuer = DevIssuer.open({ clock });
  const plain = decodeJwt(await issuer.mint({ tenant: 't1', subject: 's1', ttl: 120 }));
  assert.deepEqual([plain.amr, plain.exp! - plain.iat!, plain.auth_time], [['pwd'], 120, Date.parse('2026-05-01T12:00:00Z') / 1000]);
  const strong = decodeJwt(await issuer.mint({ tenant: 't1', subject: 's1', stepUp: true }));
  assert.equal(strong.acr, ACR_STEP_UP);
  assert.deepEqual(strong.amr, ['pwd', 'otp']);
});

test('expired tokens and tokens of another key are refused', async () => {
  const clock = new FakeClock();
  const issuer = DevIssuer.open({ clock });
  const token = await issuer.mint({ tenant: 't1', subject: 's1', ttl: 60 });
  await issuer.verify(token);
  await assert.rejects(DevIssuer.open({ clock }).verify(token));
  clock.advance(61_000);
  await assert.rejects(issuer.verify(token), /exp/);
});
