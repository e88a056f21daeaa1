/**
 * The orphan clean-up: uploads never attached to a dossier (nor filed in a personal store) within
 * UPLOAD_ORPHAN_HOURS are deleted, each in its own transaction with its audit entry and event, and
 * then their bytes, when no other upload and no other module (`blobsHeld`: signed documents) holds
 * that hash. The bytes are deleted under the hash's lock, which an upload of the same bytes takes
 * too, so a blob is never deleted under a row that was just recorded for it.
 *
 * Scheduled on the job queue (`files.purge-orphans`, hourly, once across nodes). Idempotent.
 */
import type { Config } from '../../config.ts';
import { inTx, type Db, type Executor } from '../../db/index.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { JobDefinition } from '../../platform/jobs.ts';
import { emit } from '../../platform/outbox.ts';
import type { BlobStore } from './blobs.ts';
import { filePurged } from './events.ts';
import * as store from './store.ts';

/** Whether rows of another module hold the bytes of this hash. */
export type BlobsHeld = (db: Executor, sha256: string) => Promise<boolean>;

export interface PurgeResult {
  files: number;
  bytes: number;
  blobs: number;
}

async function dropBlobIfUnheld(db: Db, blobs: BlobStore, held: BlobsHeld | undefined, sha256: string): Promise<boolean> {
  return inTx(db, async (tx) => {
    await store.lockBlob(tx, sha256);
    if (await store.shaReferenced(tx, sha256)) return false;
    if (held && await held(tx, sha256)) return false;
    await blobs.delete(sha256);
    return true;
  });
}

export async function purgeOrphanUploads(
  ctx: { db: Db; clock: Clock; config: Pick<Config, 'uploadOrphanHours'> }, blobs: BlobStore, held: BlobsHeld | undefined, batch = 500,
): Promise<PurgeResult> {
  const out: PurgeResult = { files: 0, bytes: 0, blobs: 0 };
  if (ctx.config.uploadOrphanHours <= 0) return out;
  const now = ctx.clock.now();
  const cutoff = new Date(now.getTime() - ctx.config.uploadOrphanHours * 3_600_000);
  for (;;) {
    const ids = await store.orphanIds(ctx.db, cutoff, batch);
    for (const id of ids) {
      const row = await inTx(ctx.db, async (tx) => {
        const r = await store.deleteOrphan(tx, id, cutoff);
        if (!r) return null;
        await appendAudit(tx, {
          actor: { kind: 'system', id: null }, action: 'file.purged', subjectType: 'file', subjectId: r.id, at: now,
          data: { sha256: r.sha256, size: r.size, reason: 'never_attached' },
        });
        await emit(tx, filePurged, { aggregateId: r.id, at: now, payload: { fileId: r.id, ownerId: r.owner_id, sha256: r.sha256, size: Number(r.size), reason: 'never_attached' } });
        return r;
      });
      if (!row) continue;
      out.files++;
      out.bytes += Number(row.size);
      if (await dropBlobIfUnheld(ctx.db, blobs, held, row.sha256)) out.blobs++;
    }
    if (ids.length < batch) return out;
  }
}

/** The clean-up as a scheduled job of the files module (none when UPLOAD_ORPHAN_HOURS is 0). */
export function purgeJobs(ctx: { db: Db; clock: Clock; config: Pick<Config, 'uploadOrphanHours'>; services: { blobs: BlobStore; blobsHeld?: BlobsHeld } }): JobDefinition[] {
  if (ctx.config.uploadOrphanHours <= 0) return [];
  return [{
    name: 'files.purge-orphans',
    schedule: '23 * * * *',
    retryLimit: 2,
    async handler() {
      await purgeOrphanUploads(ctx, ctx.services.blobs, ctx.services.blobsHeld);
    },
  }];
}
