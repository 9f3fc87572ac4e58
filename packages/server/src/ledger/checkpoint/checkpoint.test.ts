import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign as cryptoSign } from 'node:crypto';
import { CheckpointError, formatCheckpoint, parseCheckpoint } from './checkpoint.ts';
import { ed25519NoteSigner, ed25519NoteVerifier } from './ed25519-note-keys.ts';
import { NoteError } from './note.ts';
import { openCheckpoint, peekOrigin, signCheckpoint } from './signed-checkpoint.ts';

const ROOT = Buffer.from('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'base64');

test('formats and parses the checkpoint body', () => {
  const text = formatCheckpoint({ origin: 'example.com/behind-the-sofa', size: 20852163, rootHash: ROOT });
  assert.equal(text, 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n');
  const parsed = parseCheckpoint(text);
  assert.equal(parsed.origin, 'example.com/behind-the-sofa');
  assert.equal(parsed.size, 20852163);
  assert.deepEqual(Buffer.from(parsed.rootHash), ROOT);
  assert.deepEqual(parsed.extensions, []);
  const withExt = formatCheckpoint({ origin: 'o.example/l', size: 0, rootHash: ROOT, extensions: ['ext one', 'two'] });
  assert.equal(withExt.split('\n').length, 6);
  assert.deepEqual(parseCheckpoint(withExt).extensions, ['ext one', 'two']);
  assert.equal(formatCheckpoint(parseCheckpoint(withExt)), withExt);
});

test('malformed checkpoint bodies are rejected', () => {
  const root = ROOT.toString('base64');
  const bad: Record<string, string> = {
    'missing newline': `o\n1\n${root}`,
    'two lines': 'o\n1\n',
    'empty origin': `\n1\n${root}\n`,
    'leading zero': `o\n01\n${root}\n`,
    'negative size': `o\n-1\n${root}\n`,
    'size with space': `o\n 1\n${root}\n`,
    'unsafe size': `o\n9007199254740993\n${root}\n`,
    'short root': `o\n1\n${ROOT.subarray(1).toString('base64')}\n`,
    'unpadded root': `o\n1\n${root.replace('=', '')}\n`,
    'url-safe root': `o\n1\n${ROOT.toString('base64url')}=\n`,
    'empty extension': `o\n1\n${root}\n\n`,
  };
  for (const [what, text] of Object.entries(bad)) assert.throws(() => parseCheckpoint(text), CheckpointError, what);
  assert.equal(parseCheckpoint(`o\n0\n${root}\n`).size, 0);
});

test('formatting refuses values the note could not carry', () => {
  assert.throws(() => formatCheckpoint({ origin: 'has space', size: 1, rootHash: ROOT }), /origin/);
  assert.throws(() => formatCheckpoint({ origin: 'a+b', size: 1, rootHash: ROOT }), /origin/);
  assert.throws(() => formatCheckpoint({ origin: 'o', size: -1, rootHash: ROOT }), /size/);
  assert.throws(() => formatCheckpoint({ origin: 'o', size: 1.5, rootHash: ROOT }), /size/);
  assert.throws(() => formatCheckpoint({ origin: 'o', size: 1, rootHash: ROOT.subarray(2) }), /32 bytes/);
  assert.throws(() => formatCheckpoint({ origin: 'o', size: 1, rootHash: ROOT, extensions: [''] }), /extension/);
});

test('a signed checkpoint opens with the log key and names its origin', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const origin = 'companyos.example/tenants/t1/ledger';
  const signer = ed25519NoteSigner(origin, { publicKey: raw, sign: (m) => cryptoSign(null, m, privateKey) });
  const note = signCheckpoint({ origin, size: 42, rootHash: ROOT }, [signer]);
  assert.equal(peekOrigin(note), origin);
  const opened = openCheckpoint(note, [ed25519NoteVerifier(origin, raw)], origin);
  assert.equal(opened.checkpoint.size, 42);
  assert.deepEqual(opened.verified, [{ name: origin, keyId: signer.keyId }]);
  assert.throws(() => openCheckpoint(note, [ed25519NoteVerifier(origin, raw)], 'companyos.example/tenants/t2/ledger'), /expected/);
  assert.throws(() => openCheckpoint(note.replace('\n42\n', '\n43\n'), [ed25519NoteVerifier(origin, raw)]), NoteError);
});
