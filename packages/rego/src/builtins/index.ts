// The default builtin registry: every family registers itself here, one import per family.

import { BuiltinRegistry } from './registry.ts';
import { builtinSignature } from './signatures.ts';
import * as aggregates from './aggregates.ts';
import * as arrays from './arrays.ts';
import * as awsSigning from './aws-signing.ts';
import * as comparison from './comparison.ts';
import * as graphql from './graphql.ts';
import * as graphs from './graphs.ts';
import * as jsonSchema from './json-schema.ts';
import * as numbers from './numbers.ts';
import * as objects from './objects.ts';
import * as regex from './regex.ts';
import * as sets from './sets.ts';
import * as strings from './strings.ts';
import * as types from './types.ts';
import * as crypto from './crypto.ts';
import * as encoding from './encoding.ts';
import * as net from './net.ts';
import * as network from './network.ts';
import * as semver from './semver.ts';
import * as time from './time.ts';
import * as tokens from './tokens.ts';
import * as units from './units.ts';
import * as uuid from './uuid.ts';

type Family = { register(registry: BuiltinRegistry): void };

// Families: data and text.
const dataFamilies: Family[] = [
  comparison,
  numbers,
  aggregates,
  arrays,
  sets,
  objects,
  strings,
  types,
  regex,
  graphs,
  jsonSchema,
  graphql,
];

// Families: encodings, time, network, crypto and tokens.
const systemFamilies: Family[] = [encoding, units, semver, uuid, net, network, awsSigning, time, crypto, tokens];

export function defaultRegistry(): BuiltinRegistry {
  const registry = new BuiltinRegistry();
  for (const family of [...dataFamilies, ...systemFamilies]) family.register(registry);
  for (const name of registry.names()) {
    const def = registry.get(name);
    const type = builtinSignature(name);
    if (def !== undefined && type !== undefined) def.type = type;
  }
  return registry;
}

export { BuiltinRegistry } from './registry.ts';
export type { BuiltinContext, BuiltinDef, BuiltinFn, RelationFn } from './registry.ts';
export { BuiltinError, OperandTypeError } from './errors.ts';
