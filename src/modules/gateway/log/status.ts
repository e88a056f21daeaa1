/**
 * The message log's health (pure). Records waiting for a time-stamp are fine for a while; the log is
 * unhealthy when records have waited longer than GATEWAY_TIMESTAMP_MAX_AGE_SECONDS since the last good
 * time-stamp — measured from the later of the last good time-stamp and the oldest waiting record, so that
 * an idle gateway's first request after hours is not refused before the next time-stamping run (X-Road
 * likewise counts from the first failure, not from the last success).
 */
import type { MessageLogStatus } from '../contracts.ts';

export interface StatusFacts {
  lastTimestampAt: Date | null;
  untimestamped: number;
  oldestWaiting: Date | null;
}

export function computeStatus(f: StatusFacts, now: Date, policy: { maxAgeSeconds: number; refuse: boolean }): MessageLogStatus {
  const base = { lastTimestampAt: f.lastTimestampAt, untimestamped: f.untimestamped };
  if (f.untimestamped === 0 || !f.oldestWaiting) return { healthy: true, refuseTraffic: false, ...base };
  const since = Math.max(f.lastTimestampAt?.getTime() ?? 0, f.oldestWaiting.getTime());
  const waitedSeconds = (now.getTime() - since) / 1000;
  if (waitedSeconds <= policy.maxAgeSeconds) return { healthy: true, refuseTraffic: false, ...base };
  const last = f.lastTimestampAt ? `the last good time-stamp is from ${f.lastTimestampAt.toISOString()}` : 'no time-stamp yet';
  return {
    healthy: false, refuseTraffic: policy.refuse, ...base,
    reason: `${f.untimestamped} message log record(s) not time-stamped for ${Math.floor(waitedSeconds)} s (more than ${policy.maxAgeSeconds} s); ${last}`,
  };
}
