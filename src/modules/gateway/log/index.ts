/**
 * The gateway's message log (X-Road's model): bodySink() hashes and keeps bodies as they stream, record()
 * writes messages hash-chained and batch-signed with the province seal (group commit), a scheduled job
 * time-stamps the signatures in batches (RFC 3161), status() tells whether the time-stamps keep up.
 */
import type { ModuleContext } from '../../../platform/module.ts';
import type { Db } from '../../../db/index.ts';
import type { Config } from '../../../config.ts';
import type { Clock } from '../../../platform/clock.ts';
import { identityFor } from '../../pki/index.ts';
import * as catalog from '../../catalog/index.ts';
import type { MessageLog, MessageLogStatus } from '../contracts.ts';
import { openBodySink, type InlineBodies } from './body-sink.ts';
import { computeStatus, type StatusFacts } from './status.ts';
import { lastTimestamp, waiting } from './store.ts';
import { batchWriter, type BatchStats } from './writer.ts';
import type { XadesSigner } from './xades.ts';

export interface LogCtx { db: Db; config: Config; clock: Clock }

/** The key and certificate the log signs with: the province's seal (the People's Committee's, as sealBytes). */
export async function logSigner(ctx: LogCtx): Promise<XadesSigner> {
  const committee = await catalog.provinceCommittee(ctx.db);
  if (!committee) throw new Error('message log: no province People\'s Committee in the catalogue: nothing to sign with');
  const id = await identityFor(ctx.db, ctx.config, { agencyId: committee.id }, ctx.clock);
  return { key: id.key, cert: id.cert };
}

/** The facts status() is computed from, read from the database (any node's time-stamps count). */
export async function statusFacts(db: Db): Promise<StatusFacts> {
  const last = await lastTimestamp(db);
  const w = await waiting(db, last ? Number(last.last_batch) : 0);
  return { lastTimestampAt: last ? new Date(last.gen_time) : null, untimestamped: w.records, oldestWaiting: w.oldest };
}

export async function readStatus(ctx: LogCtx): Promise<MessageLogStatus> {
  return computeStatus(await statusFacts(ctx.db), ctx.clock.now(), policy(ctx.config));
}

const policy = (config: Config) => ({ maxAgeSeconds: config.gateway.timestampMaxAgeSeconds, refuse: config.gateway.refuseWhenUntimestamped });

/** How often a running log re-reads its status facts from the database (time-stamps by other nodes). */
export const STATUS_REFRESH_MS = 5000;
/** Small bodies whose record never came (the exchange was dropped without discard()) are forgotten after this. */
const INLINE_TTL_MS = 10 * 60_000;

export interface RunningMessageLog extends MessageLog {
  /** Re-reads the status facts now (after a time-stamp, in tests). */
  refresh(): Promise<void>;
  /** Batches written by this process: how many, how many records, the largest. */
  stats: BatchStats;
}

export async function openMessageLog(ctx: ModuleContext): Promise<RunningMessageLog> {
  const inline: InlineBodies = new Map();
  let signer: Promise<XadesSigner> | null = null;
  let facts = await statusFacts(ctx.db);
  const writer = batchWriter({
    db: ctx.db, inline, now: () => ctx.clock.now(),
    signer: () => (signer ??= logSigner(ctx).catch((err) => {
      signer = null;
      throw err;
    })),
    written: (b) => {
      facts = { ...facts, untimestamped: facts.untimestamped + b.records, oldestWaiting: facts.oldestWaiting ?? b.oldest };
    },
  });
  async function refresh() {
    facts = await statusFacts(ctx.db);
    const old = Date.now() - INLINE_TTL_MS;
    for (const [ref, b] of inline) if (b.at < old) inline.delete(ref);
  }
  let refreshing = false;
  const timer = setInterval(() => {
    if (refreshing) return;
    refreshing = true;
    refresh().catch(() => undefined).finally(() => { refreshing = false; });
  }, STATUS_REFRESH_MS);
  timer.unref();

  return {
    bodySink: ({ digestOnly }) => openBodySink({ digestOnly, dir: ctx.config.gateway.logDir, inline, now: () => ctx.clock.now() }),
    record: (messages) => writer.record(messages),
    status: () => computeStatus(facts, ctx.clock.now(), policy(ctx.config)),
    refresh,
    stats: writer.stats,
    async close() {
      clearInterval(timer);
      await writer.idle();
    },
  };
}
