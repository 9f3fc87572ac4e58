// Worker thread of the isolated runner: loads the engine module named in workerData, then runs
// the cases it is sent, one message per case.

import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseCaseFile, type ConformanceCase } from './cases.ts';
import type { Engine } from './run-case.ts';
import { inProcess } from './suite.ts';

const { engineModule } = workerData as { engineModule: string };
const { engine } = (await import(engineModule)) as { engine: Engine };
const run = inProcess(engine);
const files = new Map<string, ConformanceCase[]>();

parentPort?.on('message', ({ file, index }: { file: string; index: number }) => {
  let cases = files.get(file);
  if (cases === undefined) {
    cases = parseCaseFile(readFileSync(file, 'utf8'), basename(file));
    files.set(file, cases);
  }
  const testCase = cases[index];
  parentPort?.postMessage(
    testCase === undefined ? { status: 'fail', reason: `no case ${index} in ${file}`, ms: 0 } : run({ folder: '', file, index, testCase }),
  );
});
parentPort?.postMessage('ready');
