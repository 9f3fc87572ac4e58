// The `rego` command: wires the commands to the real engine and to the process.

import { fileURLToPath } from 'node:url';
import { DEFAULT_ENGINE_MODULE } from '../conformance/default-engine.ts';
import { IsolatedRunner } from '../conformance/isolated.ts';
import { compile } from '../policy.ts';
import { runCli } from './run.ts';

const SKIPS = fileURLToPath(new URL('../../test/conformance-skips.json', import.meta.url));

export function main(argv: string[]): Promise<number> {
  return runCli(
    argv,
    {
      compile: (modules, opts) => compile(modules, opts),
      defaultSkips: SKIPS,
      conformanceRunner: () => {
        const runner = new IsolatedRunner(DEFAULT_ENGINE_MODULE);
        return { run: runner.run, close: () => runner.close() };
      },
    },
    {
      out: (text) => process.stdout.write(text + '\n'),
      err: (text) => process.stderr.write(text + '\n'),
    },
  );
}
