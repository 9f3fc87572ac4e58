import { DraftPool } from './src/policy/draft-pool.ts';
const pool = new DraftPool({ threads: 2, timeoutMs: 2000, maxHeapMb: 64 });
const RUNAWAY = 'package x\nspin if {\n  every a in numbers.range(1, 100000) {\n    every b in numbers.range(1, 100000) { a + b > 0 }\n  }\n}';
let t = Date.now();
const p = pool.simulate('a', { modules: [{ file: 'x.rego', source: RUNAWAY }], data: {} }, 'x.spin', [{}]).then((r) => console.log('done', r, Date.now() - t), (e) => console.log('err', e.message, Date.now() - t));
await new Promise((r) => setTimeout(r, 100));
await pool.simulate('a', { modules: [{ file: 'x.rego', source: 'package x\np := 1' }], data: {} }, 'x.p', [{}]).then((r) => console.log('second', r, Date.now() - t), (e) => console.log('second err', e.message, Date.now() - t));
await p;
await pool.close();
