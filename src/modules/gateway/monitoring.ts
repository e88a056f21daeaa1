/**
 * Operational monitoring of the gateway: every exchange the proxy finishes is counted and timed, as
 * Prometheus metrics on the node's registry (/metrics) and as per-minute figures each node adds to the
 * gateway_monitoring table every few seconds (the monitoring page reads them, across nodes).
 * `exchange()` runs on every request: a few map look-ups and additions, no I/O.
 */
import client from 'prom-client';
import type { ModuleContext } from '../../platform/module.ts';
import type { ExchangeStats, Monitor } from './contracts.ts';
import { parseServiceId, parseSubsystemId } from './identifiers.ts';
import { addMinutes, pruneMinutes, type MinuteKey } from './monitoring-store.ts';
import { addStats, bucketOf, emptyStats, minuteOf, type MinuteStats } from './monitoring-stats.ts';
import { messageLogReadiness } from './health.ts';

/** At most this many client/service pairs get their own labels; later ones are counted as `other`. */
export const MAX_PAIRS = 2000;
const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export interface MonitorService extends Monitor {
  /** Adds what this node counted since the last flush to the table (also done every GATEWAY_MONITORING_FLUSH_SECONDS). */
  flush(): Promise<void>;
  /** Stops the timer and flushes. */
  close(): Promise<void>;
}

interface PairMetrics {
  duration: client.Histogram.Internal<string>;
  provider: client.Histogram.Internal<string>;
  bytesIn: client.Counter.Internal;
  bytesOut: client.Counter.Internal;
  requests: Map<string, client.Counter.Internal>;
}

function metrics(registry: client.Registry) {
  const pair = ['client', 'service'] as const;
  // A registry shared by two monitors (tests, the command line) gets the metrics once.
  const one = <T>(name: string, make: (o: { name: string; registers: client.Registry[] }) => T): T =>
    (registry.getSingleMetric(name) as T | undefined) ?? make({ name, registers: [registry] });
  return {
    requests: one('gateway_requests_total', (o) => new client.Counter({ ...o, help: 'Gateway exchanges by client subsystem, service, HTTP status and X-Road error type ("" when none)', labelNames: [...pair, 'status', 'error'] })),
    duration: one('gateway_request_duration_seconds', (o) => new client.Histogram({ ...o, help: "Gateway exchange duration, from the request's arrival to the response's end", labelNames: pair, buckets: SECONDS })),
    provider: one('gateway_provider_duration_seconds', (o) => new client.Histogram({ ...o, help: 'Time spent waiting on the provider', labelNames: pair, buckets: SECONDS })),
    bytesIn: one('gateway_request_bytes_total', (o) => new client.Counter({ ...o, help: 'Request body bytes received from clients', labelNames: pair })),
    bytesOut: one('gateway_response_bytes_total', (o) => new client.Counter({ ...o, help: 'Response body bytes sent to clients', labelNames: pair })),
  };
}

/** Labels stay bounded: a malformed identifier (an unknown caller's header) is `unknown`, an error type not like `Server.X.Y` is `other`. */
export function labelsOf(s: Pick<ExchangeStats, 'client' | 'service' | 'error'>): { client: string; service: string; error: string } {
  return {
    client: parseSubsystemId(s.client) ? s.client : 'unknown',
    service: parseServiceId(s.service) ? s.service : 'unknown',
    error: s.error === undefined ? '' : /^[A-Za-z][A-Za-z0-9.]{0,99}$/.test(s.error) ? s.error : 'other',
  };
}

export function createMonitor(ctx: ModuleContext): MonitorService {
  const m = metrics(ctx.services.observability.metrics);
  const pairs = new Map<string, PairMetrics>();
  let pending = new Map<string, MinuteKey & { stats: MinuteStats }>();

  const pairMetrics = (c: string, s: string, key: string): PairMetrics => {
    let p = pairs.get(key);
    if (!p) {
      p = {
        duration: m.duration.labels(c, s), provider: m.provider.labels(c, s),
        bytesIn: m.bytesIn.labels(c, s), bytesOut: m.bytesOut.labels(c, s), requests: new Map(),
      };
      pairs.set(key, p);
    }
    return p;
  };

  function exchange(stats: ExchangeStats): void {
    let { client: c, service: s, error } = labelsOf(stats);
    let key = `${c} ${s}`;
    if (!pairs.has(key) && pairs.size >= MAX_PAIRS) [c, s, key] = ['other', 'other', 'other other'];
    const p = pairMetrics(c, s, key);
    const statusKey = `${stats.status} ${error}`;
    let counter = p.requests.get(statusKey);
    if (!counter) p.requests.set(statusKey, counter = m.requests.labels(c, s, String(stats.status), error));
    counter.inc();
    p.duration.observe(stats.durationMs / 1000);
    if (stats.providerMs !== undefined) p.provider.observe(stats.providerMs / 1000);
    if (stats.requestBytes) p.bytesIn.inc(stats.requestBytes);
    if (stats.responseBytes) p.bytesOut.inc(stats.responseBytes);
    const minute = minuteOf(ctx.clock.now().getTime());
    const mkey = `${minute} ${key}`;
    let e = pending.get(mkey);
    if (!e) pending.set(mkey, e = { minute, client: c, service: s, stats: emptyStats() });
    const t = e.stats;
    t.requests++;
    if (error || stats.status >= 500) t.errors++;
    t.bytesIn += stats.requestBytes;
    t.bytesOut += stats.responseBytes;
    t.durationMsSum += stats.durationMs;
    t.buckets[bucketOf(stats.durationMs)]!++;
  }

  let flushing: Promise<void> = Promise.resolve();
  let prunedAt = 0;
  const flush = (): Promise<void> => {
    // One flush at a time; a failed one puts its figures back (added to what came since), nothing is lost.
    flushing = flushing.catch(() => undefined).then(async () => {
      const now = ctx.clock.now().getTime();
      // Retention, at most hourly per node (the same delete from several nodes is harmless).
      if (now - prunedAt >= 3_600_000) {
        prunedAt = now;
        await pruneMinutes(ctx.db, new Date(now - ctx.config.gateway.monitoringRetentionDays * 86_400_000));
      }
      if (!pending.size) return;
      const batch = pending;
      pending = new Map();
      try {
        await addMinutes(ctx.db, [...batch.values()]);
      } catch (err) {
        for (const [k, v] of batch) {
          const now = pending.get(k);
          if (now) addStats(now.stats, v.stats);
          else pending.set(k, v);
        }
        throw err;
      }
    });
    return flushing;
  };
  const timer = setInterval(() => void flush().catch(() => undefined), ctx.config.gateway.monitoringFlushSeconds * 1000);
  timer.unref();

  ctx.services.observability.readiness.push(messageLogReadiness(ctx));
  return {
    exchange,
    flush,
    close: async () => {
      clearInterval(timer);
      await flush();
    },
  };
}
