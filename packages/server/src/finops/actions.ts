import { Type } from '@sinclair/typebox';
import { Problem } from '../http/problem.ts';
import { prepareActors } from '../identity/actor-pseudonyms.ts';
import { toCsv } from '../http/csv.ts';
import { defineAction } from '../pipeline/define-action.ts';
import { csvReply } from './csv-reply.ts';
import { billingActions } from './billing-actions.ts';
import { costActions } from './cost-actions.ts';
import { webhookActions } from './webhook-actions.ts';
import { UsageIngest, usageFromCloudEvents, type CloudEvent } from './cloudevents.ts';
import { listReadings } from './meter-readings.ts';
import { METERS } from './meters.ts';
import { insertUsageEvents, listUsageEvents } from './usage-events.ts';

const MeterKey = Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' });
const Instant = (description: string) => Type.Optional(Type.String({ format: 'date-time', description }));

const UsageEventView = Type.Object({
  event_id: Type.String(),
  meter: Type.String(),
  quantity: Type.Integer(),
  idempotency_key: Type.String(),
  occurred_at: Type.String({ format: 'date-time' }),
  recorded_at: Type.String({ format: 'date-time' }),
  subject: Type.Union([Type.String(), Type.Null()]),
  source: Type.String(),
  action: Type.String(),
  properties: Type.Record(Type.String(), Type.Unknown()),
});

export const reportUsage = defineAction({
  name: 'finops.usage.report',
  method: 'POST',
  path: '/finops/usage',
  summary:
    'Report external usage as CloudEvents (application/cloudevents+json, or a batch as application/cloudevents-batch+json); the event id is the idempotency key, so a resent event is counted once',
  scope: 'tenant',
  input: UsageIngest,
  response: Type.Object({ received: Type.Integer(), stored: Type.Integer(), duplicates: Type.Integer() }),
  target: (ctx) => `usage:${ctx.principal.subjectId}`,
  run: async (ctx, body) => {
    const header = ctx.headers['content-type'];
    const events = usageFromCloudEvents(body as CloudEvent | CloudEvent[], Array.isArray(header) ? header[0] : header, ctx.now);
    // The subjects are stored by pseudonym: one read for the batch, and a key for a person who has none.
    await prepareActors(events.map((e) => e.subject), ctx.now);
    const stored = await insertUsageEvents(events, ctx.now);
    return { received: events.length, stored, duplicates: events.length - stored };
  },
});

export const listUsage = defineAction({
  name: 'finops.usage.list',
  method: 'GET',
  path: '/finops/usage',
  summary: "The caller tenant's usage events, newest first (?format=csv for a CSV file)",
  scope: 'tenant',
  query: Type.Object(
    {
      from: Instant('occurred at or after'),
      to: Instant('occurred before'),
      meter: Type.Optional(MeterKey),
      limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$', description: 'at most 10000 (default 1000)' })),
      format: Type.Optional(Type.Literal('csv')),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({ events: Type.Array(UsageEventView), meters: Type.Array(Type.String()) }),
  run: async (ctx) => {
    const limit = ctx.query.limit === undefined ? 1000 : Number(ctx.query.limit);
    if (limit < 1 || limit > 10_000) throw new Problem('invalid-request', 'limit must be between 1 and 10000', { errors: [{ in: 'querystring', field: 'limit', message: 'must be between 1 and 10000' }] });
    const events = await listUsageEvents({ from: ctx.query.from, to: ctx.query.to, meter: ctx.query.meter, limit });
    if (ctx.query.format === 'csv') {
      const rows = events.map((e) => [e.occurred_at, e.meter, e.quantity, e.subject, e.source, e.action, e.idempotency_key, e.recorded_at]);
      return csvReply(`usage-${ctx.tenantId}.csv`, toCsv(['occurred_at', 'meter', 'quantity', 'subject', 'source', 'action', 'idempotency_key', 'recorded_at'], rows));
    }
    return { events, meters: METERS.map((m) => m.key) };
  },
});

const Day = (description: string) => Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description }));

export const MeterReadingView = Type.Object({
  meter: Type.String(),
  day: Type.String({ description: 'UTC day, YYYY-MM-DD' }),
  quantity: Type.Integer(),
  events: Type.Integer(),
  aggregated_at: Type.String({ format: 'date-time' }),
});

export const listMeterReadings = defineAction({
  name: 'finops.meter_readings.list',
  method: 'GET',
  path: '/finops/meter-readings',
  summary: "The caller tenant's daily meter readings (policy decisions, workflow runs, evidence bytes, requests, exports, seats per day)",
  scope: 'tenant',
  query: Type.Object({ from: Day('first day, inclusive'), to: Day('last day, exclusive'), meter: Type.Optional(MeterKey), format: Type.Optional(Type.Literal('csv')) }, { additionalProperties: false }),
  response: Type.Object({ readings: Type.Array(MeterReadingView) }),
  run: async (ctx) => {
    for (const field of ['from', 'to'] as const) {
      const day = ctx.query[field];
      if (day !== undefined && Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new Problem('invalid-request', `${field} is not a calendar day`, { errors: [{ in: 'querystring', field, message: 'is not a calendar day' }] });
    }
    const readings = await listReadings({ from: ctx.query.from, to: ctx.query.to, meter: ctx.query.meter });
    if (ctx.query.format === 'csv') {
      return csvReply(`meter-readings-${ctx.tenantId}.csv`, toCsv(['day', 'meter', 'quantity', 'events'], readings.map((r) => [r.day, r.meter, r.quantity, r.events])));
    }
    return { readings };
  },
});

export const finopsActions = [reportUsage, listUsage, listMeterReadings, ...billingActions, ...costActions, ...webhookActions];
