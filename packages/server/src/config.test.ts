import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from './config.ts';

test('defaults apply when nothing is set', () => {
  const c = loadConfig({});
  assert.equal(c.port, 8080);
  assert.equal(c.host, '127.0.0.1');
  assert.equal(c.databaseUrl, undefined);
  assert.match(c.dataDir, /\/data$/);
  assert.match(c.policyDir, /policies\/base\/?$/);
  assert.equal(c.devIssuer, true);
  assert.equal(c.oidc, undefined);
});

test('values are read from COMPANYOS_ variables and DATABASE_URL', () => {
  const c = loadConfig({
    COMPANYOS_PORT: '9090',
    COMPANYOS_HOST: '0.0.0.0',
    DATABASE_URL: 'postgres://u@db:5432/cos',
    COMPANYOS_OIDC_ISSUER: 'https://idp.example.com',
    COMPANYOS_OIDC_AUDIENCE: 'companyos',
    COMPANYOS_DEV_ISSUER: 'false',
  });
  assert.equal(c.port, 9090);
  assert.equal(c.databaseUrl, 'postgres://u@db:5432/cos');
  assert.deepEqual(c.oidc, { issuer: 'https://idp.example.com', audience: 'companyos', jwksUrl: undefined });
  assert.equal(c.devIssuer, false);
});

test('every bad value is reported with its variable name', () => {
  let error: unknown;
  try {
    loadConfig({
      COMPANYOS_PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      COMPANYOS_LOG_LEVEL: 'loud',
      COMPANYOS_DEV_ISSUER: 'maybe',
      COMPANYOS_OIDC_ISSUER: 'https://idp.example.com',
    });
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof ConfigError);
  const text = error.problems.join('\n');
  for (const name of ['COMPANYOS_PORT="eighty"', 'DATABASE_URL="mysql://x"', 'COMPANYOS_LOG_LEVEL="loud"', 'COMPANYOS_DEV_ISSUER="maybe"', 'COMPANYOS_OIDC_AUDIENCE is required']) {
    assert.ok(text.includes(name), `missing: ${name}\n${text}`);
  }
  assert.equal(error.problems.length, 5);
});

test('workers default to the number of cores; load-shedding thresholds are read and validated', () => {
  const d = loadConfig({});
  assert.equal(d.workers, availableParallelism());
  assert.deepEqual([d.shedEventLoopDelayMs, d.shedMaxInFlight, d.shedRetryAfterS], [0, 512, 1]);
  const c = loadConfig({ COMPANYOS_WORKERS: '3', COMPANYOS_SHED_EVENT_LOOP_DELAY_MS: '250', COMPANYOS_SHED_MAX_IN_FLIGHT: '64', COMPANYOS_SHED_RETRY_AFTER_S: '5' });
  assert.deepEqual([c.workers, c.shedEventLoopDelayMs, c.shedMaxInFlight, c.shedRetryAfterS], [3, 250, 64, 5]);
  assert.throws(
    () => loadConfig({ COMPANYOS_WORKERS: '0', COMPANYOS_SHED_MAX_IN_FLIGHT: 'lots', COMPANYOS_SHED_RETRY_AFTER_S: '0' }),
    (e: unknown) =>
      e instanceof ConfigError &&
      e.problems.length === 3 &&
      e.problems.some((p) => p.startsWith('COMPANYOS_WORKERS="0" must be an integer between 1 and 64')) &&
      e.problems.some((p) => p.startsWith('COMPANYOS_SHED_MAX_IN_FLIGHT="lots"')) &&
      e.problems.some((p) => p.startsWith('COMPANYOS_SHED_RETRY_AFTER_S="0"')),
  );
});

test('blobs live in the database unless S3 is configured, and S3 needs a bucket', () => {
  assert.deepEqual(loadConfig({}).blobs, { store: 'postgres' });
  assert.deepEqual(
    loadConfig({ COMPANYOS_BLOB_STORE: 's3', COMPANYOS_S3_BUCKET: 'packs', COMPANYOS_S3_PREFIX: 'eu/', COMPANYOS_S3_ENDPOINT: 'http://127.0.0.1:9000', COMPANYOS_S3_FORCE_PATH_STYLE: 'true' }).blobs,
    { store: 's3', bucket: 'packs', prefix: 'eu/', region: 'us-east-1', endpoint: 'http://127.0.0.1:9000', forcePathStyle: true },
  );
  assert.throws(
    () => loadConfig({ COMPANYOS_BLOB_STORE: 's3', COMPANYOS_S3_PREFIX: '/abs' }),
    (e: unknown) => e instanceof ConfigError && e.problems.some((p) => p.includes('COMPANYOS_S3_BUCKET')) && e.problems.some((p) => p.includes('COMPANYOS_S3_PREFIX')),
  );
  assert.throws(() => loadConfig({ COMPANYOS_BLOB_STORE: 'disk' }), /COMPANYOS_BLOB_STORE="disk" must be postgres or s3/);
});

test('timeouts and leases have defaults and bounds', () => {
  const c = loadConfig({});
  assert.deepEqual([c.requestTimeoutMs, c.drainTimeoutMs, c.ledgerLeaseMs, c.jobLeaseMs], [30_000, 25_000, 10_000, 60_000]);
  assert.throws(() => loadConfig({ COMPANYOS_REQUEST_TIMEOUT_MS: '10' }), /COMPANYOS_REQUEST_TIMEOUT_MS="10" must be an integer between 1000/);
});

test('region databases: none by default; URLs on PostgreSQL, data dirs under the data dir on PGlite; bad entries named', () => {
  assert.deepEqual(loadConfig({}).regionDatabases, {});
  const pg = loadConfig({ DATABASE_URL: 'postgres://u@db/cos_eu', COMPANYOS_REGION_DATABASES: 'eu=postgres://u@db/cos_eu, us=postgres://u@db/cos_us' });
  assert.deepEqual(pg.regionDatabases, { eu: 'postgres://u@db/cos_eu', us: 'postgres://u@db/cos_us' });
  const lite = loadConfig({ COMPANYOS_DATA_DIR: '/srv/cos', COMPANYOS_REGION_DATABASES: 'eu=pglite,us=pglite-us' });
  assert.deepEqual(lite.regionDatabases, { eu: '/srv/cos/pglite', us: '/srv/cos/pglite-us' });
  assert.throws(
    () => loadConfig({ COMPANYOS_REGION_DATABASES: 'mars=pglite-mars,us=pglite-us,us=again,eu=postgres://u@db/x,apac' }),
    (e: unknown) =>
      e instanceof ConfigError &&
      e.problems.some((p) => p.includes('region "mars"')) &&
      e.problems.some((p) => p.includes('region us twice')) &&
      e.problems.some((p) => p.includes('region eu must be a PGlite data dir')) &&
      e.problems.some((p) => p.includes('"apac" must be region=database')),
  );
});

test('invitation mail: off without an SMTP URL; a bad one is refused without showing it; the console URL defaults to the server', () => {
  const plain = loadConfig({ COMPANYOS_HOST: '0.0.0.0', COMPANYOS_PORT: '9090' });
  assert.equal(plain.smtp, undefined);
  assert.equal(plain.consoleUrl, 'http://0.0.0.0:9090');
  const mailing = loadConfig({ COMPANYOS_SMTP_URL: 'smtps://mailer:s3cret@relay.example.com:465', COMPANYOS_CONSOLE_URL: 'https://console.example.com/' });
  assert.deepEqual(mailing.smtp, { url: 'smtps://mailer:s3cret@relay.example.com:465', from: 'CompanyOS <no-reply@companyos.invalid>' });
  assert.equal(mailing.consoleUrl, 'https://console.example.com');
  assert.throws(
    () => loadConfig({ COMPANYOS_SMTP_URL: 'http://mailer:s3cret@relay.example.com' }),
    (e: unknown) => e instanceof ConfigError && e.problems.some((p) => p.startsWith('COMPANYOS_SMTP_URL must be')) && !e.message.includes('s3cret'),
  );
});
