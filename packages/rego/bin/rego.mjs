#!/usr/bin/env node
// The `rego` command. The CLI is TypeScript: register the tsx loader, then run it.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
