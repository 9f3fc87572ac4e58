import { MAX_NESTING_DEPTH } from '@companyos/rego';
import type { FastifyInstance } from 'fastify';
import { Problem } from './problem.ts';

/**
 * Whether JSON text nests arrays and objects deeper than `max`. A single pass that skips
 * strings; it runs before parsing, so nothing recursive ever sees a body nested deeper.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * JSON bodies nested deeper than the policy engine accepts are refused as 400 `nesting-too-deep`
 * before they are parsed; others go to Fastify's own parser (prototype poisoning refused).
 */
export function limitJsonNesting(app: FastifyInstance, max = MAX_NESTING_DEPTH): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (nestsDeeperThan(text, max)) {
      done(new Problem('nesting-too-deep', `the JSON body nests arrays and objects deeper than ${max} levels`, { max_depth: max }), undefined);
      return;
    }
    parse(request, text, done);
  });
}
