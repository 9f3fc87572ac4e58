import { Problem } from '../http/problem.ts';
import type { AuditPosition } from './audit-events.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An opaque paging cursor: the position of the last event of a page. */
export function encodeAuditCursor(position: AuditPosition): string {
  return Buffer.from(JSON.stringify([position.occurredAt, position.eventId])).toString('base64url');
}

export function decodeAuditCursor(cursor: string): AuditPosition {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (Array.isArray(value) && value.length === 2) {
    const [occurredAt, eventId] = value as unknown[];
    if (typeof occurredAt === 'string' && !Number.isNaN(Date.parse(occurredAt)) && typeof eventId === 'string' && UUID.test(eventId)) {
      return { occurredAt, eventId };
    }
  }
  throw new Problem('invalid-request', 'the cursor is not one this API returned', {
    errors: [{ in: 'query', field: 'cursor', message: 'must be a next_cursor value from a previous page' }],
  });
}
