// Errors that mean the database cannot serve right now (it is down, restarting, refusing
// connections, dropped or not migrated), as opposed to a query that is wrong. Requests that meet
// one get 503 with Retry-After, and the server recovers by itself when the database returns.

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

// SQLSTATEs: 08 connection exception, 28 authorization (the server's credentials), 53 insufficient
// resources, 57P0x shutdown/restart, 3D000 the database does not exist, 42P01 a table does not
// exist (an empty, unmigrated database), 40001/40P01 a transient conflict worth retrying, 55P03 a
// lock wait past its `lock_timeout` (a month's close holding a tenant's usage lock).
const SQLSTATE = /^(08[0-9A-Z]{3}|28[0-9A-Z]{3}|53[0-9A-Z]{3}|57P0[1-4]|3D000|42P01|40001|40P01|55P03)$/;

// node-postgres reports a lost or unobtainable connection with these messages and no code.
const CLIENT_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|is not queryable|Cannot use a pool after calling end|not currently accepting connections/;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (error == null || typeof error !== 'object' || depth > 4) return false;
  // A refused connection to "localhost" tries every address and reports them together.
  if (error instanceof AggregateError && error.errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown };
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code !== undefined && (NETWORK_CODES.has(code) || SQLSTATE.test(code))) return true;
  if (typeof e.message === 'string' && CLIENT_MESSAGES.test(e.message)) return true;
  // An empty database server has none of the roles the migrations create.
  if (code === '22023' && typeof e.message === 'string' && /role "companyos_[a-z]+" does not exist/.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/** Seconds a client should wait before retrying while the database is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_S = 5;
