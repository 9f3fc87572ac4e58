import { Type } from '@sinclair/typebox';
import { defineAction } from '../pipeline/define-action.ts';
import { Problem } from '../http/problem.ts';
import { StringEnum } from '../http/schema.ts';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor.ts';
import { pageAuditEvents } from './audit-events.ts';
import { exportActions } from './export-actions.ts';
import { verifyExportAction } from './export-verify.ts';

export const AuditEventView = Type.Object({
  event_id: Type.String(),
  tenant_id: Type.String(),
  occurred_at: Type.String({ format: 'date-time' }),
  type: Type.String(),
  actor: Type.Union([Type.String(), Type.Null()]),
  action: Type.Union([Type.String(), Type.Null()]),
  target: Type.Union([Type.String(), Type.Null()]),
  decision: Type.Union([Type.String(), Type.Null()]),
  reasons: Type.Array(Type.String()),
  request_id: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});

const Filter = (description: string) => Type.Optional(Type.String({ minLength: 1, maxLength: 200, description }));
const Instant = (description: string) => Type.Optional(Type.String({ format: 'date-time', description }));

export const listAuditEventsAction = defineAction({
  name: 'audit.list',
  method: 'GET',
  path: '/audit-events',
  summary: "The caller tenant's audit trail, newest first (including denials and cross-tenant attempts), filtered and paged",
  scope: 'tenant',
  query: Type.Object(
    {
      type: Type.Optional(Type.String({ pattern: '^[a-z_.]{1,64}$' })),
      actor: Filter('only events of this actor (subject id)'),
      action: Filter('only events about this action name'),
      target: Filter('only events about this target (a person as `subject:<id>`)'),
      from: Instant('only events at or after this time'),
      to: Instant('only events before this time'),
      kind: Type.Optional(StringEnum(['read', 'write'], { description: 'read: events of GET requests; write: every other event' })),
      cursor: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,400}$', description: 'next_cursor of the previous page' })),
      limit: Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,2}|1000)$', description: '1 to 1000, default 100' })),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({
    events: Type.Array(AuditEventView),
    next_cursor: Type.Union([Type.String(), Type.Null()], { description: 'pass as cursor for the next (older) page; null on the last page' }),
  }),
  run: async (ctx) => {
    const q = ctx.query;
    const from = q.from === undefined ? undefined : new Date(q.from);
    const to = q.to === undefined ? undefined : new Date(q.to);
    if (from !== undefined && to !== undefined && from >= to) {
      throw new Problem('invalid-request', 'from must be earlier than to', { errors: [{ in: 'query', field: 'from', message: 'must be earlier than to' }] });
    }
    const page = await pageAuditEvents({
      type: q.type,
      actor: q.actor,
      action: q.action,
      target: q.target,
      from,
      to,
      kind: q.kind,
      before: q.cursor === undefined ? undefined : decodeAuditCursor(q.cursor),
      limit: q.limit === undefined ? 100 : Number(q.limit),
    });
    return { events: page.events, next_cursor: page.next === null ? null : encodeAuditCursor(page.next) };
  },
});

export const auditActions = [listAuditEventsAction, ...exportActions, verifyExportAction];
