import type { FastifyInstance } from 'fastify';
import { Problem } from './problem.ts';

/**
 * Accepts `application/x-ndjson` bodies (one JSON value per line, blank lines ignored) as the array
 * of those values, so a route's body schema checks them as it checks a JSON array.
 */
export function acceptNdjsonBodies(app: FastifyInstance): void {
  app.addContentTypeParser(['application/x-ndjson', 'application/ndjson'], { parseAs: 'string' }, (_request, body, done) => {
    const values: unknown[] = [];
    const lines = (body as string).split('\n');
    for (const [n, line] of lines.entries()) {
      if (line.trim() === '') continue;
      try {
        values.push(JSON.parse(line));
      } catch {
        done(new Problem('invalid-request', `line ${n + 1} of the NDJSON body is not valid JSON`, { errors: [{ in: 'body', field: `line ${n + 1}`, message: 'not valid JSON' }] }));
        return;
      }
    }
    done(null, values);
  });
}
