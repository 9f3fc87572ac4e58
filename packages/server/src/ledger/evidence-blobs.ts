import { createHash } from 'node:crypto';
import { currentTenantId, currentTx } from '../context.ts';

/** Largest evidence blob accepted, in bytes. */
export const EVIDENCE_MAX_BYTES = 256 * 1024;

export interface EvidenceBlob {
  ref: string;
  sha256: string;
  media_type: string;
  size: number;
  /** False when the same content was already stored (content-addressed, so stored once). */
  created: boolean;
}

export async function putEvidence(content: Buffer, mediaType: string, at: Date): Promise<EvidenceBlob> {
  const sha256 = createHash('sha256').update(content).digest('hex');
  const rows = await currentTx().query(
    `INSERT INTO evidence_blobs (tenant_id, sha256, media_type, size, content, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, sha256) DO NOTHING RETURNING 1`,
    [currentTenantId(), sha256, mediaType, content.length, content, at.toISOString()],
  );
  const created = rows.length === 1;
  // A duplicate keeps the media type it was first stored with.
  const mediaTypeStored = created
    ? mediaType
    : (await currentTx().query<{ media_type: string }>('SELECT media_type FROM evidence_blobs WHERE tenant_id = $1 AND sha256 = $2', [currentTenantId(), sha256]))[0]!
        .media_type;
  return { ref: `sha256:${sha256}`, sha256, media_type: mediaTypeStored, size: content.length, created };
}
