import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey, generateKeyPairSync, sign as cryptoSign } from 'node:crypto';
import { ed25519NoteKeyId, ed25519NoteSigner, ed25519NoteVerifier, formatVerifierKey, parseVerifierKey } from './ed25519-note-keys.ts';
import { MAX_SIGNATURES, NoteError, type NoteSigner, openNote, signNote } from './note.ts';

// The signed-note example of the Go reference implementation (golang.org/x/mod/sumdb/note):
// its key pair, verifier key and the signed note it produces. Ed25519 is deterministic, so
// signing the same text with the same key must reproduce the note byte for byte.
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_SEED = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
const GO_PUBLIC = Buffer.from('ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'base64').subarray(1);
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

function signerFromSeed(name: string, seed: Buffer, publicKey: Buffer): NoteSigner {
  const key = createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', d: seed.toString('base64url'), x: publicKey.toString('base64url') },
    format: 'jwk',
  });
  return ed25519NoteSigner(name, { publicKey, sign: (m) => cryptoSign(null, m, key) });
}

function freshKey(name: string): { signer: NoteSigner; publicKey: Buffer } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return { signer: ed25519NoteSigner(name, { publicKey: raw, sign: (m) => cryptoSign(null, m, privateKey) }), publicKey: raw };
}

test('reproduces and opens the reference signed note', () => {
  assert.equal(ed25519NoteKeyId('PeterNeumann', GO_PUBLIC), 0xc74f20a3);
  assert.equal(formatVerifierKey('PeterNeumann', GO_PUBLIC), GO_VKEY);
  assert.equal(signNote(GO_TEXT, [signerFromSeed('PeterNeumann', GO_SEED, GO_PUBLIC)]), GO_NOTE);
  const opened = openNote(GO_NOTE, [parseVerifierKey(GO_VKEY)]);
  assert.equal(opened.text, GO_TEXT);
  assert.deepEqual(opened.verified, [{ name: 'PeterNeumann', keyId: 0xc74f20a3 }]);
  assert.throws(() => openNote(GO_NOTE.replace('cryptography', 'cryptographY'), [parseVerifierKey(GO_VKEY)]), { code: 'invalid-signature' });
});

test('verifier key strings are checked', () => {
  assert.throws(() => parseVerifierKey(GO_VKEY.replace('c74f20a3', 'c74f20a4')), /does not match/);
  assert.throws(() => parseVerifierKey(GO_VKEY.replace('PeterNeumann', 'Peter')), /does not match/);
  assert.throws(() => parseVerifierKey('PeterNeumann+c74f20a3'), /name\+keyid\+key/);
  assert.throws(() => parseVerifierKey(GO_VKEY.replace('+ARpc', '+AhpC')), /Ed25519|does not match/);
});

test('multiple signatures: each trusted one is verified, unknown ones are ignored', () => {
  const a = freshKey('log.example/a');
  const b = freshKey('witness.example/b');
  const stranger = freshKey('log.example/a'); // same name, different key: not the trusted key
  const note = signNote('hello\n\nworld\n', [a.signer, b.signer, stranger.signer]);
  const opened = openNote(note, [ed25519NoteVerifier('log.example/a', a.publicKey), ed25519NoteVerifier('witness.example/b', b.publicKey)]);
  assert.equal(opened.text, 'hello\n\nworld\n', 'the text keeps its own blank lines');
  assert.deepEqual(opened.verified.map((s) => s.name), ['log.example/a', 'witness.example/b']);
  assert.deepEqual(opened.unknown, [{ name: 'log.example/a', keyId: stranger.signer.keyId }]);
  const onlyB = openNote(note, [ed25519NoteVerifier('witness.example/b', b.publicKey)]);
  assert.equal(onlyB.verified.length, 1);
  assert.equal(onlyB.unknown.length, 2);
});

test('a note without a trusted signature, or with a bad one, is rejected', () => {
  const a = freshKey('log.example/a');
  const b = freshKey('log.example/b');
  const note = signNote('text\n', [a.signer]);
  assert.throws(() => openNote(note, [ed25519NoteVerifier('log.example/b', b.publicKey)]), { code: 'unverified' });
  assert.throws(() => openNote(note, []), { code: 'unverified' });
  // A forged signature under the trusted key's name and id fails the whole note, even beside a good one.
  const forged = { ...b.signer, name: a.signer.name, keyId: a.signer.keyId };
  const mixed = signNote('text\n', [b.signer, forged]);
  assert.throws(() => openNote(mixed, [ed25519NoteVerifier('log.example/a', a.publicKey), ed25519NoteVerifier('log.example/b', b.publicKey)]), {
    code: 'invalid-signature',
  });
  const v = ed25519NoteVerifier('log.example/a', a.publicKey);
  assert.throws(() => openNote(note, [v, v]), /share name/);
});

test('malformed notes are rejected', () => {
  const a = freshKey('log.example/a');
  const verifiers = [ed25519NoteVerifier('log.example/a', a.publicKey)];
  const good = signNote('text\n', [a.signer]);
  const line = good.slice('text\n\n'.length);
  const cases: Record<string, string> = {
    'no blank line': `text\n${line}`,
    'no final newline': good.slice(0, -1),
    'trailing blank line': `${good}\n`,
    'hyphen instead of em dash': good.replace('\u2014', '-'),
    'missing space': good.replace('\u2014 ', '\u2014'),
    'extra field': good.replace(/\n$/, ' extra\n'),
    'bad base64': good.replace(/ (\S+)\n$/, ' !!!!\n'),
    'unpadded base64': good.replace(/=+\n$/, '\n'),
    'signature too short': `text\n\n\u2014 log.example/a ${Buffer.from([1, 2, 3, 4]).toString('base64')}\n`,
    'plus in key name': `text\n\n\u2014 a+b ${Buffer.alloc(68).toString('base64')}\n`,
    'control character': good.replace('text', 'te\u0007xt'),
    'carriage return': good.replace('text\n', 'text\r\n'),
    'lone surrogate': good.replace('text', 'te\ud800xt'),
    'duplicate trusted signature': good + line,
  };
  for (const [what, note] of Object.entries(cases)) {
    assert.throws(() => openNote(note, verifiers), (e: unknown) => e instanceof NoteError && e.code === 'malformed', what);
  }
  const many = `text\n\n${`\u2014 other.example ${Buffer.alloc(68).toString('base64')}\n`.repeat(MAX_SIGNATURES + 1)}`;
  assert.throws(() => openNote(many, verifiers), /more than 100 signatures/);
  // Sixteen signatures must be accepted.
  const sixteen = Array.from({ length: 15 }, (_, i) => freshKey(`w${i}.example`).signer);
  assert.equal(openNote(signNote('text\n', [a.signer, ...sixteen]), verifiers).unknown.length, 15);
});

test('signing refuses text the format cannot carry', () => {
  const a = freshKey('log.example/a');
  assert.throws(() => signNote('no newline', [a.signer]), /end with a newline/);
  assert.throws(() => signNote('tab\there\n', [a.signer]), /control characters/);
  assert.throws(() => signNote('text\n', []), /at least one signer/);
  assert.throws(() => signNote('text\n', [{ ...a.signer, name: 'has space' }]), /invalid key name/);
  assert.throws(() => ed25519NoteKeyId('ok', new Uint8Array(31)), /32 bytes/);
});
