import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RSet, toJS } from '../value/value.ts';
import { callBuiltin } from './testing.ts';

const sorted = (v: unknown) => (toJS((v ?? null) as never) as string[]).slice().sort();

test('net.cidr_contains with addresses and networks, IPv4 and IPv6', () => {
  assert.equal(callBuiltin('net.cidr_contains', ['10.0.0.0/8', '10.1.0.0/24']), true);
  assert.equal(callBuiltin('net.cidr_contains', ['172.17.0.0/24', '172.17.0.0/16']), false);
  assert.equal(callBuiltin('net.cidr_contains', ['10.0.0.0/8', '10.1.2.3']), true);
  assert.equal(callBuiltin('net.cidr_contains', ['10.0.0.0/8', '192.168.1.1']), false);
  assert.equal(callBuiltin('net.cidr_contains', ['2001:4860:4860::8888/32', '2001:4860:4860:1234:5678:1234:5678:8888/128']), true);
  assert.equal(callBuiltin('net.cidr_contains', ['2001:4860::/96', '2001:4860::/32']), false);
  assert.equal(callBuiltin('net.cidr_contains', ['10.0.0.0/8', '::1']), false);
  assert.throws(() => callBuiltin('net.cidr_contains', ['not-a-cidr', '1.2.3.4']), { message: 'invalid CIDR address: not-a-cidr' });
  assert.throws(() => callBuiltin('net.cidr_contains', ['10.0.0.0/8', 'x']), {
    message: 'not a valid textual representation of an IP address or CIDR: x',
  });
});

test('net.cidr_intersects and net.cidr_is_valid', () => {
  assert.equal(callBuiltin('net.cidr_intersects', ['192.168.1.0/25', '192.168.1.64/25']), true);
  assert.equal(callBuiltin('net.cidr_intersects', ['192.168.1.0/24', '192.168.2.0/24']), false);
  assert.equal(callBuiltin('net.cidr_intersects', ['fd1e:5bfe:8af3:9ddc::/64', 'fd1e:5bfe:8af3:9ddc:1111::/72']), true);
  assert.throws(() => callBuiltin('net.cidr_intersects', ['192.168.1.0/28', 'nope']));
  assert.equal(callBuiltin('net.cidr_is_valid', ['2002::1234:abcd:ffff:c0a8:101/64']), true);
  for (const bad of ['', '192.168.1.2', '192.168.1.0/33', '01.2.3.4/8', 'a string']) {
    assert.equal(callBuiltin('net.cidr_is_valid', [bad]), false, bad);
  }
});

test('net.cidr_contains_matches over strings, arrays, sets and objects', () => {
  assert.deepEqual(toJS(callBuiltin('net.cidr_contains_matches', ['1.1.1.0/24', '1.1.1.1']) ?? null), [['1.1.1.0/24', '1.1.1.1']]);
  assert.deepEqual(
    toJS(callBuiltin('net.cidr_contains_matches', [[['1.1.2.0/24', 1], '1.1.1.0/24'], ['1.1.1.1', '1.1.2.1']]) ?? null),
    [[0, 1], [1, 0]],
  );
  assert.deepEqual(
    toJS(callBuiltin('net.cidr_contains_matches', [{ k1: '1.1.1.1/24', k2: ['1.1.1.2/24', 1] }, '1.1.1.128']) ?? null),
    [['k1', '1.1.1.128'], ['k2', '1.1.1.128']],
  );
  assert.throws(() => callBuiltin('net.cidr_contains_matches', ['1.1.1.0/24', new RSet([[], ['1.1.2.1', 'q']])]), {
    message: 'operand 2: element must be string or non-empty array',
  });
});

test('net.cidr_expand', () => {
  assert.deepEqual(sorted(callBuiltin('net.cidr_expand', ['172.16.100.255/30'])), [
    '172.16.100.252',
    '172.16.100.253',
    '172.16.100.254',
    '172.16.100.255',
  ]);
  assert.deepEqual(sorted(callBuiltin('net.cidr_expand', ['fe80::/127'])), ['fe80::', 'fe80::1']);
  assert.throws(() => callBuiltin('net.cidr_expand', ['192.168.1.1/33']), { message: 'invalid CIDR address: 192.168.1.1/33' });
});

test('net.cidr_merge', () => {
  const merge = (xs: unknown) => sorted(callBuiltin('net.cidr_merge', [xs]));
  assert.deepEqual(merge(['192.0.128.0/24', '192.0.129.0/24']), ['192.0.128.0/23']);
  assert.deepEqual(merge(['192.0.2.112/31', '192.0.2.116/31', '192.0.2.118/31']), ['192.0.2.112/31', '192.0.2.116/30']);
  assert.deepEqual(merge(['192.0.128.0/24', '0.0.0.0/0']), ['0.0.0.0/0']);
  assert.deepEqual(merge(['192.0.2.112', '192.0.2.116/31']), ['192.0.2.0/24']);
  assert.deepEqual(merge(['::/0', '::192.0.2.0/124', 'ff00::101/128']), ['::/0']);
  assert.deepEqual(merge(['2601:600:8a80:207e:a57d:7567:e2c9:e7b3/64', '2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128']), [
    '2601:600:8a80:207e::/64',
  ]);
  assert.deepEqual(merge(['fe80::/120', '192.0.2.0/24', '192.0.3.0/24', '192.0.4.0/25', '192.0.4.128/25']), [
    '192.0.2.0/23',
    '192.0.4.0/24',
    'fe80::/120',
  ]);
  assert.deepEqual(merge([]), []);
  assert.throws(() => merge(['2601:600::1']), { message: 'IPv6 invalid: needs prefix length' });
  assert.throws(() => merge(['foo']), { message: 'invalid CIDR address: foo' });
});
