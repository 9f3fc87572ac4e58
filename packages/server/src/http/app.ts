import { join } from 'node:path';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { allActions } from '../actions.ts';
import { loadConfig, type Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { openStore } from '../db/open-store.ts';
import { Authenticator } from '../identity/authenticate.ts';
import { DEV_ISSUER_KEY_FILE, DEV_ISSUER_PATH, DevIssuer } from '../identity/dev-issuer.ts';
import { createLogger } from '../logger.ts';
import type { AnyAction } from '../pipeline/define-action.ts';
import { allowedMethods, API_PREFIX, guardRoutes, registerActions } from '../pipeline/registrar.ts';
import { loadBundleDir, type Bundle } from '../policy/bundle.ts';
import { installPolicy } from '../policy/install-policy.ts';
import { PolicyEngine } from '../policy/policy-engine.ts';
import { systemClock, type Clock } from '../util/clock.ts';
import { uuidv7 } from '../util/ids.ts';
import { registerSignIn } from '../identity/dev-sign-in.ts';
import { defaultConsoleDir, registerConsole } from './console.ts';
import { installFlags } from '../flags/install.ts';
import { installConfigFollower } from '../fleet/install-config-follower.ts';
import { Metrics } from '../observability/metrics.ts';
import { registerStoredSignals } from '../observability/stored-signals.ts';
import { installServiceSamples } from '../observability/service-samples.ts';
import { installBoardMetrics } from '../board/board-metrics.ts';
import { scheduleProbe } from '../observability/probe/probe-schedule.ts';
import { setSloSignals } from '../observability/slo-actions.ts';
import { Tracing } from '../observability/tracing.ts';
import type { KeyProvider } from '../keys/key-provider.ts';
import { startLedger } from '../ledger/ledger-runtime.ts';
import { installJobs } from '../jobs/install-jobs.ts';
import { installKekUseSummaries } from '../keys/kek-use-summaries.ts';
import { installTenantRowCopies } from '../tenancy/tenant-row-copy.ts';
import { installScheduledBackups } from '../backup/scheduled-backups.ts';
import { installPurges } from '../workflows/purge/purge-job.ts';
import { installRetention } from '../workflows/purge/retention-job.ts';
import { purgeRegisterDir } from '../backup/purge-register.ts';
import { kekForTools, PLATFORM_KEY_HINT, platformSigner } from '../keys/platform-key.ts';
import type { ArtefactDir } from '../supply-chain/provenance.ts';
import { defaultArtefactDirs, SupplyChain, useSupplyChain } from '../supply-chain/supply-chain.ts';
import { installAuditExports } from '../audit/export-job.ts';
import { openBlobStore, useBlobStore } from '../blobs/index.ts';
import { installHighRisk } from '../workflows/high-risk/revert-jobs.ts';
import { installQuoteExpiry } from '../workflows/revops/quote-expiry.ts';
import { installInvitationMail } from '../portal/invitation-mail.ts';
import { installBaseUpgrades, scheduleBaseUpgrades } from '../policy/base-upgrade-job.ts';
import { toProblem } from './errors.ts';
import { acceptGzipBodies } from './gzip-body.ts';
import { installFinops } from '../finops/install.ts';
import { RequestLogging } from './request-logging.ts';
import { acceptNdjsonBodies } from './ndjson-body.ts';
import { limitJsonNesting } from './json-body.ts';
import { installLoadShedding } from './load-shedding.ts';
import { buildSerializer, buildValidator } from './lazy-schemas.ts';
import { clientErrorHandler, installLifecycle } from './lifecycle.ts';
import { Problem } from './problem.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's database, for work outside requests (seeding, jobs). */
    db: Database;
  }
}

export interface BuildAppOptions {
  /** Settings over those read from the environment. */
  config?: Partial<Config>;
  /** An open, migrated database; when absent one is opened from the config and closed with the app. */
  database?: Database;
  clock?: Clock;
  /** The local token issuer; default: the key in the data dir, when the dev issuer is enabled. */
  devIssuer?: DevIssuer;
  logger?: Logger;
  /** The policy bundle of a tenant; default: the base bundle from the policy dir, for every tenant. */
  bundleFor?: (tenantId: string) => Bundle;
  actions?: AnyAction[];
  /** The built web console to serve at `/` (default: packages/web/dist). */
  consoleDir?: string;
  /** Wraps tenant signing keys; default: from COMPANYOS_KEK (see startLedger). */
  keyProvider?: KeyProvider;
  /** Integrate receipts into the ledger in the background (default true); off, only `app.ledger.flush` does. */
  ledgerBackground?: boolean;
  /** Run due jobs in the background (default true); off, only `app.jobs.runDue()` does. */
  jobsBackground?: boolean;
  /** Per-action metrics and spans (default true); off only as the baseline of the overhead benchmark. */
  instrumentActions?: boolean;
  /** The build output whose provenance the trust portal shows (default: the console and CLI bundles). */
  artefactDirs?: ArtefactDir[];
}

/** The platform key of the server's KEK (the development KEK exists once the ledger has started). */
function platformSignerOf(config: Config) {
  const kek = kekForTools(config.kek, config.dataDir);
  if (kek === undefined) throw new Error(`no key-encryption key: ${PLATFORM_KEY_HINT}`);
  return platformSigner(kek);
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds the HTTP application without listening; `app.inject()` serves requests in tests. */
export async function buildApp(options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const config: Config = { ...loadConfig(), ...options.config };
  const clock = options.clock ?? systemClock;
  const log = options.logger ?? createLogger({ level: config.logLevel });
  const devIssuer = options.devIssuer ?? (config.devIssuer ? DevIssuer.open({ keyFile: join(config.dataDir, DEV_ISSUER_KEY_FILE), clock }) : undefined);
  const actions = options.actions ?? allActions;
  const budget = { timeMs: config.policyEvalTimeMs, maxValueSize: config.policyMaxValueSize };
  const policy = new PolicyEngine({ base: loadBundleDir(config.policyDir), fixed: options.bundleFor, log, budget });
  // Everything that reads a tenant's bundle sees the one its decisions use, activations included.
  const bundleFor = (tenantId: string): Bundle => policy.bundleFor(tenantId);
  // Opened last, so a bad setting above cannot leave it open.
  const ownsDatabase = options.database === undefined;
  const db =
    options.database ??
    (await openStore({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl === undefined ? join(config.dataDir, 'pglite') : undefined, regionDatabases: config.regionDatabases }));

  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: config.bodyLimit,
    // A client that stalls its headers or body is answered 408 and cut off, not held open forever.
    requestTimeout: config.requestTimeoutMs,
    http: { headersTimeout: Math.min(10_000, config.requestTimeoutMs), connectionsCheckingInterval: 1_000 },
    // Parser errors and requests arriving while the server drains are answered as problem+json.
    clientErrorHandler,
    return503OnClosing: false,
    // Room for the longest identifiers the schemas accept (subject ids run to 128 characters).
    routerOptions: { maxParamLength: 256 },
    exposeHeadRoutes: false,
    logController: new RequestLogging(),
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : uuidv7();
    },
    // All errors (every bad field named), no silent stripping of unknown fields, no type coercion.
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: false, useDefaults: true } },
    // Each schema compiles on its first use, once per process (see lazy-schemas.ts).
    schemaController: { compilersFactory: { buildValidator, buildSerializer } },
    // A URL the router cannot decode, or with an overlong segment, is refused as problem+json.
    frameworkErrors: (error, request, reply) => {
      const problem = toProblem(error);
      (reply as FastifyReply).code(problem.status).type('application/problem+json').send(problem.body(request.url));
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('db', db);
  // onClose hooks run last-registered first: registered first, the database closes after every
  // hook that still writes to it (the decision log, the ledger).
  if (ownsDatabase) app.addHook('onClose', async () => db.close());
  // Only JSON bodies are accepted; anything else is a 415.
  app.removeContentTypeParser('text/plain');
  acceptGzipBodies(app);
  acceptNdjsonBodies(app);
  limitJsonNesting(app);

  guardRoutes(app);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'CompanyOS API',
        version: '1.0.0',
        description: 'Every operation is a governed action: authenticated, tenant-isolated, decided by policy, receipted and metered. Errors are RFC 9457 problem+json.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A JWT from the dev or OIDC issuer, or an API key cos_<id>_<secret>' } } },
    },
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const metrics = new Metrics({ tenantLabel: config.metrics.tenantLabel, onError: (err) => log.warn({ err }, 'configuration drift could not be read') });
  const { signals } = metrics;
  setSloSignals(signals);
  registerStoredSignals(metrics.registry, { db, clock, sampleMs: config.metrics.sampleMs, onError: (err) => log.warn({ err }, 'stored signals could not be read') });
  await installLoadShedding(
    app,
    { maxEventLoopDelayMs: config.shedEventLoopDelayMs, maxInFlight: config.shedMaxInFlight, retryAfterS: config.shedRetryAfterS },
    metrics,
  );

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ problem: problem.slug, status: problem.status }, 'request refused');
    reply.code(problem.status).headers(problem.headers).type('application/problem+json').send(problem.body(request.url));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const allow = allowedMethods(actions, path);
    // The method is served on this path's shape, yet the router refused it: a segment too long (the
    // console's catch-all takes GETs before the router's own length error fires) or a trailing slash.
    const problem = allow.includes(request.method)
      ? new Problem('invalid-request', `the path ${path} is malformed (a segment too long, or a trailing slash)`)
      : allow.length > 0
        ? new Problem('method-not-allowed', `${request.method} is not allowed on ${path}`, {}, { allow: allow.join(', ') })
        : new Problem('not-found', `no route ${request.method} ${path}`);
    reply.code(problem.status).headers(problem.headers).type('application/problem+json').send(problem.body(request.url));
  });

  installLifecycle(app, db);
  app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true } }, async () => app.swagger());
  app.get('/.well-known/jwks.json', { schema: { hide: true } }, async () => devIssuer?.jwks() ?? { keys: [] });
  // Where `companyos token` finds the key of the issuer this server trusts (dev issuer only).
  app.get(DEV_ISSUER_PATH, { schema: { hide: true } }, async (request, reply) => {
    if (devIssuer !== undefined) return devIssuer.describe();
    const problem = new Problem('not-found', 'this server does not accept development tokens (COMPANYOS_DEV_ISSUER=false)');
    return reply.code(problem.status).type('application/problem+json').send(problem.body(request.url));
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => reply.type(metrics.contentType).send(await metrics.text()));
  await installPolicy(app, {
    db,
    engine: policy,
    metrics,
    policyDir: config.policyDir,
    log,
    clock,
    drafts: { threads: config.policyWorkers, timeoutMs: config.policyDraftTimeoutMs, maxHeapMb: config.policyDraftHeapMb, budget },
  });
  await installFlags(app, { db, clock, bundleFor, metrics });
  const follower = await installConfigFollower(app, { db, policy });

  const ledger = startLedger(app, { db, ownsDatabase, clock, log, config, bundleFor, keyProvider: options.keyProvider, background: options.ledgerBackground, signals });
  ledger.keys.followVersions((tenantId) => follower.versionOf(tenantId));
  const jobs = installJobs(app, { db, clock, log, leaseMs: config.jobLeaseMs, background: options.jobsBackground });
  installTenantRowCopies(jobs, db);
  installKekUseSummaries(app, jobs, { db, clock, log, tally: ledger.kekUse, periodMs: config.kekUseSummaryS * 1000, background: options.jobsBackground !== false });
  const blobs = openBlobStore(config.blobs, db);
  useBlobStore(blobs);
  app.addHook('onClose', async () => blobs.close());
  const citeBundle = (tenantId: string, at: Date): Promise<string> => policy.cite(tenantId, at);
  installAuditExports(jobs, { citeBundle, db, signals });
  installScheduledBackups(app, jobs, {
    db,
    databaseUrl: config.databaseUrl,
    pgliteDir: config.databaseUrl === undefined ? join(config.dataDir, 'pglite') : undefined,
    regionDatabases: config.regionDatabases,
    settings: config.backups,
    signer: () => platformSignerOf(config),
    clock,
    log,
  });
  installHighRisk(jobs, { databaseUrl: config.highRiskDatabaseUrl, pendingMinutes: config.highRiskPendingMinutes });
  installQuoteExpiry(jobs);
  installInvitationMail(jobs, { consoleUrl: config.consoleUrl, smtp: config.smtp });
  installBaseUpgrades(jobs);
  // Tenants whose active bundle predates what the base now needs get it by a job, not by hand.
  await scheduleBaseUpgrades({ db, engine: policy, clock, log });
  // The purge register is signed by the platform key, so it exists only where the KEK outlives the process.
  installPurges(
    jobs,
    () => {
      const kek = kekForTools(config.kek, config.dataDir);
      return kek === undefined ? undefined : { dir: purgeRegisterDir(config), signer: platformSigner(kek) };
    },
    { platformTenant: config.backups.tenant },
  );
  installRetention(jobs);
  const tracing = new Tracing({ endpoint: config.metrics.otlpEndpoint });
  app.decorate('tracing', tracing);
  // Spans still buffered are sent before the app goes.
  app.addHook('onClose', async () => tracing.shutdown());
  const instrumented = options.instrumentActions !== false;
  installFinops(app, jobs, { db, clock, log, metrics, bundleFor }, { background: options.jobsBackground !== false, webhookTargets: config.webhookTargets });
  const deps = {
    db,
    clock,
    log,
    authenticator: new Authenticator({ db, clock, devIssuer, oidc: config.oidc }),
    policy,
    config: follower,
    signals: instrumented ? signals : undefined,
    tracing: instrumented ? tracing : undefined,
  };
  useSupplyChain(new SupplyChain({ dirs: options.artefactDirs ?? defaultArtefactDirs(options.consoleDir ?? defaultConsoleDir), platformSigner: () => platformSignerOf(config), clock }));
  installBoardMetrics(metrics);
  installServiceSamples(app, { db, clock, log, signals: deps.signals, background: options.jobsBackground !== false });
  registerActions(app, actions, deps);
  const probeIntervalS = config.metrics.probeIntervalS ?? 0;
  if (probeIntervalS > 0 && devIssuer !== undefined) {
    scheduleProbe(app, { db, clock, log, metrics, issuer: devIssuer, intervalS: probeIntervalS });
  }
  registerSignIn(app, { db, clock, devIssuer, oidc: config.oidc });
  registerConsole(app, { dir: options.consoleDir, oidcIssuer: config.oidc?.issuer });

  return app;
}
