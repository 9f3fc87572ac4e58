import { CONTENT_FILES, ENVELOPE_FILE, MANIFEST_FILE, PACK_FORMAT, USAGE_FILES, type PackSummary } from './layout.ts';

const DESCRIPTIONS: Record<string, string> = {
  [MANIFEST_FILE]: 'tenant, time window, filters, record counts, generator, and the SHA-256 and size of every other file',
  [ENVELOPE_FILE]: 'a DSSE envelope (Ed25519) over an in-toto Statement v1 whose subjects are manifest.json and the files it lists',
  'jwks.json': "the tenant's public signing keys (JWKS) when the pack was made, retired keys included",
  'checkpoint.txt': "a signed checkpoint (C2SP signed note) of the tenant's receipt ledger",
  'README.txt': 'this file',
  'bundles.jsonl': 'every policy bundle version the decisions cite: its hash and its files',
  'decisions.jsonl': 'the policy decisions in the window, one JSON object per line',
  'receipts.jsonl': 'the receipts in the window, each with its inclusion proof against the checkpoint',
  'audit_events.jsonl': 'the audit events in the window, one JSON object per line',
  'meter_readings.jsonl': 'the daily meter readings an invoice was rated from, one per meter and UTC day',
  'usage_events.jsonl': 'the usage events those readings sum, one JSON object per line',
};

/** The auditor's guide shipped inside every pack. */
export function readmeText(summary: PackSummary): string {
  const filters = Object.entries(summary.filters).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : v}`);
  const lines = [
    `CompanyOS evidence pack (${PACK_FORMAT})`,
    '',
    `Tenant:  ${summary.tenant}`,
    `Window:  ${summary.window.from} (inclusive) to ${summary.window.to} (exclusive)`,
    `Filters: ${filters.length > 0 ? filters.join('; ') : 'none'}`,
    `Made:    ${summary.created_at} by ${summary.generator}`,
    '',
    'Files, in archive order:',
    ...[MANIFEST_FILE, ENVELOPE_FILE, ...CONTENT_FILES, ...(summary.counts.usage_events === undefined ? [] : USAGE_FILES)].map((f) => `  ${f.padEnd(20)}${DESCRIPTIONS[f]}`),
    '',
    'To verify, offline:',
    '  companyos verify PACK [--jwks FILE]',
    '',
    'What the verifier checks, failing on the first doubt:',
    '  1. the envelope signature against jwks.json and, with --jwks, against a trusted copy of the',
    "     tenant's keys obtained independently (a pack's own keys only prove it is self-consistent);",
    '  2. the statement names manifest.json and every listed file with the digests found here;',
    '  3. every file has the SHA-256 and size the manifest states; none is missing, extra or out of order;',
    '  4. the checkpoint signature, and every receipt\'s inclusion proof against that checkpoint;',
    '  5. every record is of this tenant, inside the window and filters, and every decision cites a',
    '     bundle included here whose content matches its hash; the counts match the manifest.',
    '',
    'By hand: the envelope payload is base64 of canonical JSON (RFC 8785); the signature covers the',
    'DSSE v1 pre-authentication encoding of payloadType and payload; `sha256sum` of each file must',
    'match manifest.json.',
    '',
  ];
  return lines.join('\n');
}
