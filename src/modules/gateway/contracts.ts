/**
 * The seams between the gateway's parts, so that each is built and tested on its own:
 * - the proxy (proxy*.ts, auth*.ts, access*.ts, meta*.ts) authenticates, checks access and forwards;
 * - the message log (log/…) keeps every request and response, signed, hash-chained, time-stamped, archived;
 * - operational monitoring (monitoring*.ts) counts and times every exchange.
 * The proxy calls the other two through these interfaces only.
 */
import type { Writable } from 'node:stream';

/** Where a body's bytes go while they stream through: hashed (SHA-512) and, unless digest-only, stored. */
export interface LogBodySink {
  /** A writable the proxy tees the body into (never buffers a large body whole in memory). */
  stream: Writable;
  /** After the body ended: its SHA-512 digest, size, and where it is kept (null when digest-only or empty). */
  finish(): Promise<{ sha512: Buffer; size: number; ref: string | null }>;
  /** Drops what was stored (the exchange was never logged, e.g. the client vanished before the request ended). */
  discard(): Promise<void>;
}

/** One message (a request or its response) as the message log keeps it. */
export interface LogMessage {
  kind: 'request' | 'response';
  /** The exchange's X-Road-Id (the client's, or the gateway's new UUID); request and response share it. */
  xRoadId: string;
  /** X-Road-Request-Id: the gateway's id of this request (a UUID). */
  requestId: string;
  /** Client subsystem identifier (`VN/GOV/…/SUB`) and service identifier (`VN/GOV/…/SUB/SERVICE`). */
  client: string;
  service: string;
  method: string;
  /** Path after the service code, with its query (`/status?x=1`), as forwarded. */
  path: string;
  /** Response status (responses only). */
  status?: number;
  /** Headers as forwarded (request) or returned (response), names in lower case. */
  headers: Record<string, string>;
  body: { sha512: Buffer; size: number; ref: string | null };
  /** The X-Road error type when the gateway answered with an error instead of the provider (e.g. Server.ServerProxy.ServiceFailed). */
  error?: string;
  at: Date;
}

export interface MessageLogStatus {
  /** False when the last good time-stamp is older than the policy allows (GATEWAY_TIMESTAMP_MAX_AGE_SECONDS). */
  healthy: boolean;
  /** True when the gateway must refuse traffic now (unhealthy and GATEWAY_REFUSE_WHEN_UNTIMESTAMPED). */
  refuseTraffic: boolean;
  lastTimestampAt: Date | null;
  untimestamped: number;
  reason?: string;
}

export interface MessageLog {
  bodySink(opts: { digestOnly: boolean }): LogBodySink;
  /**
   * Writes the messages (signed, hash-chained) durably; resolves when committed. Concurrent calls are
   * grouped (one signature and one transaction for many messages); time-stamping happens later, in batches.
   */
  record(messages: LogMessage[]): Promise<void>;
  status(): MessageLogStatus;
  close(): Promise<void>;
}

/** One finished exchange, for operational monitoring. */
export interface ExchangeStats {
  client: string;
  service: string;
  method: string;
  status: number;
  /** X-Road error type when the exchange failed (Client.*, Server.*). */
  error?: string;
  /** From the request's arrival to the response's end, and the part spent waiting on the provider. */
  durationMs: number;
  providerMs?: number;
  requestBytes: number;
  responseBytes: number;
}

export interface Monitor {
  exchange(stats: ExchangeStats): void;
}

/** The gateway's running parts, built once per process by the module's `provides` (see index.ts). */
export interface GatewayServices {
  log: MessageLog;
  monitor: Monitor;
}

declare module '../../platform/module.ts' {
  interface Services {
    /** The gateway's message log and monitor (module gateway). */
    gateway?: GatewayServices;
  }
}
