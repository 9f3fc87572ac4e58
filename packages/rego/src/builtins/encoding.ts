// Encoding builtins: json.*, yaml.*, base64*, urlquery.*, hex.*. Output matches OPA byte for
// byte, which means Go's encoding/json (sorted keys, HTML-safe escapes), Go's strict base64
// decoders and Go's URL query escaping.

import { checkRenderedSize } from './budget.ts';
import { yamlLibrary } from '../lazy-libraries.ts';
import {
  BigNum,
  RObject,
  RSet,
  compareStrings,
  fromBigInt,
  numberText,
  parseJSON,
  toJSONText,
  type Value,
} from '../value/value.ts';
import { BuiltinError } from './errors.ts';
import { obj as objectArg, operandError, str as stringArg } from './operands.ts';
import type { BuiltinRegistry } from './registry.ts';

export function register(r: BuiltinRegistry): void {
  r.fn('json.marshal', 1, (a, ctx) => (checkRenderedSize(ctx, 'json.marshal', a[0] as Value), goJSON(a[0] as Value)));
  r.fn('json.marshal_with_options', 2, (a, ctx) => (checkRenderedSize(ctx, 'json.marshal_with_options', a[0] as Value), marshalWithOptions(a[0] as Value, objectArg(a, 1))));
  r.fn('json.unmarshal', 1, (a) => unmarshalJSON(stringArg(a, 0)));
  r.fn('json.is_valid', 1, (a) => typeof a[0] === 'string' && isValidJSON(a[0]));
  r.fn('yaml.marshal', 1, (a, ctx) => (checkRenderedSize(ctx, 'yaml.marshal', a[0] as Value), marshalYAML(a[0] as Value)));
  r.fn('yaml.unmarshal', 1, (a) => unmarshalYAML(stringArg(a, 0)));
  r.fn('yaml.is_valid', 1, (a) => {
    if (typeof a[0] !== 'string') return false;
    try {
      unmarshalYAML(a[0]);
      return true;
    } catch {
      return false;
    }
  });
  r.fn('base64.encode', 1, (a) => utf8(stringArg(a, 0)).toString('base64'));
  r.fn('base64.decode', 1, (a) => decodeBase64(stringArg(a, 0), false).toString('utf8'));
  r.fn('base64.is_valid', 1, (a) => {
    if (typeof a[0] !== 'string') return false;
    try {
      decodeBase64(a[0], false);
      return true;
    } catch {
      return false;
    }
  });
  r.fn('base64url.encode', 1, (a) => toBase64Url(utf8(stringArg(a, 0)), true));
  r.fn('base64url.encode_no_pad', 1, (a) => toBase64Url(utf8(stringArg(a, 0)), false));
  r.fn('base64url.decode', 1, (a) => {
    let s = stringArg(a, 0);
    if (!s.endsWith('=')) {
      const rest = s.length % 4;
      if (rest === 1) throw new BuiltinError(`illegal base64url string: ${s}`);
      if (rest > 0) s += '='.repeat(4 - rest);
    }
    return decodeBase64(s, true).toString('utf8');
  });
  r.fn('urlquery.encode', 1, (a) => queryEscape(stringArg(a, 0)));
  r.fn('urlquery.decode', 1, (a) => queryUnescape(stringArg(a, 0)));
  r.fn('urlquery.encode_object', 1, (a) => encodeQueryObject(objectArg(a, 0)));
  r.fn('urlquery.decode_object', 1, (a) => decodeQueryObject(stringArg(a, 0)));
  r.fn('hex.encode', 1, (a) => utf8(stringArg(a, 0)).toString('hex'));
  r.fn('hex.decode', 1, (a) => decodeHex(stringArg(a, 0)).toString('utf8'));
}

// ---------------------------------------------------------------------------------------------
// JSON, as Go's encoding/json writes it.

const utf8 = (s: string) => Buffer.from(s, 'utf8');

function operandFail(position: number, detail: string): Error {
  return operandError(position, null, `operand ${position} ${detail}`);
}

/** The JSON text Go's json.Marshal (or MarshalIndent when `indent` is given) produces. */
export function goJSON(v: Value, indent?: { prefix: string; indent: string }): string {
  const out: string[] = [];
  write(v, 0);
  return out.join('');

  function newline(depth: number): void {
    if (indent) out.push('\n', indent.prefix, indent.indent.repeat(depth));
  }
  function write(x: Value, depth: number): void {
    if (x === null || typeof x === 'boolean') {
      out.push(String(x));
    } else if (typeof x === 'number' || x instanceof BigNum) {
      out.push(numberText(x));
    } else if (typeof x === 'string') {
      out.push(goQuote(x));
    } else if (Array.isArray(x) || x instanceof RSet) {
      const items = Array.isArray(x) ? x : x.values();
      if (items.length === 0) return void out.push('[]');
      out.push('[');
      items.forEach((item, i) => {
        if (i > 0) out.push(',');
        newline(depth + 1);
        write(item, depth + 1);
      });
      newline(depth);
      out.push(']');
    } else {
      // Keys become strings first (non-string keys as their JSON text), then sort byte-wise.
      const entries = x
        .entries()
        .map(([k, val]): [string, Value] => [typeof k === 'string' ? k : toJSONText(k), val])
        .sort((p, q) => compareStrings(p[0], q[0]));
      if (entries.length === 0) return void out.push('{}');
      out.push('{');
      entries.forEach(([k, val], i) => {
        if (i > 0) out.push(',');
        newline(depth + 1);
        out.push(goQuote(k), indent ? ': ' : ':');
        write(val, depth + 1);
      });
      newline(depth);
      out.push('}');
    }
  }
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A JSON string literal with Go's HTML-safe escaping; lone surrogates become U+FFFD. */
function goQuote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i] as string;
    if (SHORT_ESCAPES[ch] !== undefined) out += SHORT_ESCAPES[ch];
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) {
      out += '\\u' + c.toString(16).padStart(4, '0');
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
      out += ch + s[++i];
    } else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return out + '"';
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function marshalWithOptions(v: Value, opts: RObject): string {
  let prefix = '';
  let indent = '\t';
  let implicitPretty = false;
  let explicitPretty: boolean | undefined;
  for (const [k, val] of opts.entries()) {
    if (typeof k !== 'string') throw operandFail(2, `failed to stringify key ${toJSONText(k)}`);
    if (k === 'prefix' || k === 'indent') {
      if (typeof val !== 'string') throw operandFail(2, `key ${k} failed cast to string`);
      if (k === 'prefix') prefix = val;
      else indent = val;
      implicitPretty = true;
    } else if (k === 'pretty') {
      if (typeof val !== 'boolean') throw operandFail(2, `key ${k} failed cast to bool`);
      explicitPretty = val;
    } else {
      throw operandFail(2, `object contained unknown key ${JSON.stringify(k)}`);
    }
  }
  const pretty = explicitPretty ?? implicitPretty;
  // MarshalIndent does not prefix the first line; OPA adds it.
  return pretty ? prefix + goJSON(v, { prefix, indent }) : goJSON(v);
}

function unmarshalJSON(text: string): Value {
  try {
    return parseJSON(text);
  } catch (e) {
    throw new BuiltinError(goJSONError(e as Error, text));
  }
}

const JSON_CONTEXTS: Record<string, string> = {
  'expected object key': 'looking for beginning of object key string',
  "expected ':'": 'after object key',
  "expected ',' or '}'": 'after object key:value pair',
  "expected ',' or ']'": 'after array element',
  'unexpected character': 'looking for beginning of value',
  'trailing characters': 'after top-level value',
  'control character in string': 'in string literal',
};

/** Rewords a parseJSON error the way Go's encoding/json reports it. */
export function goJSONError(e: Error, text: string): string {
  const m = /^invalid JSON at offset (\d+): (.*)$/.exec(e.message);
  if (!m) return e.message;
  const offset = Number(m[1]);
  const context = JSON_CONTEXTS[m[2] as string];
  if (offset >= text.length || m[2] === 'unterminated string') return 'unexpected end of JSON input';
  if (context === undefined) return e.message;
  const c = text.codePointAt(offset) as number;
  const ch = String.fromCodePoint(c);
  const quoted = ch === "'" ? "'\\''" : c < 0x20 ? `'\\x${c.toString(16).padStart(2, '0')}'` : `'${ch}'`;
  return `invalid character ${quoted} ${context}`;
}

function isValidJSON(text: string): boolean {
  try {
    parseJSON(text);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// YAML: OPA converts through JSON, so the results are JSON-shaped.

function marshalYAML(v: Value): string {
  return yamlLibrary().stringify(JSON.parse(goJSON(v)), { indentSeq: false, sortMapEntries: true });
}

function unmarshalYAML(text: string): Value {
  const docs = yamlLibrary().parseAllDocuments(text, { version: '1.1', intAsBigInt: true, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [];
  const doc = list[0];
  if (doc === undefined) return null;
  const err = doc.errors[0];
  if (err) throw new BuiltinError(yamlError(err.code, err.message, err.linePos?.[0].line ?? 1));
  return fromYAML(doc.toJS({ maxAliasCount: 1000 }));
}

function yamlError(code: string, message: string, line: number): string {
  let detail = (message.split(' at line ')[0] ?? message).trim();
  if (code === 'MISSING_CHAR' && detail.includes('Flow sequence')) detail = "did not find expected ',' or ']'";
  else if (detail.includes('Flow map')) detail = "did not find expected ',' or '}'";
  return `yaml: line ${line}: ${detail}`;
}

function fromYAML(x: unknown): Value {
  if (x === null || x === undefined) return null;
  if (typeof x === 'bigint') return fromBigInt(x);
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new BuiltinError(`json: unsupported value: ${x}`);
    return x;
  }
  if (typeof x === 'string' || typeof x === 'boolean') return x;
  if (Array.isArray(x)) return x.map(fromYAML);
  if (x instanceof Set) return [...x].map(fromYAML);
  if (x instanceof Date) return x.toISOString().replace('.000Z', 'Z');
  const o = new RObject();
  const entries = x instanceof Map ? [...x.entries()] : Object.entries(x as object);
  for (const [k, v] of entries) o.set(yamlKey(k), fromYAML(v));
  return o;
}

function yamlKey(k: unknown): string {
  if (typeof k === 'string') return k;
  if (k === null || k === undefined) return 'null';
  if (typeof k === 'object') return JSON.stringify(k);
  return String(k);
}

// ---------------------------------------------------------------------------------------------
// Base64 and hex with Go's strictness and error texts.

const STD = /^[A-Za-z0-9+/]$/;
const URL_SAFE = /^[A-Za-z0-9_-]$/;

/** Decodes padded base64 as Go's StdEncoding/URLEncoding do (CR and LF are skipped). */
export function decodeBase64(input: string, urlSafe: boolean): Buffer {
  const s = input.replace(/[\r\n]/g, '');
  const alphabet = urlSafe ? URL_SAFE : STD;
  let end = s.length;
  let i = 0;
  for (; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === '=') break;
    if (!alphabet.test(ch)) throw new BuiltinError(`illegal base64 data at input byte ${i}`);
  }
  const quantumStart = i - (i % 4);
  if (i < s.length) {
    // Padding: only 2 or 3 data characters may precede it in the last quantum.
    const pad = s.length - i;
    const data = i % 4;
    if (data < 2 || data + pad !== 4 || !/^=+$/.test(s.slice(i))) {
      throw new BuiltinError(`illegal base64 data at input byte ${data < 2 ? i : Math.min(i + 4 - data, s.length)}`);
    }
    end = i;
  } else if (i % 4 !== 0) {
    throw new BuiltinError(`illegal base64 data at input byte ${quantumStart}`);
  }
  return Buffer.from(s.slice(0, end), urlSafe ? 'base64url' : 'base64');
}

export function toBase64Url(b: Buffer, pad: boolean): string {
  const s = b.toString('base64url');
  return pad ? s + '='.repeat((4 - (s.length % 4)) % 4) : s;
}

function decodeHex(s: string): Buffer {
  const valid = (c: string) => /^[0-9a-fA-F]$/.test(c);
  const bad = (c: string) =>
    new BuiltinError(`encoding/hex: invalid byte: U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${goRune(c)}`);
  const pairs = s.length - (s.length % 2);
  for (let i = 0; i < pairs; i++) if (!valid(s[i] as string)) throw bad(s[i] as string);
  if (s.length % 2 === 1) {
    if (!valid(s[s.length - 1] as string)) throw bad(s[s.length - 1] as string);
    throw new BuiltinError('encoding/hex: odd length hex string');
  }
  return Buffer.from(s, 'hex');
}

/** Go's %q of a rune. */
function goRune(c: string): string {
  return c === "'" ? "'\\''" : `'${c}'`;
}

// ---------------------------------------------------------------------------------------------
// URL query encoding, as Go's net/url.

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

function queryEscape(s: string): string {
  let out = '';
  for (const byte of utf8(s)) {
    const ch = String.fromCharCode(byte);
    if (byte < 0x80 && UNRESERVED.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function queryUnescape(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; ) {
    const ch = s[i] as string;
    if (ch === '%') {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
        throw new BuiltinError(`invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}`);
      }
      bytes.push(parseInt(hex, 16));
      i += 3;
    } else {
      const width = isHighSurrogate(s.charCodeAt(i)) ? 2 : 1;
      if (ch === '+') bytes.push(0x20);
      else bytes.push(...utf8(s.slice(i, i + width)));
      i += width;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

function encodeQueryObject(o: RObject): string {
  const bad = () => operandFail(1, 'values must be string, array[string], or set[string]');
  const pairs: [string, string][] = [];
  const keys = o
    .entries()
    .map(([k, v]): [string, Value] => [typeof k === 'string' ? k : toJSONText(k), v])
    .sort((p, q) => compareStrings(p[0], q[0]));
  for (const [k, v] of keys) {
    if (typeof v === 'string') pairs.push([k, v]);
    else if (Array.isArray(v) || v instanceof RSet) {
      for (const item of Array.isArray(v) ? v : v.values()) {
        if (typeof item !== 'string') throw bad();
        pairs.push([k, item]);
      }
    } else throw bad();
  }
  return pairs.map(([k, v]) => `${queryEscape(k)}=${queryEscape(v)}`).join('&');
}

function decodeQueryObject(query: string): RObject {
  const params = new Map<string, string[]>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    if (part.includes(';')) throw new BuiltinError('invalid semicolon separator in query');
    const eq = part.indexOf('=');
    const key = queryUnescape(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : queryUnescape(part.slice(eq + 1));
    const list = params.get(key) ?? [];
    list.push(value);
    params.set(key, list);
  }
  const out = new RObject();
  for (const [k, vs] of params) out.set(k, vs);
  return out;
}
