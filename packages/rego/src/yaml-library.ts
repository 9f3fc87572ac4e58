import { createRequire } from 'node:module';

// The YAML library is loaded when a policy first needs it (a METADATA block, a yaml.* builtin),
// not by every process that loads the engine.
const require = createRequire(import.meta.url);
let loaded: typeof import('yaml') | undefined;

export const yamlLibrary = (): typeof import('yaml') => (loaded ??= require('yaml') as typeof import('yaml'));
