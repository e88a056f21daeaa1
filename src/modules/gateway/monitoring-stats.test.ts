import { describe, expect, it } from 'vitest';
import { BUCKET_COUNT, bucketOf, emptyStats, quantileMs, seriesOf, stepMinutes } from './monitoring-stats.ts';

const buckets = (counts: Record<number, number>) => Array.from({ length: BUCKET_COUNT }, (_, i) => counts[i] ?? 0);

describe('monitoring arithmetic', () => {
  it('puts a duration in the first bucket whose bound is at least it', () => {
    expect([0, 1, 1.01, 2, 4.9, 5, 30_000, 30_001, 1e9].map(bucketOf)).toEqual([0, 0, 1, 1, 2, 2, 13, 14, 14]);
  });

  it('estimates quantiles linearly inside the bucket, as histogram_quantile does', () => {
    expect(quantileMs(buckets({}), 0.5)).toBeNull();
    // 10 in (0, 1] ms: the median halfway.
    expect(quantileMs(buckets({ 0: 10 }), 0.5)).toBe(0.5);
    // 50 in (2, 5], 50 in (5, 10]: p50 at 5, p99 near 10.
    expect(quantileMs(buckets({ 2: 50, 3: 50 }), 0.5)).toBe(5);
    expect(quantileMs(buckets({ 2: 50, 3: 50 }), 0.99)).toBe(9.9);
    // All slower than the last bound: its lower bound (the only honest figure).
    expect(quantileMs(buckets({ 14: 3 }), 0.5)).toBe(30_000);
  });

  it('keeps series short: the step grows with the range', () => {
    const h = 3_600_000;
    expect(stepMinutes(0, h)).toBe(1);
    expect(stepMinutes(0, 6 * h)).toBe(1);
    expect(stepMinutes(0, 24 * h)).toBe(5);
    expect(stepMinutes(0, 7 * 24 * h)).toBe(60);
    expect(stepMinutes(0, 31 * 24 * h)).toBe(360);
  });

  it('sums minutes into steps, empty steps included', () => {
    const s = emptyStats();
    s.requests = 2;
    s.buckets[3] = 2;
    const points = seriesOf([{ minute: 60_000, stats: s }, { minute: 240_000, stats: s }], 0, 600_000, 5);
    expect(points.map((p) => [p.at.slice(11, 19), p.requests])).toEqual([['00:00:00', 4], ['00:05:00', 0]]);
    expect(points[0]!.p95Ms).toBeCloseTo(9.75);
  });
});
