/**
 * Operational monitoring's arithmetic (pure): latency buckets, per-minute aggregates, percentiles
 * estimated from bucket counts (linear within a bucket, as Prometheus's histogram_quantile), and the
 * time series of a range at a step that keeps it short.
 */

/** Upper bounds (ms) of the latency buckets kept per minute; the last bucket (index LATENCY_LE_MS.length) is "slower". */
export const LATENCY_LE_MS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 30_000] as const;
export const BUCKET_COUNT = LATENCY_LE_MS.length + 1;

/** The bucket a duration falls in (le: the first bound ≥ the duration). */
export function bucketOf(ms: number): number {
  let lo = 0;
  let hi: number = LATENCY_LE_MS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms <= (LATENCY_LE_MS[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** One minute's figures for one client and service (what a node adds to the table at each flush). */
export interface MinuteStats {
  requests: number;
  errors: number;
  bytesIn: number;
  bytesOut: number;
  durationMsSum: number;
  /** Counts per bucket (not cumulative), BUCKET_COUNT of them. */
  buckets: number[];
}

export function emptyStats(): MinuteStats {
  return { requests: 0, errors: 0, bytesIn: 0, bytesOut: 0, durationMsSum: 0, buckets: new Array<number>(BUCKET_COUNT).fill(0) };
}

export function addStats(into: MinuteStats, s: MinuteStats): MinuteStats {
  into.requests += s.requests;
  into.errors += s.errors;
  into.bytesIn += s.bytesIn;
  into.bytesOut += s.bytesOut;
  into.durationMsSum += s.durationMsSum;
  for (let i = 0; i < BUCKET_COUNT; i++) into.buckets[i]! += s.buckets[i] ?? 0;
  return into;
}

/**
 * The q-quantile (0 < q < 1) in ms estimated from bucket counts: linear within the bucket it falls in
 * (from the previous bound, 0 for the first); in the open last bucket, its lower bound. Null without data.
 */
export function quantileMs(buckets: readonly number[], q: number): number | null {
  const total = buckets.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    const n = buckets[i]!;
    if (n > 0 && seen + n >= rank) {
      if (i >= LATENCY_LE_MS.length) return LATENCY_LE_MS[LATENCY_LE_MS.length - 1]!;
      const lower = i === 0 ? 0 : LATENCY_LE_MS[i - 1]!;
      const upper = LATENCY_LE_MS[i]!;
      return Math.round((lower + ((upper - lower) * (rank - seen)) / n) * 100) / 100;
    }
    seen += n;
  }
  return LATENCY_LE_MS[LATENCY_LE_MS.length - 1]!;
}

/** The series step (minutes) for a range: the smallest of 1, 5, 15, 60, 360, 1440 giving at most `maxPoints` points. */
export function stepMinutes(fromMs: number, toMs: number, maxPoints = 360): number {
  const minutes = Math.max(1, Math.ceil((toMs - fromMs) / 60_000));
  return [1, 5, 15, 60, 360, 1440].find((s) => minutes / s <= maxPoints) ?? 1440;
}

export const minuteOf = (ms: number): number => Math.floor(ms / 60_000) * 60_000;

export interface MonitoringRow {
  client: string;
  service: string;
  requests: number;
  errors: number;
  bytesIn: number;
  bytesOut: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  buckets: { leMs: number | null; count: number }[];
}

export function rowOf(client: string, service: string, s: MinuteStats): MonitoringRow {
  return {
    client, service, requests: s.requests, errors: s.errors, bytesIn: s.bytesIn, bytesOut: s.bytesOut,
    p50Ms: quantileMs(s.buckets, 0.5), p95Ms: quantileMs(s.buckets, 0.95), p99Ms: quantileMs(s.buckets, 0.99),
    // leMs null = slower than the last bound (+Inf).
    buckets: s.buckets.map((count, i) => ({ leMs: LATENCY_LE_MS[i] ?? null, count })),
  };
}

export interface SeriesPoint {
  at: string;
  requests: number;
  errors: number;
  p95Ms: number | null;
}

/** Per-minute totals → points every `step` minutes from `fromMs` (empty steps included, so a chart shows gaps as zero). */
export function seriesOf(minutes: readonly { minute: number; stats: MinuteStats }[], fromMs: number, toMs: number, step: number): SeriesPoint[] {
  const stepMs = step * 60_000;
  const start = Math.floor(fromMs / stepMs) * stepMs;
  const slots = new Map<number, MinuteStats>();
  for (let at = start; at < toMs; at += stepMs) slots.set(at, emptyStats());
  for (const m of minutes) {
    const slot = slots.get(Math.floor(m.minute / stepMs) * stepMs);
    if (slot) addStats(slot, m.stats);
  }
  return [...slots].map(([at, s]) => ({ at: new Date(at).toISOString(), requests: s.requests, errors: s.errors, p95Ms: quantileMs(s.buckets, 0.95) }));
}
