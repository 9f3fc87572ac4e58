// Standard base64 (RFC 4648 §4, padded), decoded strictly: Buffer.from alone accepts junk,
// missing padding and non-zero trailing bits, and a signed format must have one spelling per value.
export function decodeBase64Strict(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}
