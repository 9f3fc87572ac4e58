import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { canonicalJson } from '../util/canonical-json.ts';

export type JsonLine = { line: number; value: unknown } | { line: number; error: string };

const NEWLINE = 0x0a;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseLine(line: number, bytes: Buffer): JsonLine {
  if (bytes.length === 0) return { line, error: 'empty line' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { line, error: 'not UTF-8' };
  }
  try {
    return { line, value: JSON.parse(text) };
  } catch {
    return { line, error: 'not JSON' };
  }
}

/** Parses JSON Lines from chunks; every line, the last included, must end with a newline. */
export async function* jsonLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<JsonLine> {
  let rest = Buffer.alloc(0);
  let line = 0;
  for await (const chunk of chunks) {
    const data = rest.length === 0 ? chunk : Buffer.concat([rest, chunk]);
    let start = 0;
    for (let end = data.indexOf(NEWLINE, start); end >= 0; end = data.indexOf(NEWLINE, start)) {
      yield parseLine(++line, data.subarray(start, end));
      start = end + 1;
    }
    rest = Buffer.from(data.subarray(start));
  }
  if (rest.length > 0) yield { line: line + 1, error: 'last line has no newline' };
}

export interface SpooledFile {
  path: string;
  sha256: string;
  size: number;
  count: number;
}

const BATCH_BYTES = 256 * 1024;

/** Appends records as canonical JSON lines to a file, hashing as it goes, in large batches. */
export class JsonlSpool {
  private readonly hash = createHash('sha256');
  private batch: string[] = [];
  private batchLength = 0;
  private size = 0;
  private count = 0;

  private constructor(
    private readonly path: string,
    private readonly file: FileHandle,
  ) {}

  static async create(path: string): Promise<JsonlSpool> {
    return new JsonlSpool(path, await open(path, 'wx'));
  }

  async append(record: unknown): Promise<void> {
    const line = `${canonicalJson(record)}\n`;
    this.batch.push(line);
    this.batchLength += line.length;
    this.count++;
    if (this.batchLength >= BATCH_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const bytes = Buffer.from(this.batch.join(''), 'utf8');
    this.batch = [];
    this.batchLength = 0;
    this.hash.update(bytes);
    this.size += bytes.length;
    await this.file.write(bytes);
  }

  async close(): Promise<SpooledFile> {
    try {
      await this.flush();
    } finally {
      await this.file.close();
    }
    return { path: this.path, sha256: this.hash.digest('hex'), size: this.size, count: this.count };
  }

  /** Closes the file after a failure; the caller removes the spool directory. */
  async abandon(): Promise<void> {
    await this.file.close();
  }
}
