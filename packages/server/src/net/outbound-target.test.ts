import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { DENY_PRIVATE, nonPublicReason, OutboundRefused, resolveOutbound, type Lookup } from './outbound-target.ts';
import { postPinned } from './pinned-post.ts';

const answers = (...addresses: string[]): Lookup => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

const refusal = async (url: string, lookup: Lookup = answers('93.184.216.34')): Promise<string[]> => {
  try {
    await resolveOutbound(url, DENY_PRIVATE, lookup);
  } catch (err) {
    assert.ok(err instanceof OutboundRefused);
    return err.reasons;
  }
  assert.fail(`${url} was not refused`);
};

test('non-public addresses are named; public ones pass', () => {
  const cases: Record<string, string | undefined> = {
    '127.0.0.1': 'loopback',
    '10.1.2.3': 'private',
    '172.31.255.1': 'private',
    '192.168.0.10': 'private',
    '169.254.169.254': 'cloud metadata',
    '169.254.10.1': 'link-local',
    '224.0.0.251': 'multicast',
    '0.0.0.0': 'unspecified',
    '100.64.0.1': 'shared (carrier-grade NAT)',
    '::1': 'loopback',
    '::': 'unspecified',
    'fd00:ec2::254': 'private',
    'fe80::1': 'link-local',
    'ff02::1': 'multicast',
    '::ffff:127.0.0.1': 'loopback',
    '::ffff:169.254.169.254': 'cloud metadata',
    '93.184.216.34': undefined,
    '2606:4700::1111': undefined,
    '172.32.0.1': undefined,
  };
  for (const [address, reason] of Object.entries(cases)) assert.equal(nonPublicReason(address), reason, address);
});

test('a URL is refused for its scheme, its credentials, or any address its host resolves to', async () => {
  assert.match((await refusal('ftp://example.com/x'))[0]!, /scheme ftp is not http or https/);
  assert.match((await refusal('https://user:secret@example.com/x'))[0]!, /credentials/);
  assert.match((await refusal('http://169.254.169.254/latest/meta-data/'))[0]!, /169\.254\.169\.254, which is not public \(cloud metadata\)/);
  assert.match((await refusal('http://[::1]:8080/'))[0]!, /::1, which is not public \(loopback\)/);
  assert.match((await refusal('http://0.0.0.0/'))[0]!, /unspecified/);
  // One private answer among public ones is enough: the connection could go to any of them.
  assert.match((await refusal('https://hooks.example.com/', answers('93.184.216.34', '10.0.0.7')))[0]!, /hooks\.example\.com resolves to 10\.0\.0\.7, which is not public \(private\)/);
  assert.match((await refusal('https://nowhere.invalid/', async () => Promise.reject(Object.assign(new Error('x'), { code: 'ENOTFOUND' }))))[0]!, /does not resolve \(ENOTFOUND\)/);
  const ok = await resolveOutbound('https://hooks.example.com/in', DENY_PRIVATE, answers('93.184.216.34'));
  assert.deepEqual([ok.address, ok.family, ok.url.pathname], ['93.184.216.34', 4, '/in']);
});

test('the allow-list lets named hosts or private addresses through (development and tests)', async () => {
  const local = answers('127.0.0.1');
  await assert.rejects(resolveOutbound('http://localhost:9/', { allowPrivate: false, allowHosts: ['127.0.0.1'] }, local), OutboundRefused);
  assert.equal((await resolveOutbound('http://localhost:9/', { allowPrivate: false, allowHosts: ['localhost'] }, local)).address, '127.0.0.1');
  assert.equal((await resolveOutbound('http://localhost:9/', { allowPrivate: true, allowHosts: [] }, local)).address, '127.0.0.1');
  // Credentials and schemes are refused whatever the allow-list.
  await assert.rejects(resolveOutbound('http://a:b@localhost/', { allowPrivate: true, allowHosts: [] }, local), OutboundRefused);
});

test('a delivery connects to the address that was checked, not to what the name resolves to later', async () => {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.headers.host} ${req.url}`);
    res.statusCode = 204;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as AddressInfo).port;
    // The name does not resolve at all here: only the pinned address can be reached.
    const status = await postPinned({ url: new URL(`http://rebind.invalid:${port}/hook`), address: '127.0.0.1', family: 4 }, '{}', { 'content-type': 'application/json' }, AbortSignal.timeout(5_000));
    assert.equal(status, 204);
    assert.deepEqual(seen, [`rebind.invalid:${port} /hook`]);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
