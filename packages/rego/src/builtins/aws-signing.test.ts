import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RObject, RSet, toJS } from '../value/value.ts';
import { signV4, type SigningConfig } from './aws-signing.ts';
import { OperandTypeError } from './errors.ts';
import { callBuiltin } from './testing.ts';

// 2015-08-30T12:36:00Z, the time of AWS's published "get-vanilla" signing example.
const VANILLA_NS = 1_440_938_160_000_000_000n;
const EXAMPLE: SigningConfig = {
  accessKey: 'AKIDEXAMPLE',
  secretKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
  service: 'service',
  sessionToken: '',
  disablePayloadSigning: false,
};
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

test('signV4 reproduces AWS\'s published get-vanilla signature', () => {
  const headers = new Map(
    signV4({ method: 'GET', url: 'https://example.amazonaws.com/', headers: [], body: Buffer.alloc(0) }, EXAMPLE, VANILLA_NS),
  );
  assert.equal(
    headers.get('Authorization'),
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,SignedHeaders=host;x-amz-date,' +
      'Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
  );
  assert.equal(headers.get('host'), 'example.amazonaws.com');
  assert.equal(headers.get('x-amz-date'), '20150830T123600Z');
  assert.equal(headers.has('x-amz-content-sha256'), false, 'only S3 and Glacier get the payload hash header');
});

const CONFIG = {
  aws_access_key: 'AKIDEXAMPLE',
  aws_secret_access_key: 'secret',
  aws_service: 's3',
  aws_region: 'eu-west-1',
};

function signedHeaders(req: Record<string, unknown>, config: Record<string, unknown> = CONFIG, ns = VANILLA_NS) {
  const out = callBuiltin('providers.aws.sign_req', [req, config, Number(ns)]);
  assert.ok(out instanceof RObject);
  return toJS(out.getStr('headers') ?? null) as Record<string, string>;
}

test('S3 requests carry the payload hash; the request keeps its own fields and headers', () => {
  const out = callBuiltin('providers.aws.sign_req', [
    { method: 'get', url: 'http://bucket.example.com:9000/a%20b/c?list-type=2', headers: { Foo: 'bar' }, timeout: '1s' },
    CONFIG,
    Number(VANILLA_NS),
  ]);
  assert.ok(out instanceof RObject);
  assert.equal(out.getStr('timeout'), '1s');
  const headers = toJS(out.getStr('headers') ?? null) as Record<string, string>;
  assert.equal(headers.Foo, 'bar');
  assert.equal(headers.host, 'bucket.example.com:9000');
  assert.equal(headers['x-amz-content-sha256'], EMPTY_SHA256);
  assert.match(headers.Authorization ?? '', /SignedHeaders=foo;host;x-amz-content-sha256;x-amz-date,Signature=[0-9a-f]{64}$/);
});

test('raw_body wins over body, and body is signed as compact JSON with sorted keys', () => {
  const viaBody = signedHeaders({ method: 'put', url: 'https://s3.example.com/k', body: { b: [1, 2], a: 'x' } });
  const viaRaw = signedHeaders({ method: 'put', url: 'https://s3.example.com/k', raw_body: '{"a":"x","b":[1,2]}' });
  const both = signedHeaders({ method: 'put', url: 'https://s3.example.com/k', raw_body: '{"a":"x","b":[1,2]}', body: 1 });
  assert.equal(viaBody['x-amz-content-sha256'], viaRaw['x-amz-content-sha256']);
  assert.equal(viaBody.Authorization, viaRaw.Authorization);
  assert.equal(both.Authorization, viaRaw.Authorization);
  assert.notEqual(viaRaw['x-amz-content-sha256'], EMPTY_SHA256);
});

test('unsigned payloads, session tokens and headers that are never signed', () => {
  const h = signedHeaders(
    { method: 'get', url: 'https://s3.example.com/', headers: { 'User-Agent': 'policy', 'X-Custom': 'v' } },
    { ...CONFIG, aws_session_token: 'TOKEN', disable_payload_signing: true },
  );
  assert.equal(h['x-amz-content-sha256'], 'UNSIGNED-PAYLOAD');
  assert.equal(h['x-amz-security-token'], 'TOKEN');
  assert.equal(h['User-Agent'], 'policy');
  assert.match(h.Authorization ?? '', /SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-custom,/);
});

test('a header the request already has is signed with its own value but sent with the computed one', () => {
  const base = { method: 'get', url: 'https://s3.example.com/' };
  const plain = signedHeaders(base);
  const preset = signedHeaders({ ...base, headers: { 'x-amz-content-sha256': 'preset' } });
  assert.equal(preset['x-amz-content-sha256'], EMPTY_SHA256);
  assert.notEqual(preset.Authorization, plain.Authorization);
});

test('operand checks follow OPA: credentials first, then the time, then the request', () => {
  const req = { method: 'get', url: 'https://s3.example.com/' };
  const call = (r: unknown, c: unknown, t: unknown) => () => callBuiltin('providers.aws.sign_req', [r, c, t]);
  assert.throws(call(req, { aws_region: 'x' }, 0), {
    message: 'operand 2 missing required AWS config parameters(s): {"aws_access_key", "aws_secret_access_key", "aws_service"}',
  });
  assert.throws(call(req, { ...CONFIG, aws_region: 5 }, 0), {
    message: 'operand 2 invalid values for required AWS config parameters(s): {"aws_region"}',
  });
  assert.throws(call(req, { ...CONFIG, disable_payload_signing: 'yes' }, 0), {
    message: "operand 2 invalid value for 'disable_payload_signing' in AWS config",
  });
  for (const t of [-1, 1.5]) {
    assert.throws(call({}, CONFIG, t), { message: 'operand 3 could not convert time_ns value into a unix timestamp' });
  }
  assert.throws(call({}, CONFIG, 0), { message: 'operand 1 missing required request parameters(s): {"method", "url"}' });
  assert.throws(call({ ...req, bogus: 1 }, CONFIG, 0), { message: 'operand 1 invalid request parameters(s): {"bogus"}' });
  assert.throws(call({ method: new RSet([]), url: 1 }, CONFIG, 0), (e: Error) => {
    assert.ok(e instanceof OperandTypeError);
    assert.equal(e.message, 'operand 1 invalid values for required request parameters(s): {"method", "url"}');
    return true;
  });
  assert.throws(call('req', CONFIG, 0), { message: 'operand 1 must be object but got string' });
});
