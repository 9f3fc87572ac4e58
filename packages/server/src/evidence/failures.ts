/** Stable codes naming what failed; `companyos verify` prints them and tests match on them. */
export type FailureCode =
  | 'archive'
  | 'format.version'
  | 'manifest.invalid'
  | 'envelope.invalid'
  | 'signature.invalid'
  | 'signature.untrusted'
  | 'statement.mismatch'
  | 'jwks.invalid'
  | 'file.missing'
  | 'file.extra'
  | 'file.duplicate'
  | 'file.order'
  | 'file.digest'
  | 'file.size'
  | 'count.mismatch'
  | 'record.invalid'
  | 'record.tenant'
  | 'record.window'
  | 'record.filter'
  | 'bundle.hash'
  | 'bundle.missing'
  | 'checkpoint.signature'
  | 'receipt.proof';

export interface PackFailure {
  code: FailureCode;
  message: string;
  file?: string;
  line?: number;
}

/**
 * Collects failures, keeping the first few of each code per file so a pack with a million bad
 * lines still yields a short report (and flat memory); the rest are counted.
 */
export class FailureList {
  private readonly kept: PackFailure[] = [];
  private readonly perKey = new Map<string, number>();

  constructor(private readonly maxPerKey = 20) {}

  add(failure: PackFailure): void {
    const key = `${failure.code}\u0000${failure.file ?? ''}`;
    const n = (this.perKey.get(key) ?? 0) + 1;
    this.perKey.set(key, n);
    if (n <= this.maxPerKey) this.kept.push(failure);
  }

  get empty(): boolean {
    return this.kept.length === 0;
  }

  list(): PackFailure[] {
    const more: PackFailure[] = [];
    for (const [key, n] of this.perKey) {
      if (n <= this.maxPerKey) continue;
      const [code, file] = key.split('\u0000') as [FailureCode, string];
      more.push({ code, message: `${n - this.maxPerKey} more ${code} failures not listed`, ...(file ? { file } : {}) });
    }
    return [...this.kept, ...more];
  }
}
