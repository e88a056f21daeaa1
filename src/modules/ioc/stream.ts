/**
 * Server-sent events for the dashboard: a small `changed` message whenever the IOC consumer has
 * applied new events (the dashboard then reloads its data), and a heartbeat comment so proxies keep
 * the connection open. One watcher per server polls the consumer's cursor while clients are connected,
 * so a change applied by any app node reaches the clients of every node; the consumer running in this
 * process also pokes it at once (`iocChanged`).
 */
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { Db } from '../../db/index.ts';
import { cursorMark, type Consumer } from '../../platform/consumers.ts';
import { IOC_CONSUMER, iocHandler } from './rollups.ts';

const local = new EventEmitter();
local.setMaxListeners(0);

/** Tells this process's streams that the rollups changed (called by the consumer loop). */
export function iocChanged(): void {
  local.emit('changed');
}

/** The `ioc` consumer as the server runs it: fold the events, then tell this process's streams. */
export function iocConsumer(): Consumer {
  return { name: IOC_CONSUMER, handler: iocHandler(), onApplied: iocChanged };
}

/** The clock a stream starts its watchers on; a test hands its own to count exactly this stream's timers. */
export interface StreamTimers {
  every(fn: () => void, ms: number): NodeJS.Timeout;
  cancel(timer: NodeJS.Timeout): void;
}

const systemTimers: StreamTimers = { every: (fn, ms) => setInterval(fn, ms), cancel: (t) => clearInterval(t) };

export interface StreamOptions {
  pollMs?: number;
  heartbeatMs?: number;
  timers?: StreamTimers;
}

export function createIocStream(db: Db, opts: StreamOptions = {}) {
  const clients = new Set<ServerResponse>();
  let last: string | null = null;
  let poll: NodeJS.Timeout | null = null;
  let beat: NodeJS.Timeout | null = null;
  let checking = false;
  const timers = opts.timers ?? systemTimers;

  const send = (text: string) => {
    for (const c of clients) c.write(text);
  };
  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      const v = await cursorMark(db, IOC_CONSUMER);
      if (last !== null && v !== last) send(`event: changed\ndata: ${JSON.stringify({ at: new Date().toISOString() })}\n\n`);
      last = v;
    } catch {
      // the database is unreachable for a moment: try again on the next tick
    } finally {
      checking = false;
    }
  };
  const onLocal = () => void check();
  const start = () => {
    poll = timers.every(() => void check(), opts.pollMs ?? 1000);
    beat = timers.every(() => send(`: heartbeat ${new Date().toISOString()}\n\n`), opts.heartbeatMs ?? 15_000);
    local.on('changed', onLocal);
  };
  const stop = () => {
    if (poll) timers.cancel(poll);
    if (beat) timers.cancel(beat);
    poll = beat = null;
    last = null;
    local.off('changed', onLocal);
  };

  return {
    async attach(res: ServerResponse, onClose: (fn: () => void) => void) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      // Decided and registered before any await: two clients arriving together start one watcher.
      const first = clients.size === 0;
      clients.add(res);
      if (first) start();
      onClose(() => {
        clients.delete(res);
        if (clients.size === 0) stop();
      });
      res.write(`retry: 5000\nevent: ready\ndata: ${JSON.stringify({ at: new Date().toISOString() })}\n\n`);
      if (first) await check(); // the baseline: only later moves of the cursor are news
    },
    close() {
      for (const c of clients) c.end();
      clients.clear();
      stop();
    },
  };
}
