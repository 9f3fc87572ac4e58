// The engine conformance runs use: the package's public API. Imported by worker threads.

import { compile } from '../policy.ts';
import type { Engine } from './run-case.ts';

export const engine: Engine = { compile: (modules, opts) => compile(modules, opts) };

export const DEFAULT_ENGINE_MODULE = import.meta.url;
