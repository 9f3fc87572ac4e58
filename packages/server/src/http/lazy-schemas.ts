import AjvCompiler, { type ValidatorFactory } from '@fastify/ajv-compiler';
import { SerializerSelector, type SerializerFactory } from '@fastify/fast-json-stringify-compiler';

// Fastify compiles every route's validators and serializers as the app is built: a few hundred
// schemas, most of them never used by a given process (a worker serves some routes far more than
// others; a test touches a handful). These factories hand Fastify a stand-in for each that compiles
// on its first use, and keep what they compiled for the process, so an app built again (each test
// builds several) reuses it. The schemas are the same objects on every build.
//
// The compilers are Fastify's own defaults, made once per process: Ajv keeps one instance per
// option set and caches a compiled schema by the schema object; the serializers are kept here.

type ValidateFunction = ((data: unknown, context?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown };
type Serialize = (doc: unknown) => string;

const buildDefaultValidator = AjvCompiler();
const buildDefaultSerializer = SerializerSelector();
/** Compiled serializers by the shared schemas and options they were built with, then by schema. */
const serializers = new Map<string, WeakMap<object, Serialize>>();
/** Stand-ins not yet compiled, so that `compilePendingSchemas` can find every one. */
const pending = new Set<() => unknown>();

function onFirstUse<F>(build: () => F): () => F {
  let built: F | undefined;
  const get = (): F => {
    if (built === undefined) {
      built = build();
      pending.delete(get);
    }
    return built;
  };
  pending.add(get);
  return get;
}

// Fastify calls a compiler with the route's part ({ schema, method, url, httpPart }), not the bare
// schema its published types name.
type CompileRoute<F> = (route: { schema?: unknown }) => F;

export const buildValidator = ((externalSchemas: Parameters<typeof buildDefaultValidator>[0], options: Parameters<typeof buildDefaultValidator>[1]) => {
  const compile = buildDefaultValidator(externalSchemas, options) as unknown as CompileRoute<ValidateFunction>;
  const lazy: CompileRoute<ValidateFunction> = (route) => {
    const compiled = onFirstUse(() => compile(route));
    const validate: ValidateFunction = (data, context) => compiled()(data, context);
    // Fastify reads the errors of a failed validation from the function, and passes Ajv's own
    // functions the request as the parent of the value.
    Object.defineProperty(validate, 'errors', { get: () => compiled().errors });
    Object.defineProperty(validate, 'schemaEnv', { get: () => compiled().schemaEnv });
    return validate;
  };
  return lazy;
}) as ValidatorFactory;

export const buildSerializer: SerializerFactory = (externalSchemas, options) => {
  const compile = buildDefaultSerializer(externalSchemas, options) as CompileRoute<Serialize>;
  const poolKey = JSON.stringify([externalSchemas, options]);
  let pool = serializers.get(poolKey);
  if (pool === undefined) serializers.set(poolKey, (pool = new WeakMap()));
  const compiledBySchema = pool;
  return (route) => {
    const schema = route.schema;
    const compiled = onFirstUse(() => {
      if (typeof schema !== 'object' || schema === null) return compile(route);
      let serialize = compiledBySchema.get(schema);
      if (serialize === undefined) {
        serialize = compile(route);
        compiledBySchema.set(schema, serialize);
      }
      return serialize;
    });
    return (doc) => compiled()(doc);
  };
};

/** Compiles every schema handed out so far and not yet used: a schema that cannot compile throws here. */
export function compilePendingSchemas(): number {
  const all = [...pending];
  for (const get of all) get();
  return all.length;
}
