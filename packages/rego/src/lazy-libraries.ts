import { createRequire } from 'node:module';

// Large libraries only some policies need are loaded on first use, not by every process that
// loads the engine: graphql-js (the graphql.* builtins; syntax-tree kind names come from its small
// `kinds` module) and the YAML library (METADATA blocks, yaml.* builtins). `require` caches them.
const require = createRequire(import.meta.url);

export const graphqlJs = (): typeof import('graphql') => require('graphql') as typeof import('graphql');
export const yamlLibrary = (): typeof import('yaml') => require('yaml') as typeof import('yaml');
