// Writes rules.generated.yaml (SLO recording rules and burn-rate alerts) from slos.yaml.
//   node --import tsx deploy/observability/generate.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { renderSloRules } from '../../packages/server/src/observability/slo-rules.ts';

const here = new URL('./', import.meta.url);
writeFileSync(new URL('rules.generated.yaml', here), renderSloRules(readFileSync(new URL('slos.yaml', here), 'utf8')));
console.log('wrote deploy/observability/rules.generated.yaml');
