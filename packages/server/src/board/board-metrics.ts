import { Histogram } from 'prom-client';
import type { Metrics } from '../observability/metrics.ts';

let timeToPack: Histogram | undefined;

/** Registers the time-to-pack histogram on the app's registry (the last app built reports it). */
export function installBoardMetrics(metrics: Metrics): void {
  timeToPack = new Histogram({
    name: 'companyos_board_pack_seconds',
    help: 'Time to pack: from a board pack being asked for to its PDF being ready (inputs read, figures computed, rendered)',
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 420],
    registers: [metrics.registry],
  });
}

export function observeTimeToPack(seconds: number): void {
  timeToPack?.observe(seconds);
}
