/**
 * Streams through the message log: each chunk is copied into the log's body sink (waiting while the
 * sink is full, so nothing is buffered whole) and passed on. For responses the last chunk is held back
 * until `beforeEnd` (recording the request and response) has resolved, so the client gets the
 * response's last byte only after the exchange is in the log.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { LogBodySink } from './contracts.ts';

export type BodyInfo = Awaited<ReturnType<LogBodySink['finish']>>;

/** Ends the sink and returns what it kept. */
export async function finishSink(sink: LogBodySink, last?: Buffer): Promise<BodyInfo> {
  sink.stream.end(last);
  await finished(sink.stream);
  return sink.finish();
}

export class LogTee extends Transform {
  bytes = 0;
  private held: Buffer | null = null;
  readonly done: Promise<BodyInfo>;
  private outcome!: { resolve: (b: BodyInfo) => void; reject: (e: unknown) => void };

  constructor(private readonly sink: LogBodySink, private readonly opts: { holdLast: boolean; beforeEnd?: (body: BodyInfo) => Promise<void> }) {
    super();
    this.done = new Promise((resolve, reject) => { this.outcome = { resolve, reject }; });
    this.done.catch(() => undefined);
    sink.stream.on('error', (err) => this.destroy(err));
    this.on('error', (err) => this.outcome.reject(err));
    this.on('close', () => this.outcome.reject(new Error('the stream closed before its end')));
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    const go = () => {
      if (!this.opts.holdLast) return cb(null, chunk);
      if (this.held) this.push(this.held);
      this.held = chunk;
      cb();
    };
    if (this.sink.stream.write(chunk)) go();
    else this.sink.stream.once('drain', go);
  }

  /** What the log kept of the body: all of it when it ended, else (the exchange failed) the part that came, the stream stopped. */
  settle(): Promise<BodyInfo> {
    if (this.flushing) return this.done;
    this.flushing = true;
    this.destroy();
    return finishSink(this.sink);
  }

  private flushing = false;

  override _flush(cb: TransformCallback): void {
    this.flushing = true;
    finishSink(this.sink).then(async (body) => {
      await this.opts.beforeEnd?.(body);
      this.outcome.resolve(body);
      if (this.held) this.push(this.held);
      cb();
    }, cb).catch(cb);
  }
}
