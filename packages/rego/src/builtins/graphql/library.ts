import { createRequire } from 'node:module';

// graphql-js is large; it is loaded on the first GraphQL builtin a policy calls, not by every
// process that loads the engine. The syntax trees' kind names come from its small `kinds` module.
const require = createRequire(import.meta.url);
let loaded: typeof import('graphql') | undefined;

export const graphqlJs = (): typeof import('graphql') => (loaded ??= require('graphql') as typeof import('graphql'));
