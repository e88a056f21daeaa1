/**
 * Where a body goes while it streams through the proxy: always hashed (SHA-512); kept unless the service is
 * digest-only — up to INLINE_LIMIT bytes in memory (then in the record's row), beyond that written to a
 * file under GATEWAY_LOG_DIR/bodies/YYYY-MM-DD/ as it arrives (never held whole) and synced on finish.
 * finish() gives a ref the message log resolves when the record is written: `mem:<id>` or `file:<path>`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { LogBodySink } from '../contracts.ts';

export const INLINE_LIMIT = 64 * 1024;

/** Small bodies waiting for their record (by ref), dropped by discard() or when their record is written. */
export type InlineBodies = Map<string, { body: Buffer; at: number }>;

export function openBodySink(opts: { digestOnly: boolean; dir: string; inline: InlineBodies; now: () => Date }): LogBodySink {
  const hash = createHash('sha512');
  let size = 0;
  let chunks: Buffer[] | null = opts.digestOnly ? null : [];
  let file: { fh: FileHandle; rel: string; abs: string } | null = null;
  let ref: string | null = null;

  async function toFile(): Promise<void> {
    const day = opts.now().toISOString().slice(0, 10);
    const rel = join('bodies', day, randomUUID());
    const abs = join(opts.dir, rel);
    await mkdir(join(opts.dir, 'bodies', day), { recursive: true });
    const fh = await open(abs, 'wx', 0o640);
    file = { fh, rel, abs };
    for (const c of chunks!) await fh.write(c);
    chunks = null;
  }

  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      size += chunk.length;
      if (opts.digestOnly) return cb();
      if (file) {
        file.fh.write(chunk).then(() => cb(), cb);
        return;
      }
      chunks!.push(chunk);
      if (size <= INLINE_LIMIT) return cb();
      toFile().then(() => cb(), cb);
    },
  });

  const ended = () => new Promise<void>((resolve, reject) => {
    if (stream.writableFinished) return resolve();
    stream.once('finish', resolve);
    stream.once('error', reject);
  });

  return {
    stream,
    async finish() {
      await ended();
      const sha512 = hash.digest();
      if (file) {
        await file.fh.sync();
        await file.fh.close();
        ref = `file:${file.rel}`;
      } else if (chunks && size > 0) {
        ref = `mem:${randomUUID()}`;
        opts.inline.set(ref, { body: Buffer.concat(chunks), at: Date.now() });
        chunks = null;
      }
      return { sha512, size, ref };
    },
    async discard() {
      stream.destroy();
      if (ref?.startsWith('mem:')) opts.inline.delete(ref);
      if (file) {
        await file.fh.close().catch(() => undefined);
        await rm(file.abs, { force: true });
      }
      chunks = null;
    },
  };
}
