import { Type, type Static } from '@sinclair/typebox';
import { Problem } from '../http/problem.ts';
import { meterOf } from './meters.ts';
import type { UsageEventInput } from './usage-events.ts';

export const CLOUDEVENT = 'application/cloudevents+json';
export const CLOUDEVENTS_BATCH = 'application/cloudevents-batch+json';
/** Most events in one request. */
export const MAX_BATCH = 1000;
/** How far ahead of the server's clock an event's time may be (clock skew of the sender). */
const MAX_FUTURE_MS = 5 * 60_000;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * A usage event in CloudEvents 1.0 structured JSON. `type` names the meter (its key, or a dotted
 * name ending in it such as `com.example.api_request`), `id` is the idempotency key, `subject` the
 * acting subject, and `data.quantity` (default 1) how much was used.
 */
export const CloudEvent = Type.Object(
  {
    specversion: Type.Literal('1.0'),
    id: Type.String({ minLength: 1, maxLength: 256 }),
    source: Type.String({ minLength: 1, maxLength: 1024 }),
    type: Type.String({ minLength: 1, maxLength: 256 }),
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    time: Type.Optional(Type.String({ maxLength: 64, description: 'RFC 3339; default: when the server receives it' })),
    datacontenttype: Type.Optional(Type.String({ maxLength: 128 })),
    dataschema: Type.Optional(Type.String({ maxLength: 1024 })),
    data: Type.Optional(
      Type.Object(
        { quantity: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })) },
        { additionalProperties: true, maxProperties: 64 },
      ),
    ),
  },
  // CloudEvents extension attributes are top-level fields; they are kept as properties.
  { additionalProperties: true, maxProperties: 64 },
);
export type CloudEvent = Static<typeof CloudEvent>;

export const UsageIngest = Type.Union([CloudEvent, Type.Array(CloudEvent, { minItems: 1, maxItems: MAX_BATCH })]);

const CORE = new Set(['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'dataschema', 'data']);

const invalid = (field: string, message: string) => new Problem('invalid-request', `${field} ${message}`, { errors: [{ in: 'body', field, message }] });

/** The meter a CloudEvent type names, if it is one external usage may report. */
function meterOfType(type: string): string | undefined {
  const key = type.slice(type.lastIndexOf('.') + 1);
  const meter = meterOf(key);
  return meter?.reportable === true ? meter.key : undefined;
}

/**
 * The usage events a request carries: one event for `application/cloudevents+json`, an array
 * for `application/cloudevents-batch+json` (plain JSON may be either). A bad event refuses the
 * whole request, naming the field, so a batch is stored whole or not at all.
 */
export function usageFromCloudEvents(body: CloudEvent | CloudEvent[], contentType: string | undefined, now: Date): UsageEventInput[] {
  const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (media === CLOUDEVENT && Array.isArray(body)) throw invalid('(root)', `must be one event for ${CLOUDEVENT}; send a batch as ${CLOUDEVENTS_BATCH}`);
  if (media === CLOUDEVENTS_BATCH && !Array.isArray(body)) throw invalid('(root)', `must be an array of events for ${CLOUDEVENTS_BATCH}`);
  const events = Array.isArray(body) ? body : [body];
  return events.map((e, i) => {
    const at = Array.isArray(body) ? `${i}.` : '';
    const meter = meterOfType(e.type);
    if (meter === undefined) throw invalid(`${at}type`, `names no reportable meter (${e.type}); the meters are documented in docs/finops.md`);
    let occurredAt = now;
    if (e.time !== undefined) {
      const ms = Date.parse(e.time);
      if (!RFC3339.test(e.time) || Number.isNaN(ms)) throw invalid(`${at}time`, 'must be an RFC 3339 date-time');
      if (ms > now.getTime() + MAX_FUTURE_MS) throw invalid(`${at}time`, 'must not be in the future');
      occurredAt = new Date(ms);
    }
    const extensions = Object.fromEntries(Object.entries(e).filter(([k]) => !CORE.has(k)));
    const { quantity = 1, ...data } = e.data ?? {};
    return {
      meter,
      quantity,
      idempotencyKey: `ce:${e.id}`,
      occurredAt,
      subject: e.subject ?? null,
      source: 'api',
      action: e.type,
      properties: { source: e.source, ...(Object.keys(data).length > 0 ? { data } : {}), ...(Object.keys(extensions).length > 0 ? { extensions } : {}) },
    };
  });
}
