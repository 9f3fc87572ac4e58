import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { BundlePoller, type BundleStatus } from './bundle/bundle-poller.ts';
import { DecisionLogUploader, type DecisionLogStatus } from './decision/decision-log.ts';
import { buildDataApi } from './http/data-api.ts';
import type { PdpOptions } from './options.ts';

export const PDP_VERSION = '0.1.0';

export interface Pdp {
  /** Where the data API listens, e.g. http://127.0.0.1:8181. */
  url: string;
  bundle: BundleStatus;
  decisionLog: DecisionLogStatus | undefined;
  /** Polls the bundle server once now (tests and operators need not wait for the interval). */
  pollNow(): Promise<void>;
  /** Uploads the buffered decisions now. */
  flushDecisions(): Promise<void>;
  /** Stops listening and polling, then makes a last upload of the buffered decisions. */
  close(): Promise<void>;
}

/** Starts a decision service: the data API, the bundle poller and the decision log uploader. */
export async function startPdp(o: PdpOptions, log: Logger = pino({ level: o.logLevel, base: { service: 'companyos-pdp', tenant_id: o.tenant } })): Promise<Pdp> {
  const bundles = new BundlePoller(
    { url: o.bundleUrl, apiKey: o.apiKey, pollIntervalMs: o.pollIntervalMs, timeoutMs: o.requestTimeoutMs, maxBytes: o.maxBundleBytes, persistDir: o.dataDir },
    log,
  );
  const decisionLog =
    o.decisionLogUrl === undefined
      ? undefined
      : new DecisionLogUploader(
          {
            url: o.decisionLogUrl,
            apiKey: o.apiKey,
            uploadIntervalMs: o.uploadIntervalMs,
            maxBufferedEvents: o.maxBufferedDecisions,
            maxBatchEvents: 500,
            maxBatchBytes: 512 * 1024,
            timeoutMs: o.requestTimeoutMs,
          },
          log,
        );
  const app = buildDataApi({
    bundles,
    decisionLog,
    bundleName: o.tenant,
    defaultDecision: o.defaultDecision.split('/').filter((s) => s !== ''),
    labels: { id: o.instanceId ?? randomUUID(), version: PDP_VERSION },
    version: PDP_VERSION,
    evalTimeoutMs: o.evalTimeoutMs,
    bodyLimit: o.bodyLimit,
    log,
  });
  bundles.start();
  decisionLog?.start();
  try {
    await app.listen({ host: o.host, port: o.port });
  } catch (error) {
    await bundles.stop();
    await decisionLog?.stop();
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  log.info({ url, bundle_url: o.bundleUrl, decision_logs: o.decisionLogUrl ?? null }, 'decision service listening');
  return {
    url,
    bundle: bundles.status,
    decisionLog: decisionLog?.status,
    pollNow: () => bundles.poll(),
    flushDecisions: async () => decisionLog?.flush(),
    async close() {
      await app.close();
      await bundles.stop();
      await decisionLog?.stop();
    },
  };
}
