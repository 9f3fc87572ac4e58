import { gzipSync } from 'node:zlib';
import type { Bundle } from './bundle.ts';

/**
 * The data paths a bundle owns, for the OPA manifest: the first segment of every package and
 * every top-level key of its data document.
 */
export function bundleRoots(bundle: Bundle): string[] {
  const roots = new Set<string>();
  for (const m of bundle.modules) {
    const pkg = /^package\s+([A-Za-z_][A-Za-z0-9_]*)/m.exec(m.source);
    if (pkg !== null) roots.add(pkg[1]!);
  }
  if (bundle.data !== null && typeof bundle.data === 'object') for (const key of Object.keys(bundle.data)) roots.add(key);
  return [...roots].sort();
}

const BLOCK = 512;

// One ustar header: regular file, mode 0644, owner 0, time 0 (so the archive is reproducible).
function header(name: string, size: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`bundle file name too long for a tar header: ${name}`);
  const h = Buffer.alloc(BLOCK);
  const octal = (value: number, offset: number, width: number) => h.write(`${value.toString(8).padStart(width - 1, '0')}\0`, offset, width, 'ascii');
  h.write(name, 0, 100, 'utf8');
  octal(0o644, 100, 8);
  octal(0, 108, 8);
  octal(0, 116, 8);
  octal(size, 124, 12);
  octal(0, 136, 12);
  h.write('0', 156, 1, 'ascii');
  h.write('ustar\0' + '00', 257, 8, 'ascii');
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return h;
}

/**
 * The bundle in OPA's format: a gzipped tar of `.manifest` (revision = the bundle hash, roots),
 * `data.json` and the deciding modules at their paths. Byte-identical for the same bundle.
 */
export function bundleTarball(bundle: Bundle): Buffer {
  const manifest = JSON.stringify({ revision: bundle.hash, roots: bundleRoots(bundle), metadata: { source: 'companyos' } });
  const files = [
    { path: '.manifest', content: manifest },
    { path: 'data.json', content: JSON.stringify(bundle.data) },
    ...bundle.modules.map((m) => ({ path: m.file, content: m.source })),
  ];
  const parts: Buffer[] = [];
  for (const f of files) {
    const body = Buffer.from(f.content, 'utf8');
    parts.push(header(f.path, body.length), body, Buffer.alloc((BLOCK - (body.length % BLOCK)) % BLOCK));
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return gzipSync(Buffer.concat(parts));
}
