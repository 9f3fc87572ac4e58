import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import { registerJwksRoute } from '../keys/jwks-route.ts';
import { devKeyProvider } from '../keys/kek.ts';
import { KEK_VARIABLE, LocalKeyProvider, type KeyProvider } from '../keys/key-provider.ts';
import { DataKeys, useDataKeys } from '../keys/data-keys.ts';
import { KekUseTally } from '../keys/kek-use.ts';
import { TenantKeys } from '../keys/tenant-keys.ts';
import { TenantKeks } from '../keys/tenant-keks.ts';
import type { Bundle } from '../policy/bundle.ts';
import type { Clock } from '../util/clock.ts';
import { LedgerIntegrator } from './integrator.ts';
import { PresentationPolicy } from './presentation-policy.ts';
import type { Signals } from '../observability/signals.ts';

/** What the provenance actions use beyond the transaction: tenant keys and the presentation policy. */
export interface LedgerServices {
  keys: TenantKeys;
  /** Tenant-held key-encryption keys (ADR 0030), over the same platform key provider. */
  keks: TenantKeks;
  /** Unwraps under tenant KEKs counted by this process, for their summary receipts. */
  kekUse: KekUseTally;
  integrator: LedgerIntegrator;
  presentation: PresentationPolicy;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The provenance ledger's integrator (flush a tenant's log on demand, integration stats). */
    ledger: LedgerIntegrator;
  }
}

let services: LedgerServices | undefined;

/** The services of the running app; actions run only inside an app, so they are set by then. */
export function ledgerServices(): LedgerServices {
  if (services === undefined) throw new Error('the ledger is not started');
  return services;
}

export interface LedgerOptions {
  db: Database;
  /** Whether the app opened the database itself (from the config) rather than being handed one. */
  ownsDatabase: boolean;
  clock: Clock;
  log: Logger;
  config: Pick<Config, 'kek' | 'dataDir' | 'checkpointEvery' | 'checkpointIntervalMs' | 'ledgerLeaseMs'>;
  bundleFor: (tenantId: string) => Bundle;
  /** Default: COMPANYOS_KEK; without it, a development KEK (see `keyProviderFor`). */
  keyProvider?: KeyProvider | undefined;
  /** Integrate after every receipted response and on a timer (default); off, only `flush` does. */
  background?: boolean | undefined;
  signals?: Signals | undefined;
}

/**
 * COMPANYOS_KEK when set. Otherwise a server on its own data dir keeps a generated KEK there, and
 * an app handed a database (tests, tools) holds one in memory: its keys die with the process.
 */
function keyProviderFor(o: LedgerOptions): KeyProvider {
  if (o.keyProvider !== undefined) return o.keyProvider;
  if (o.config.kek !== undefined) return new LocalKeyProvider(o.config.kek);
  if (o.ownsDatabase) return devKeyProvider(o.config.dataDir, o.log);
  o.log.warn(`${KEK_VARIABLE} is not set: tenant signing keys are wrapped under an in-memory key and cannot be used after this process ends`);
  return new LocalKeyProvider(randomBytes(32));
}

/**
 * Creates the ledger services of an app and its public tenant JWKS route; integration runs after
 * each receipted response and on a timer, and stops when the app closes. Call before the actions'
 * routes are registered, so the response hook applies to them.
 */
export function startLedger(app: FastifyInstance, o: LedgerOptions): LedgerServices {
  const provider = keyProviderFor(o);
  const keys = new TenantKeys(provider);
  const integrator = new LedgerIntegrator({
    db: o.db,
    keys,
    clock: o.clock,
    log: o.log,
    checkpointEvery: o.config.checkpointEvery,
    checkpointIntervalMs: o.config.checkpointIntervalMs,
    leaseMs: o.config.ledgerLeaseMs,
    signals: o.signals,
  });
  // Personal fields are sealed under data keys wrapped by the same provider (ADR 0025), or by the
  // tenant's own KEK once it imported one (ADR 0030).
  const keks = new TenantKeks(provider);
  const kekUse = new KekUseTally(o.clock);
  useDataKeys(new DataKeys(provider, undefined, keks, kekUse));
  services = { keys, keks, kekUse, integrator, presentation: new PresentationPolicy(o.bundleFor) };
  app.decorate('ledger', integrator);
  registerJwksRoute(app, o.db, keys);
  if (o.background !== false) {
    app.addHook('onResponse', async (_request, reply) => {
      if (reply.getHeader('x-receipt-id') !== undefined) integrator.poke();
    });
    app.addHook('onReady', async () => integrator.start());
  }
  app.addHook('onClose', async () => integrator.stop());
  return services;
}
