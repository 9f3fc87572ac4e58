// `rego eval -d PATH... [-i input.json] [-s SCHEMA] [--format json|pretty] [--explain] [--strict] QUERY`

import { fromJS, RObject } from '../value/value.ts';
import { UsageError, type CompileFn, type Io } from './api.ts';
import { optionalString, parseCommandArgs, stringList } from './args.ts';
import { jsonText } from './json-text.ts';
import { loadPaths, loadSchemas, readDataFile } from './load-paths.ts';

export const EVAL_USAGE = 'usage: rego eval -d PATH... [-i INPUT] [-s SCHEMA] [--format json|pretty] [--explain] [--strict] QUERY';

/** A query that is just a reference (`data.a.b`, `input.x["y"]`): its value is the result. */
const REF_QUERY = /^(?:data|input)(?:\.[A-Za-z_][A-Za-z0-9_]*|\[(?:"(?:[^"\\]|\\.)*"|\d+)\])*$/;
const VALUE_VAR = 'result_value';

export function evalCommand(argv: string[], compile: CompileFn, io: Io): number {
  const { values, positionals } = parseCommandArgs(argv, {
    data: { type: 'string', short: 'd', multiple: true },
    input: { type: 'string', short: 'i' },
    schema: { type: 'string', short: 's' },
    format: { type: 'string', short: 'f', default: 'json' },
    explain: { type: 'boolean' },
    strict: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError(`expected exactly one query\n${EVAL_USAGE}`);
  const format = optionalString(values['format']);
  if (format !== 'json' && format !== 'pretty') throw new UsageError(`--format must be json or pretty, not ${format}`);
  const query = (positionals[0] as string).trim();
  const loaded = loadPaths(stringList(values['data']));
  const inputPath = optionalString(values['input']);
  const input = inputPath !== undefined ? readDataFile(inputPath) : undefined;
  const strict = values['strict'] === true;
  const explain = values['explain'] === true;

  const schemaPath = optionalString(values['schema']);
  const schemas = schemaPath === undefined ? {} : loadSchemas(schemaPath);
  const policy = compile(loaded.modules, { data: loaded.data, strictBuiltinErrors: strict, ...schemas });
  const isRef = REF_QUERY.test(query);
  const result = policy.query(isRef ? `${VALUE_VAR} = ${query}` : query, {
    ...(input !== undefined ? { inputValue: input } : {}),
    strictBuiltinErrors: strict,
    explain,
  });
  const output = new RObject();
  if (isRef) {
    const value = result.rows[0]?.[VALUE_VAR];
    if (value !== undefined) output.set('result', value);
  } else {
    output.set('result', result.rows.map((row) => RObject.fromRecord(row)));
  }
  if (explain) output.set('explain', fromJS(result.explain ?? []));
  io.out(jsonText(output, format === 'pretty' ? 2 : 0));
  return 0;
}
