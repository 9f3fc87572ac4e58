#!/usr/bin/env node
// Entry point of the `companyos-pdp` command: registers the TypeScript loader, then runs it.
import { register } from 'tsx/esm/api';

register();
const { pdpMain } = await import('../src/main.ts');
process.exitCode = await pdpMain(process.argv.slice(2));
