import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { renderJwks } from '../../keys/jwks.ts';
import { LocalKeyProvider } from '../../keys/key-provider.ts';
import { SignerCache } from '../../keys/signer-cache.ts';
import { generateTenantKey } from '../../keys/tenant-key.ts';
import { ed25519NoteSigner } from './ed25519-note-keys.ts';
import { openCheckpoint, signCheckpoint } from './signed-checkpoint.ts';
import { jwksNoteVerifiers } from './tenant-verifiers.ts';

const ORIGIN = 'companyos.test/tenants/t1/ledger';

test('a checkpoint signed by any listed tenant key, active or retired, opens and names its kid', async () => {
  const provider = new LocalKeyProvider(randomBytes(32));
  const signers = new SignerCache(provider);
  const old = await generateTenantKey('t1', provider, new Date('2026-01-01T00:00:00Z'));
  const current = await generateTenantKey('t1', provider, new Date('2026-02-01T00:00:00Z'));
  const oldNote = signCheckpoint({ origin: ORIGIN, size: 1, rootHash: randomBytes(32) }, [ed25519NoteSigner(ORIGIN, await signers.signer(old))]);
  const jwks = renderJwks([{ ...old, status: 'retired', notAfter: current.notBefore }, current]);
  const verifiers = jwksNoteVerifiers(ORIGIN, jwks);
  assert.deepEqual(verifiers.map((v) => v.kid), [current.kid, old.kid]);
  const opened = openCheckpoint(oldNote, verifiers, ORIGIN);
  assert.equal(verifiers.find((v) => v.keyId === opened.verified[0]!.keyId)!.kid, old.kid);
  // Under another name the same keys have other key ids, so the signature is not recognised.
  assert.throws(() => openCheckpoint(oldNote, jwksNoteVerifiers('companyos.test/tenants/t2/ledger', jwks)), /no signature from a trusted key/);
});
