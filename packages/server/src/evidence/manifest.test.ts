import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONTENT_FILES, MANIFEST_FILE, PACK_FORMAT, PREDICATE_TYPE, STATEMENT_TYPE, type PackManifest } from './layout.ts';
import { manifestBytes, packStatement, parseManifest } from './manifest.ts';

const manifest: PackManifest = {
  format: PACK_FORMAT,
  generator: 'companyos-server/0.1.0',
  tenant: 't1',
  created_at: '2026-03-02T08:00:00.000Z',
  window: { from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' },
  filters: { actors: ['user:ada'] },
  counts: { bundles: 1, decisions: 2, receipts: 3, audit_events: 4 },
  files: CONTENT_FILES.map((name, i) => ({ name, sha256: String(i).repeat(64), size: i })),
};

function parse(m: unknown) {
  return parseManifest(Buffer.from(JSON.stringify(m)));
}

test('a written manifest parses back to itself', () => {
  assert.deepEqual(parseManifest(manifestBytes(manifest)), { manifest });
});

test('an unknown format is reported as such, before anything else', () => {
  assert.deepEqual(parse({ format: 'companyos.evidence-pack/v2' }), { unknownFormat: 'companyos.evidence-pack/v2' });
  assert.deepEqual(parse({ ...manifest, format: undefined }), { unknownFormat: 'undefined' });
});

test('missing, extra or malformed fields are refused', () => {
  const bad: [unknown, RegExp][] = [
    [{ ...manifest, extra: 1 }, /unexpected \[extra\]/],
    [{ ...manifest, tenant: undefined }, /missing \[tenant\]/],
    [{ ...manifest, tenant: '' }, /tenant malformed/],
    [{ ...manifest, created_at: '2026-03-02T08:00:00Z' }, /created_at/],
    [{ ...manifest, window: { from: '2026-03-01T00:00:00Z', to: manifest.window.to } }, /canonical form/],
    [{ ...manifest, window: { from: manifest.window.to, to: manifest.window.from } }, /end after it starts/],
    [{ ...manifest, filters: { actors: ['b', 'a'] } }, /filters/],
    [{ ...manifest, counts: { ...manifest.counts, receipts: -1 } }, /counts/],
    [{ ...manifest, counts: { ...manifest.counts, extra: 1 } }, /counts/],
    [{ ...manifest, files: manifest.files.slice(1) }, /files must list/],
    [{ ...manifest, files: [...manifest.files].reverse() }, /files must list/],
    [{ ...manifest, files: manifest.files.map((f) => ({ ...f, sha256: 'abc' })) }, /files must list/],
  ];
  for (const [m, message] of bad) {
    const result = parse(m);
    assert.ok('error' in result, JSON.stringify(m));
    assert.match(result.error, message);
  }
  assert.deepEqual(parseManifest(Buffer.from('nope')), { error: 'manifest.json is not JSON' });
});

test('the statement names manifest.json first, then every listed file, with the summary as predicate', () => {
  const s = packStatement(manifest, 'f'.repeat(64));
  assert.equal(s._type, STATEMENT_TYPE);
  assert.equal(s.predicateType, PREDICATE_TYPE);
  assert.deepEqual(s.subject.map((x) => x.name), [MANIFEST_FILE, ...CONTENT_FILES]);
  assert.deepEqual(s.subject[0]!.digest, { sha256: 'f'.repeat(64) });
  assert.equal('files' in s.predicate, false);
  assert.equal(s.predicate.tenant, 't1');
});
