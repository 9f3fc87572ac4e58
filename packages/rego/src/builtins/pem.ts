// PEM blocks (as Go's encoding/pem reads them) and a minimal DER reader for the X.509 and key
// builtins.

export interface PemBlock {
  type: string;
  bytes: Buffer;
}

const BEGIN = /(?:^|\n)-----BEGIN ([^\n-]*)-----[ \t]*\r?\n/g;

/**
 * The first PEM block of `text` and what follows it (the line ending after the END marker is
 * consumed). Blocks whose body is not valid base64 are skipped. Without a block, `rest` is the
 * whole input.
 */
export function decodePem(text: string): { block: PemBlock | undefined; rest: string } {
  BEGIN.lastIndex = 0;
  for (let m = BEGIN.exec(text); m !== null; m = BEGIN.exec(text)) {
    const type = m[1] as string;
    const bodyStart = m.index + m[0].length;
    const endMarker = `-----END ${type}-----`;
    const end = text.indexOf(endMarker, bodyStart);
    if (end < 0) break;
    // Drop "Key: value" headers, then decode the base64 body.
    const body = text
      .slice(bodyStart, end)
      .split(/\r?\n/)
      .filter((line) => !line.includes(':'))
      .join('')
      .replace(/\s+/g, '');
    let after = end + endMarker.length;
    const eol = /^[ \t]*(\r?\n|$)/.exec(text.slice(after));
    if (eol === null) continue;
    after += eol[0].length;
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 !== 0) continue;
    return { block: { type, bytes: Buffer.from(body, 'base64') }, rest: text.slice(after) };
  }
  return { block: undefined, rest: text };
}

/** All PEM blocks of `text`, in order. */
export function decodeAllPem(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  let rest = text;
  for (;;) {
    const { block, rest: next } = decodePem(rest);
    if (block === undefined) return out;
    out.push(block);
    rest = next;
  }
}

export function encodePem(type: string, bytes: Buffer): string {
  const lines = bytes.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${type}-----\n${lines.join('\n')}\n-----END ${type}-----\n`;
}

// ---------------------------------------------------------------------------------------------
// DER.

export class DerError extends Error {}

/** One DER element: its tag byte, the whole encoding and the contents. */
export interface Der {
  tag: number;
  raw: Buffer;
  body: Buffer;
}

export function readDer(buf: Buffer, offset = 0): Der {
  if (offset + 2 > buf.length) throw new DerError('truncated element');
  const tag = buf[offset] as number;
  if ((tag & 0x1f) === 0x1f) throw new DerError('high-tag-number form is not supported');
  let len = buf[offset + 1] as number;
  let header = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || offset + 2 + n > buf.length) throw new DerError('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (buf[offset + 2 + i] as number);
    header += n;
  }
  const end = offset + header + len;
  if (end > buf.length) throw new DerError('data truncated');
  return { tag, raw: buf.subarray(offset, end), body: buf.subarray(offset + header, end) };
}

/** Parses exactly one element filling `buf`. */
export function parseDer(buf: Buffer): Der {
  const d = readDer(buf);
  if (d.raw.length !== buf.length) throw new DerError('trailing data');
  return d;
}

export function derChildren(d: Der): Der[] {
  const out: Der[] = [];
  for (let off = 0; off < d.body.length; ) {
    const c = readDer(d.body, off);
    out.push(c);
    off += c.raw.length;
  }
  return out;
}

export function expectTag(d: Der | undefined, tag: number): Der {
  if (d === undefined || d.tag !== tag) throw new DerError("tags don't match");
  return d;
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  OID: 0x06,
  SEQUENCE: 0x30,
  SET: 0x31,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
} as const;

export function oidText(d: Der): string {
  const b = d.body;
  const parts: number[] = [];
  let v = 0;
  for (let i = 0; i < b.length; i++) {
    v = v * 128 + ((b[i] as number) & 0x7f);
    if (!((b[i] as number) & 0x80)) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

export function derInteger(d: Der): bigint {
  if (d.body.length === 0) return 0n;
  let v = BigInt('0x' + d.body.toString('hex'));
  if ((d.body[0] as number) & 0x80) v -= 1n << BigInt(d.body.length * 8);
  return v;
}

/** Text of a DER string type (UTF8String, PrintableString, IA5String, BMPString...). */
export function derString(d: Der): string {
  if (d.tag === 0x1e) {
    let s = '';
    for (let i = 0; i + 1 < d.body.length; i += 2) s += String.fromCharCode(d.body.readUInt16BE(i));
    return s;
  }
  return d.body.toString(d.tag === 0x0c ? 'utf8' : 'latin1');
}

/** RFC 3339 text of a UTCTime or GeneralizedTime. */
export function derTime(d: Der): string {
  const s = d.body.toString('latin1');
  const m =
    d.tag === TAG.UTC_TIME
      ? /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s)
      : /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s);
  if (!m) throw new DerError('invalid time');
  let year = m[1] as string;
  if (d.tag === TAG.UTC_TIME) year = String(Number(year) < 50 ? 2000 + Number(year) : 1900 + Number(year));
  return `${year}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
}
