/**
 * CPU-heavy work off the thread that serves HTTP: one pool of worker threads per process (piscina),
 * shared by every module. A task names a module file and one of its exported functions; its input
 * and output cross threads by structured clone. Each run is bounded in time (past it the task is
 * abandoned and its worker thread terminated) and in queue length (a full queue refuses at once);
 * a worker has its own heap limit, so a document that explodes in memory kills only that worker.
 *
 * Every task is published on the diagnostics channel `motcua:worker` (`start` when handed over on
 * the main thread, `end` with the worker's thread id): what a test or a profiler can observe.
 */
import { channel } from 'node:diagnostics_channel';
import { Piscina } from 'piscina';

export const WORKER_CHANNEL = 'motcua:worker';

export interface WorkerTask {
  /** `<module>.<what>`, for the channel and errors. */
  name: string;
  /** The module file (`new URL('./x.ts', import.meta.url)`) and the exported function to call. */
  file: URL;
  fn: string;
}

export interface WorkerEvent {
  task: string;
  phase: 'start' | 'end';
  threadId?: number;
  ok?: boolean;
}

/** The task ran past its time and was abandoned (its worker terminated). */
export class WorkerTimeout extends Error {
  constructor(readonly task: string, readonly timeoutMs: number) {
    super(`${task}: abandoned after ${timeoutMs} ms`);
  }
}

/** Every worker is busy and the queue is full. */
export class WorkerBusy extends Error {
  constructor(readonly task: string) {
    super(`${task}: worker queue full`);
  }
}

/** The task's worker died (e.g. out of memory) or the task threw. */
export class WorkerFailed extends Error {
  constructor(readonly task: string, cause: unknown) {
    super(`${task}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

const events = channel(WORKER_CHANNEL);
let pool: Piscina | null = null;

function poolOf(threads: number): Piscina {
  pool ??= new Piscina({
    filename: new URL('./worker-entry.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    // A started worker (its modules loaded) is kept a while for the next task.
    idleTimeout: 60_000,
    maxQueue: threads * 8,
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  return pool;
}

/** Runs `task(input)` on a worker thread within `timeoutMs`. */
export async function runOffThread<O>(task: WorkerTask, input: unknown, opts: { timeoutMs: number; threads: number }): Promise<O> {
  const p = poolOf(opts.threads);
  events.publish({ task: task.name, phase: 'start' } satisfies WorkerEvent);
  try {
    const r = await p.run({ file: task.file.href, name: task.fn, input }, { signal: AbortSignal.timeout(opts.timeoutMs) }) as { threadId: number; output: O };
    events.publish({ task: task.name, phase: 'end', threadId: r.threadId, ok: true } satisfies WorkerEvent);
    return r.output;
  } catch (err) {
    events.publish({ task: task.name, phase: 'end', ok: false } satisfies WorkerEvent);
    const e = err as Error;
    if (e?.name === 'AbortError') throw new WorkerTimeout(task.name, opts.timeoutMs);
    if (e?.message === 'Task queue is at limit') throw new WorkerBusy(task.name);
    throw new WorkerFailed(task.name, err);
  }
}

/** Stops the worker threads (at shutdown). */
export async function closeWorkers(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}
