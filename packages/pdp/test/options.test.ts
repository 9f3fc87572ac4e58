import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePdpArgs, PdpUsageError } from '../src/options.ts';

const env = { COMPANYOS_PDP_API_KEY: 'cos_key' };

test('defaults follow the CompanyOS URL and the tenant; the key comes from the environment', () => {
  const o = parsePdpArgs(['--tenant', 'pilot-a', '--url', 'https://cos.example.com/'], env);
  assert.equal(o.bundleUrl, 'https://cos.example.com/api/v1/policy/bundles/pilot-a.tar.gz');
  assert.equal(o.decisionLogUrl, 'https://cos.example.com/api/v1/policy/decision-logs');
  assert.deepEqual({ host: o.host, port: o.port, apiKey: o.apiKey, poll: o.pollIntervalMs, dir: o.dataDir, decision: o.defaultDecision }, { host: '127.0.0.1', port: 8181, apiKey: 'cos_key', poll: 10_000, dir: 'data/pdp/pilot-a', decision: 'system/main' });
  const quiet = parsePdpArgs(['--tenant', 'pilot-a', '--no-decision-logs', '--no-persist', '--addr', '[::1]:9000', '--poll-interval', '250ms'], env);
  assert.deepEqual({ log: quiet.decisionLogUrl, dir: quiet.dataDir, host: quiet.host, port: quiet.port, poll: quiet.pollIntervalMs }, { log: undefined, dir: undefined, host: '::1', port: 9000, poll: 250 });
});

test('every bad value is named', () => {
  const cases: [string[], Record<string, string>, RegExp][] = [
    [[], env, /--tenant is required/],
    [['--tenant', 'pilot-a'], {}, /API key is required/],
    [['--tenant', 'Pilot A'], env, /--tenant: "Pilot A" is not a tenant id/],
    [['--tenant', 'pilot-a', '--addr', 'nowhere'], env, /--addr/],
    [['--tenant', 'pilot-a', '--poll-interval', '10'], env, /--poll-interval: "10" is not a duration/],
    [['--tenant', 'pilot-a', '--bundle-url', 'ftp://x/b.tar.gz'], env, /--bundle-url: use an http or https URL/],
    [['--tenant', 'pilot-a', '--log-level', 'loud'], env, /--log-level/],
    [['--tenant', 'pilot-a', '--frobnicate'], env, /frobnicate/],
  ];
  for (const [argv, e, message] of cases) assert.throws(() => parsePdpArgs(argv, e), (err: unknown) => err instanceof PdpUsageError && message.test(err.message), argv.join(' '));
});
