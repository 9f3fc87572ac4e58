import fc from 'fast-check';

/** Strings that probe injection, traversal and encoding handling. */
export const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE receipts; --",
  '1; SELECT pg_sleep(1)',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '..\\..\\windows\\win.ini',
  '%00',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u0645',
  '$(id)',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'x'.repeat(5000),
  '',
  ' ',
];

export const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));

type Schema = Record<string, unknown>;

// Built once: making a JSON arbitrary costs more than drawing a value from it.
const anyJson = fc.jsonValue({ maxDepth: 2 });

/** Values of the shape a JSON schema (as TypeBox emits it) describes; patterns are not honoured. */
export function shaped(schema: Schema | undefined): fc.Arbitrary<unknown> {
  if (schema === undefined) return fc.constant(undefined);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const anyOf = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (anyOf !== undefined) return fc.oneof(...anyOf.map(shaped));
  switch (schema.type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const required = (schema.required ?? []) as string[];
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) model[k] = shaped(v);
      if (Object.keys(model).length === 0 && schema.patternProperties !== undefined) {
        const value = Object.values(schema.patternProperties as Record<string, Schema>)[0];
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), shaped(value), { maxKeys: 3 });
      }
      return fc.record(model, { requiredKeys: required });
    }
    case 'array':
      return fc.array(shaped(schema.items as Schema | undefined), { maxLength: 3 });
    case 'string':
      if (schema.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      return fc.string({ minLength: Number(schema.minLength ?? 0), maxLength: Math.min(Number(schema.maxLength ?? 24), 24) });
    case 'integer':
      return fc.integer({ min: Number(schema.minimum ?? -1000), max: Number(schema.maximum ?? 1000) });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return anyJson;
  }
}

const wrongTyped = fc.constantFrom<unknown>(42, -1, 1e308, 'text', null, true, [], {}, [1, 'a'], { nested: { x: 1 } });

/** A shaped value with one corruption: a wrongly typed or hostile field, an unknown field, or nothing. */
export function corrupted(schema: Schema | undefined): fc.Arbitrary<unknown> {
  return fc.tuple(shaped(schema), fc.nat(), fc.oneof(wrongTyped, hostileString), fc.constantFrom('as-is', 'replace', 'unknown', 'proto')).map(([value, i, bad, how]) => {
    if (how === 'as-is' || value === null || typeof value !== 'object' || Array.isArray(value)) return how === 'as-is' ? value : bad;
    const keys = Object.keys(value);
    if (how === 'replace' && keys.length > 0) return { ...value, [keys[i % keys.length]!]: bad };
    // Spread keeps `__proto__` an own property, so it reaches the wire as a key.
    if (how === 'proto') return { ...(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}') as object), ...value };
    return { ...value, unexpected_field: bad };
  });
}

/** A raw request body that is not what any route expects. */
export type RawBody = { payload: string | Buffer; contentType: string };

export const rawBodies: fc.Arbitrary<RawBody> = fc.oneof(
  fc.constantFrom('{', '{"a":', '[1,2', '{"a":1,}', "{'a':1}", 'nul', '{"a":NaN}', '"unterminated', '{}garbage', '\u0000').map((payload) => ({ payload, contentType: 'application/json' })),
  fc.constant({ payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]), contentType: 'application/json' }),
  fc.constant({ payload: Buffer.from([0xed, 0xa0, 0x80]), contentType: 'application/json; charset=utf-8' }),
  fc.integer({ min: 1000, max: 20000 }).map((depth) => ({ payload: '['.repeat(depth) + ']'.repeat(depth), contentType: 'application/json' })),
  fc.integer({ min: 1000, max: 20000 }).map((depth) => ({ payload: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth), contentType: 'application/json' })),
  fc.constant({ payload: `{"a":"${'x'.repeat(1_100_000)}"}`, contentType: 'application/json' }),
  fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded').map((contentType) => ({ payload: 'a=1', contentType })),
);
