// The type signature of every builtin, in the notation of types/notation.ts: argument and result
// types as OPA declares them (with the argument names OPA uses in its messages), so that a call
// such as `count(1)` is a compile-time `rego_type_error`, and results carry their types on.

import { parseSignature } from '../types/notation.ts';
import type { FunctionType } from '../types/types.ts';

const COMPARE = '(x: any, y: any) => result: boolean';
const ARITH = '(x: number, y: number) => z: number';
const ROUNDING = '(x: number) => y: number';
const BITS = '(x: number, y: number) => z: number';
const SHIFT = '(x: number, s: number) => z: number';
const SET_OP = '(x: set[any], y: set[any]) => z: set[any]';
const SETS_OP = '(xs: set[set[any]]) => y: set[any]';
const NUMBERS = 'any<array[number], set[number]>';
const COLLECTION = 'any<array[any], set[any]>';
const STRINGS = 'any<string, array[string], set[string]>';
const KEYS = 'any<array[any], object[any: any], set[any]>';
const PATHS = 'any<array[any<string, array[any]>], set[any<string, array[any]>]>';
const TRIM = (what: string) => `(value: string, ${what}: string) => output: string`;
const STR_TO_STR = '(x: string) => y: string';
const STR_CHECK = '(x: string) => result: boolean';
const IS_TYPE = '(x: any) => result: boolean';
const JWT_KEY = '(jwt: string, certificate: string) => result: boolean';
const JWT_SECRET = '(jwt: string, secret: string) => result: boolean';
const DICT = 'object[any: any]';
const STR_DICT = 'object[string: any]';
const TIME = 'any<number, array<number, string>>';
const GRAPH_ARGS = `(graph: object[any: any<array[any], set[any]>], initial: ${COLLECTION})`;
const GQL = `any<string, ${DICT}>`;
const CIDRS = 'any<string, array[any<string, array[any]>], object[string: any<string, array[any]>], set[any<string, array[any]>]>';
const CERTS = `array<boolean, array[${STR_DICT}]>`;
const HMAC = '(x: string, key: string) => y: string';

const SIGNATURES: Record<string, string> = {
  // comparison and membership
  equal: COMPARE,
  neq: COMPARE,
  gt: COMPARE,
  gte: COMPARE,
  lt: COMPARE,
  lte: COMPARE,
  'internal.member_2': '(any, any) => boolean',
  'internal.member_3': '(any, any, any) => boolean',
  // numbers
  plus: ARITH,
  mul: ARITH,
  div: ARITH,
  rem: ARITH,
  minus: '(x: any<number, set[any]>, y: any<number, set[any]>) => z: any<number, set[any]>',
  round: ROUNDING,
  ceil: ROUNDING,
  floor: ROUNDING,
  abs: ROUNDING,
  'bits.or': BITS,
  'bits.and': BITS,
  'bits.xor': BITS,
  'bits.negate': '(x: number) => z: number',
  'bits.lsh': SHIFT,
  'bits.rsh': SHIFT,
  'numbers.range': '(a: number, b: number) => range: array[number]',
  'numbers.range_step': '(a: number, b: number, step: number) => range: array[number]',
  'rand.intn': '(str: string, n: number) => y: number',
  to_number: '(x: any<null, boolean, number, string>) => num: number',
  format_int: '(number: number, base: number) => output: string',
  // sets and aggregates
  and: SET_OP,
  or: SET_OP,
  intersection: SETS_OP,
  union: SETS_OP,
  count: '(collection: any<string, array[any], object[any: any], set[any]>) => n: number',
  sum: `(collection: ${NUMBERS}) => n: number`,
  product: `(collection: ${NUMBERS}) => n: number`,
  max: `(collection: ${COLLECTION}) => n: any`,
  min: `(collection: ${COLLECTION}) => n: any`,
  sort: `(collection: ${COLLECTION}) => n: array[any]`,
  // arrays
  'array.concat': '(x: array[any], y: array[any]) => z: array[any]',
  'array.slice': '(arr: array[any], start: number, stop: number) => slice: array[any]',
  'array.reverse': '(arr: array[any]) => rev: array[any]',
  'array.flatten': '(arr: array[any]) => output: array[any]',
  // strings
  concat: '(delimiter: string, collection: any<array[string], set[string]>) => output: string',
  contains: '(haystack: string, needle: string) => result: boolean',
  startswith: '(search: string, base: string) => result: boolean',
  endswith: '(search: string, base: string) => result: boolean',
  indexof: '(haystack: string, needle: string) => output: number',
  indexof_n: '(haystack: string, needle: string) => output: array[number]',
  lower: STR_TO_STR,
  upper: STR_TO_STR,
  replace: '(x: string, old: string, new: string) => y: string',
  split: '(x: string, delimiter: string) => ys: array[string]',
  sprintf: '(format: string, values: array[any]) => output: string',
  substring: '(value: string, offset: number, length: number) => output: string',
  trim: TRIM('cutset'),
  trim_left: TRIM('cutset'),
  trim_right: TRIM('cutset'),
  trim_prefix: TRIM('prefix'),
  trim_suffix: TRIM('suffix'),
  trim_space: '(value: string) => output: string',
  'strings.any_prefix_match': `(search: ${STRINGS}, base: ${STRINGS}) => result: boolean`,
  'strings.any_suffix_match': `(search: ${STRINGS}, base: ${STRINGS}) => result: boolean`,
  'strings.count': '(search: string, substring: string) => output: number',
  'strings.render_template': '(value: string, vars: object[string: any]) => result: string',
  'strings.replace_n': '(patterns: object[string: string], value: string) => output: string',
  'strings.reverse': STR_TO_STR,
  // regular expressions and globs
  'regex.match': '(pattern: string, value: string) => result: boolean',
  'regex.is_valid': '(pattern: string) => result: boolean',
  'regex.split': '(pattern: string, value: string) => output: array[string]',
  'regex.find_n': '(pattern: string, value: string, number: number) => output: array[string]',
  'regex.find_all_string_submatch_n': '(pattern: string, value: string, number: number) => output: array[array[string]]',
  'regex.replace': '(s: string, pattern: string, value: string) => output: string',
  'regex.template_match': '(template: string, value: string, delimiter_start: string, delimiter_end: string) => result: boolean',
  'regex.globs_match': '(glob1: string, glob2: string) => result: boolean',
  'glob.match': '(pattern: string, delimiters: any<null, array[string]>, match: string) => result: boolean',
  'glob.quote_meta': '(pattern: string) => output: string',
  // types
  is_number: IS_TYPE,
  is_string: IS_TYPE,
  is_boolean: IS_TYPE,
  is_array: IS_TYPE,
  is_set: IS_TYPE,
  is_object: IS_TYPE,
  is_null: IS_TYPE,
  type_name: '(x: any) => type: string',
  // objects and JSON documents
  'object.get': `(object: ${DICT}, key: any, default: any) => value: any`,
  'object.keys': `(object: ${DICT}) => value: set[any]`,
  'object.remove': `(object: ${DICT}, keys: ${KEYS}) => output: any`,
  'object.filter': `(object: ${DICT}, keys: ${KEYS}) => filtered: any`,
  'object.union': `(a: ${DICT}, b: ${DICT}) => output: any`,
  'object.union_n': `(objects: array[${DICT}]) => output: any`,
  'object.subset': `(super: ${KEYS}, sub: ${KEYS}) => result: any`,
  'json.filter': `(object: ${DICT}, paths: ${PATHS}) => filtered: any`,
  'json.remove': `(object: ${DICT}, paths: ${PATHS}) => output: any`,
  'json.patch': `(object: any, patches: array[object<op: string, path: any>[any: any]]) => output: any`,
  'json.marshal': '(x: any) => y: string',
  'json.marshal_with_options': '(x: any, opts: object<indent: string, prefix: string, pretty: boolean>[string: any]) => y: string',
  'json.unmarshal': '(x: string) => y: any',
  'json.is_valid': STR_CHECK,
  'json.verify_schema': `(schema: ${GQL}) => output: array<boolean, any<null, string>>`,
  'json.match_schema': `(document: ${GQL}, schema: ${GQL}) => output: array<boolean, array[object<desc: string, error: string, field: string, type: string>]>`,
  // encodings
  'base64.encode': STR_TO_STR,
  'base64.decode': STR_TO_STR,
  'base64.is_valid': STR_CHECK,
  'base64url.encode': STR_TO_STR,
  'base64url.encode_no_pad': STR_TO_STR,
  'base64url.decode': STR_TO_STR,
  'hex.encode': STR_TO_STR,
  'hex.decode': STR_TO_STR,
  'urlquery.encode': STR_TO_STR,
  'urlquery.decode': STR_TO_STR,
  'urlquery.encode_object': '(object: object[string: any<string, array[string], set[string]>]) => y: string',
  'urlquery.decode_object': '(x: string) => object: object[string: array[string]]',
  'yaml.marshal': '(x: any) => y: string',
  'yaml.unmarshal': '(x: string) => y: any',
  'yaml.is_valid': STR_CHECK,
  // units, versions, identifiers
  'units.parse': '(x: string) => y: number',
  'units.parse_bytes': '(x: string) => y: number',
  'semver.is_valid': '(vsn: any) => result: boolean',
  'semver.compare': '(a: string, b: string) => result: number',
  'uuid.rfc4122': '(k: string) => output: string',
  'uuid.parse': '(uuid: string) => result: object[string: any]',
  // time
  'time.now_ns': '() => now: number',
  'time.parse_ns': '(layout: string, value: string) => ns: number',
  'time.parse_rfc3339_ns': '(value: string) => ns: number',
  'time.parse_duration_ns': '(duration: string) => ns: number',
  'time.format': '(x: any<number, array<number, string>, array<number, string, string>>) => formatted timestamp: string',
  'time.date': `(x: ${TIME}) => date: array<number, number, number>`,
  'time.clock': `(x: ${TIME}) => output: array<number, number, number>`,
  'time.weekday': `(x: ${TIME}) => day: string`,
  'time.add_date': '(ns: number, years: number, months: number, days: number) => output: number',
  'time.diff': `(ns1: ${TIME}, ns2: ${TIME}) => output: array<number, number, number, number, number, number>`,
  'test.sleep': '(duration: string) => null',
  // networks
  'net.cidr_contains': '(cidr: string, cidr_or_ip: string) => result: boolean',
  'net.cidr_contains_matches': `(cidrs: ${CIDRS}, cidrs_or_ips: ${CIDRS}) => output: set[array<any, any>]`,
  'net.cidr_expand': '(cidr: string) => hosts: set[string]',
  'net.cidr_intersects': '(cidr1: string, cidr2: string) => result: boolean',
  'net.cidr_is_valid': '(cidr: string) => result: boolean',
  'net.cidr_merge': '(addrs: any<array[any<string>], set[string]>) => output: set[string]',
  'net.lookup_ip_addr': '(name: string) => addrs: set[string]',
  'http.send': `(request: ${STR_DICT}) => response: ${DICT}`,
  'providers.aws.sign_req': `(request: ${STR_DICT}, aws_config: ${STR_DICT}, time_ns: number) => signed_request: ${DICT}`,
  'opa.runtime': `() => output: ${STR_DICT}`,
  // crypto and tokens
  'crypto.md5': STR_TO_STR,
  'crypto.sha1': STR_TO_STR,
  'crypto.sha256': STR_TO_STR,
  'crypto.hmac.md5': HMAC,
  'crypto.hmac.sha1': HMAC,
  'crypto.hmac.sha256': HMAC,
  'crypto.hmac.sha512': HMAC,
  'crypto.hmac.equal': '(mac1: string, mac2: string) => result: boolean',
  'crypto.parse_private_keys': `(keys: string) => output: array[${STR_DICT}]`,
  'crypto.x509.parse_certificates': `(certs: string) => output: array[${STR_DICT}]`,
  'crypto.x509.parse_and_verify_certificates': `(certs: string) => output: ${CERTS}`,
  'crypto.x509.parse_and_verify_certificates_with_options': `(certs: string, options: ${STR_DICT}) => output: ${CERTS}`,
  'crypto.x509.parse_certificate_request': `(csr: string) => output: ${STR_DICT}`,
  'crypto.x509.parse_keypair': `(cert: string, pem: string) => output: ${STR_DICT}`,
  'crypto.x509.parse_rsa_private_key': `(pem: string) => output: ${STR_DICT}`,
  'io.jwt.decode': `(jwt: string) => output: array<${DICT}, ${DICT}, string>`,
  'io.jwt.decode_verify': `(jwt: string, constraints: ${STR_DICT}) => output: array<boolean, ${DICT}, ${DICT}>`,
  'io.jwt.encode_sign': `(headers: ${STR_DICT}, payload: ${STR_DICT}, key: ${STR_DICT}) => output: string`,
  'io.jwt.encode_sign_raw': '(headers: string, payload: string, key: string) => output: string',
  'io.jwt.verify_rs256': JWT_KEY,
  'io.jwt.verify_rs384': JWT_KEY,
  'io.jwt.verify_rs512': JWT_KEY,
  'io.jwt.verify_ps256': JWT_KEY,
  'io.jwt.verify_ps384': JWT_KEY,
  'io.jwt.verify_ps512': JWT_KEY,
  'io.jwt.verify_es256': JWT_KEY,
  'io.jwt.verify_es384': JWT_KEY,
  'io.jwt.verify_es512': JWT_KEY,
  'io.jwt.verify_eddsa': JWT_KEY,
  'io.jwt.verify_hs256': JWT_SECRET,
  'io.jwt.verify_hs384': JWT_SECRET,
  'io.jwt.verify_hs512': JWT_SECRET,
  // graphs
  walk: '(x: any) => output: array<array[any], any>',
  'graph.reachable': `${GRAPH_ARGS} => output: set[any]`,
  'graph.reachable_paths': `${GRAPH_ARGS} => output: set[array[any]]`,
  // GraphQL
  'graphql.parse': `(query: ${GQL}, schema: ${GQL}) => output: array<${DICT}, ${DICT}>`,
  'graphql.parse_and_verify': `(query: ${GQL}, schema: ${GQL}) => output: array<boolean, ${DICT}, ${DICT}>`,
  'graphql.parse_query': `(query: string) => output: ${DICT}`,
  'graphql.parse_schema': `(schema: string) => output: ${DICT}`,
  'graphql.is_valid': `(query: ${GQL}, schema: ${GQL}) => output: boolean`,
  'graphql.schema_is_valid': `(schema: ${GQL}) => output: boolean`,
  // functions the evaluator provides itself
  print: '(any...) => void',
  'internal.print': '(array[set[any]]) => void',
  trace: '(note: string) => result: boolean',
  'rego.parse_module': `(filename: string, rego: string) => output: ${STR_DICT}`,
  'rego.metadata.chain': '() => chain: array[any]',
  'rego.metadata.rule': '() => output: any',
};

const parsed = new Map<string, FunctionType>();

/** The declared signature of a standard builtin or evaluator function, or undefined. */
export function builtinSignature(name: string): FunctionType | undefined {
  let sig = parsed.get(name);
  if (sig === undefined) {
    const text = SIGNATURES[name];
    if (text === undefined) return undefined;
    sig = parseSignature(text);
    parsed.set(name, sig);
  }
  return sig;
}

/** Every name with a declared signature. */
export const signatureNames = (): string[] => Object.keys(SIGNATURES).sort();
