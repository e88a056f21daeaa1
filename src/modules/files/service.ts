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
import { fileTooLarge } from '../../platform/body-limits.ts';
import { sizeText } from '../../platform/sizes.ts';
import { auditActor, type Ctx } from '../../platform/context.ts';
import { runOffThread, WorkerBusy, WorkerTimeout } from '../../platform/workers.ts';
import type { BlobStore } from './blobs.ts';
import type { PdfInspection } from './pdf-inspect.ts';
import { overQuota, quotaRule } from './rules.ts';
import * as store from './store.ts';
import './problems.ts';

const INSPECT = { name: 'files.inspect-pdf', file: new URL('./pdf-inspect.ts', import.meta.url), fn: 'inspectPdfTask' };

/** Refuses a PDF that carries active content or cannot be read, and counts its pages; the parse runs on a worker thread. */
async function checkPdf(ctx: Ctx, path: string): Promise<number | null> {
  let r: PdfInspection;
  try {
    r = await runOffThread<PdfInspection>(INSPECT, { pdf: await readFile(path) }, { timeoutMs: ctx.config.verifyTimeoutMs, threads: ctx.config.workerThreads });
  } catch (err) {
    if (err instanceof WorkerBusy) throw new AppError('unavailable', PLAIN.busy);
    if (err instanceof WorkerTimeout) throw new AppError('pdf-unreadable', PLAIN.tooComplex, { extra: { encrypted: false, timeoutMs: err.timeoutMs } });
    throw new AppError('pdf-unreadable', PLAIN.damaged, { extra: { encrypted: false } });
  }
  if (!r.readable) throw new AppError('pdf-unreadable', r.encrypted ? PLAIN.locked : PLAIN.damaged, { extra: { encrypted: r.encrypted } });
  if (r.found.length) throw new AppError('pdf-active-content', PLAIN.active, { extra: { found: r.found } });
  return r.pages;
}

/** What the owner already keeps, against the quota (null: no quota). */
export async function quotaState(ctx: Ctx, tx: Executor, owner: { userId: string; kind: 'citizen' | 'officer' }) {
  const rule = quotaRule(owner.kind, ctx.config.uploadQuotaBytes);
  return rule ? { rule, usedBytes: await store.usage(tx, owner.userId, rule.onlyUnattached) } : null;
}

export function quotaExceeded(rule: { limitBytes: number }, usedBytes: number): AppError {
  const [used, limit] = [sizeText(usedBytes), sizeText(rule.limitBytes)];
  return new AppError('upload-quota-exceeded', {
    vi: `Đã dùng ${used.vi} trong ${limit.vi} được phép. Tệp chưa nộp kèm hồ sơ sẽ được tự xóa sau một thời gian; nếu cần nộp thêm ngay, hãy liên hệ Bộ phận Một cửa.`,
    en: `${used.en} of the ${limit.en} allowed are used. Files not attached to a dossier are deleted after a while; to submit more now, contact the one-stop desk.`,
  }, { extra: { quotaBytes: rule.limitBytes, usedBytes } });
}

/** What a citizen is told when an upload is refused: plain words, what to do (the technical facts are extension members). */
const PLAIN = {
  empty: { vi: 'Tệp trống, không có nội dung. Hãy chọn lại tệp.', en: 'The file is empty. Choose the file again.' },
  notAccepted: {
    vi: 'Nội dung tệp không phải PDF hay ảnh JPEG, PNG (đổi tên đuôi tệp cũng không được). Hãy chụp ảnh hoặc quét giấy tờ rồi tải lên tệp đó.',
    en: "The file's content is not a PDF or a JPEG or PNG image (renaming the file does not change that). Photograph or scan the document and upload that.",
  },
  locked: {
    vi: 'Tệp PDF có mật khẩu hoặc bị khóa. Hãy bỏ mật khẩu hoặc in ra một tệp PDF mới rồi tải lên lại.',
    en: 'The PDF is password-protected or locked. Remove the password or print it to a new PDF, then upload it again.',
  },
  damaged: {
    vi: 'Tệp PDF bị hỏng, không mở được. Hãy lưu hoặc quét lại rồi tải lên.',
    en: 'The PDF is damaged and cannot be opened. Save or scan it again, then upload it.',
  },
  tooComplex: {
    vi: 'Không kiểm tra kịp tệp PDF này. Hãy in ra một tệp PDF mới hoặc quét lại rồi tải lên.',
    en: 'This PDF could not be checked in time. Print it to a new PDF or scan it again, then upload it.',
  },
  active: {
    vi: 'Hãy in giấy tờ ra một tệp PDF mới (In → Lưu dưới dạng PDF) hoặc quét lại, rồi tải lên tệp đó.',
    en: 'Print the document to a new PDF (Print → Save as PDF) or scan it again, and upload that file.',
  },
  busy: { vi: 'Hệ thống đang bận kiểm tra các tệp khác. Vui lòng thử lại sau ít phút.', en: 'The system is busy checking other files. Please try again in a few minutes.' },
};

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
    if (input.isTruncated()) throw fileTooLarge(ctx.config.fileMaxBytes);
    if (size === 0) throw new AppError('validation', PLAIN.empty);
    const detected = await fileTypeFromFile(temp);
    if (!detected || !ACCEPTED.has(detected.mime)) {
      throw new AppError('unsupported-file-type', PLAIN.notAccepted, { extra: { detectedType: detected?.mime ?? null } });
    }
    const mediaType = detected.mime as store.MediaType;
    const pageCount = mediaType === 'application/pdf' ? await checkPdf(ctx, temp) : 1;
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
      await store.insertFile(tx, { id, owner_id: owner.userId, sha256, size, media_type: mediaType, name, created_at: now, attached_at: null, page_count: pageCount });
      await appendAudit(tx, { actor: auditActor(owner), action: 'file.uploaded', subjectType: 'file', subjectId: id, data: { sha256, size, mediaType }, requestId: ctx.requestId, at: now });
    });
    return { id, sha256, size, mediaType };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(ctx.config.fileMaxBytes);
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
