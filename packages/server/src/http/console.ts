import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm start` builds the console (packages/web/dist). */
export const defaultConsoleDir = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** The console's routes: GET only, files of the built console, no data. */
export const CONSOLE_ROUTES = new Set(['/', '/assets/*', '/*']);

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

// The console runs only its own code. It calls its own API, and an OIDC issuer's discovery and
// token endpoints (https anywhere; plain http only for the configured issuer, in development).
function securityHeaders(oidcIssuer: string | undefined): Record<string, string> {
  const connect = ["'self'", 'https:'];
  if (oidcIssuer !== undefined && oidcIssuer.startsWith('http:')) connect.push(new URL(oidcIssuer).origin);
  return {
    'content-security-policy': `default-src 'self'; connect-src ${connect.join(' ')}; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

/**
 * Serves the built console: hashed assets (cached for good), and index.html for `/` and for any
 * other GET a browser navigates to, so client-side routes survive a reload. API paths and requests
 * that do not ask for HTML fall through to the usual problem+json 404/405. Nothing is mounted when
 * the console has not been built.
 */
export function registerConsole(app: FastifyInstance, options: { dir?: string | undefined; oidcIssuer?: string | undefined } = {}): void {
  const dir = options.dir ?? defaultConsoleDir;
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    app.log.warn({ dir }, 'the web console is not built; run npm start or npm run build -w @companyos/web');
    return;
  }
  const assets = normalize(join(dir, 'assets') + sep);
  const headers = securityHeaders(options.oidcIssuer);
  const sendIndex = async (reply: FastifyReply) =>
    reply.headers({ ...headers, 'cache-control': 'no-cache' }).type('text/html; charset=utf-8').send(await readFile(index));

  app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));

  app.get<{ Params: { '*': string } }>('/assets/*', { schema: { hide: true } }, async (request, reply) => {
    const file = normalize(join(assets, request.params['*']));
    const type = TYPES[extname(file)];
    if (!file.startsWith(assets) || type === undefined || !existsSync(file)) return reply.callNotFound();
    return reply.headers({ ...headers, 'cache-control': 'public, max-age=31536000, immutable' }).type(type).send(await readFile(file));
  });

  app.get('/*', { schema: { hide: true } }, async (request: FastifyRequest, reply) => {
    const path = request.url.split('?')[0]!;
    const navigation = (request.headers.accept ?? '').includes('text/html') && !path.startsWith('/api/') && !path.startsWith('/.well-known/') && extname(path) === '';
    if (!navigation) return reply.callNotFound();
    return sendIndex(reply);
  });
}
