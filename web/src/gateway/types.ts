/** The gateway admin API's shapes (registry: /gateway/registry; message log: /gateway/log; monitoring: /gateway/monitoring). */
import type { ApiBody } from '../api/types.ts';

export type Registry = ApiBody<'/api/v1/gateway/registry'>;
export type Member = Registry['members'][number];
export type Service = Registry['services'][number];
export type SavedService = ApiBody<'/api/v1/gateway/services', 'post'>;
export type NewCredential = ApiBody<'/api/v1/gateway/credentials', 'post', 201>;
export type CredentialItem = ApiBody<'/api/v1/gateway/credentials'>['items'][number];

// --- Hand-written: the message log's and the monitor's routes (their parts of the module) ---------

/** One message-log record (GET /gateway/log). */
export interface LogItem {
  id: string; kind: 'request' | 'response'; xRoadId: string; requestId: string; client: string; service: string; method: string; path: string;
  status: number | null; error: string | null; at: string; bodySize: number; bodySha512: string; digestOnly: boolean; timestamped: boolean;
}
export interface LogPage { items: LogItem[]; next: string | null }
export interface LogRecord extends LogItem { headers: Record<string, string>; body: string | null }
export interface LogStatus { healthy: boolean; refuseTraffic: boolean; lastTimestampAt: string | null; untimestamped: number; reason?: string }

export interface MonitoringRow {
  client: string; service: string; requests: number; errors: number; bytesIn: number; bytesOut: number;
  p50Ms: number | null; p95Ms: number | null; p99Ms: number | null; buckets: { leMs: number | null; count: number }[];
}
export interface Monitoring {
  from: string; to: string; totals: { requests: number; errors: number; bytesIn: number; bytesOut: number };
  rows: MonitoringRow[]; series: { at: string; requests: number; errors: number; p95Ms: number | null }[];
}
