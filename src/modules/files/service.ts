/**
 * File intake: the bytes are spooled to a temporary file while hashed and counted, recognised by
 * their content (not their name), and only PDF, JPEG and PNG within the size limit are kept; a PDF
 * is checked for active content (scripts, actions, embedded files) on a worker thread. The owner's
 * quota is checked under a per-owner lock in the transaction that records the file, so parallel
 * uploads cannot overshoot it. A rejected upload leaves nothing behind: no row, no blob, no temporary file.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
import { inTx, type Executor } from '../../db/index.ts';
import { appendAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { auditActor, type Ctx } from '../../platform/context.ts';
import { runOffThread, WorkerBusy, WorkerTimeout } from '../../platform/workers.ts';
import type { BlobStore } from './blobs.ts';
import type { PdfInspection } from './pdf-inspect.ts';
import { overQuota, quotaRule } from './rules.ts';
import * as store from './store.ts';
import './problems.ts';

const INSPECT = { name: 'files.inspect-pdf', file: new URL('./pdf-inspect.ts', import.meta.url), fn: 'inspectPdfTask' };

/** Refuses a PDF that carries active content or cannot be read; the parse runs on a worker thread. */
async function checkPdf(ctx: Ctx, path: string): Promise<void> {
  let r: PdfInspection;
  try {
    r = await runOffThread<PdfInspection>(INSPECT, { pdf: await readFile(path) }, { timeoutMs: ctx.config.verifyTimeoutMs, threads: ctx.config.workerThreads });
  } catch (err) {
    if (err instanceof WorkerBusy) throw new AppError('unavailable', 'every checker is busy, try again shortly');
    const detail = err instanceof WorkerTimeout ? `not checked within ${err.timeoutMs} ms` : 'the document could not be parsed';
    throw new AppError('pdf-unreadable', detail, { extra: { encrypted: false } });
  }
  if (!r.readable) throw new AppError('pdf-unreadable', r.encrypted ? 'encrypted' : 'damaged', { extra: { encrypted: r.encrypted } });
  if (r.found.length) throw new AppError('pdf-active-content', `found ${r.found.join(', ')}`, { extra: { found: r.found } });
}

/** What the owner already keeps, against the quota (null: no quota). */
export async function quotaState(ctx: Ctx, tx: Executor, owner: { userId: string; kind: 'citizen' | 'officer' }) {
  const rule = quotaRule(owner.kind, ctx.config.uploadQuotaBytes);
  return rule ? { rule, usedBytes: await store.usage(tx, owner.userId, rule.onlyUnattached) } : null;
}

export function quotaExceeded(rule: { limitBytes: number }, usedBytes: number): AppError {
  return new AppError('upload-quota-exceeded', `${usedBytes} of ${rule.limitBytes} bytes used`, { extra: { quotaBytes: rule.limitBytes, usedBytes } });
}

export const ACCEPTED: ReadonlySet<string> = new Set(['application/pdf', 'image/jpeg', 'image/png']);

export interface StoredFile {
  id: string;
  sha256: string;
  size: number;
  mediaType: store.MediaType;
}

export async function storeUpload(ctx: Ctx, blobs: BlobStore, input: { stream: Readable; name: string | null; isTruncated: () => boolean }): Promise<StoredFile> {
  const owner = ctx.actor;
  if (!owner) throw new AppError('unauthenticated');
  await mkdir(blobs.tempDir, { recursive: true });
  const temp = join(blobs.tempDir, randomUUID());
  const hash = createHash('sha256');
  let size = 0;
  try {
    await pipeline(
      input.stream,
      new Transform({
        transform(chunk: Buffer, _enc, cb) {
          hash.update(chunk);
          size += chunk.length;
          cb(null, chunk);
        },
      }),
      createWriteStream(temp),
    );
    if (input.isTruncated()) throw new AppError('file-too-large', `limit ${ctx.config.fileMaxBytes} bytes`);
    if (size === 0) throw new AppError('validation', 'empty file');
    const detected = await fileTypeFromFile(temp);
    if (!detected || !ACCEPTED.has(detected.mime)) {
      throw new AppError('unsupported-file-type', detected ? `detected ${detected.mime}` : 'unrecognised content');
    }
    const mediaType = detected.mime as store.MediaType;
    if (mediaType === 'application/pdf') await checkPdf(ctx, temp);
    const sha256 = hash.digest('hex');
    const id = randomUUID();
    const now = ctx.clock.now();
    const name = input.name ? input.name.slice(0, 200) : null;
    await inTx(ctx.db, async (tx) => {
      const quota = quotaRule(owner.kind, ctx.config.uploadQuotaBytes);
      if (quota) {
        await store.lockOwner(tx, owner.userId);
        const used = await store.usage(tx, owner.userId, quota.onlyUnattached);
        if (overQuota(used, size, quota)) throw quotaExceeded(quota, used);
      }
      // The blob is stored under the hash's lock, which the orphan clean-up takes before deleting one.
      await store.lockBlob(tx, sha256);
      await blobs.put(temp, sha256, mediaType);
      await store.insertFile(tx, { id, owner_id: owner.userId, sha256, size, media_type: mediaType, name, created_at: now, attached_at: null });
      await appendAudit(tx, { actor: auditActor(owner), action: 'file.uploaded', subjectType: 'file', subjectId: id, data: { sha256, size, mediaType }, requestId: ctx.requestId, at: now });
    });
    return { id, sha256, size, mediaType };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('file-too-large', `limit ${ctx.config.fileMaxBytes} bytes`);
    throw err;
  } finally {
    await rm(temp, { force: true });
  }
}

/** Files the caller may attach: their own uploads. */
export async function ownedFiles(ctx: Ctx, ids: string[], ownerId: string) {
  const rows = await store.getFiles(ctx.db, ids);
  return rows.filter((r) => r.owner_id === ownerId);
}

/** A stored file's metadata and bytes; the caller has checked the right to read it. Reads are audited. */
export async function openFile(ctx: Ctx, blobs: BlobStore, id: string, via: { subjectType: string; subjectId: string } | null = null) {
  const row = await store.getFile(ctx.db, id);
  if (!row) throw new AppError('not-found', 'file not found');
  await inTx(ctx.db, (tx) => appendAudit(tx, {
    actor: auditActor(ctx.actor), action: 'file.read', subjectType: via?.subjectType ?? 'file', subjectId: via?.subjectId ?? id,
    data: { fileId: id }, requestId: ctx.requestId, at: ctx.clock.now(),
  }));
  return { row, stream: await blobs.get(row.sha256) };
}

export function getFileRow(ctx: Ctx, id: string) {
  return store.getFile(ctx.db, id);
}

/**
 * Marks files as attached (to a dossier, or filed in the personal store), inside the caller's
 * transaction: they are kept from then on. Returns the ids that still exist (one the orphan
 * clean-up deleted meanwhile is missing: the caller refuses the request).
 */
export function attachFiles(tx: Executor, ids: string[], at: Date): Promise<string[]> {
  return store.markAttached(tx, [...new Set(ids)], at);
}
