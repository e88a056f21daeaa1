/**
 * `motcua gateway log archive --out DIR`: the time-stamped records not yet archived, as X-Road message
 * log archives — zip files of one .asice per message and a `linkinginfo` whose digest chain continues
 * from the last archive written (gateway_log_archives, X-Road's LAST_ARCHIVE_DIGEST). Containers stream
 * into the archive one after another (a large body streams from its file); nothing is held whole.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import yazl from 'yazl';
import { inTx } from '../../../db/index.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { containerStream, type ContainerParts } from './asice.ts';
import { hashTree, type HashChain } from './hashtree.ts';
import type { LogCtx } from './index.ts';
import { archiveName, containerName, formatLinkingInfo, LINKING_INFO, linkedDigest } from './linking.ts';
import { messageBytes, messageLeaf, prevLeaf } from './message.ts';
import {
  batchById, batchRange, head, insertArchive, lastArchive, lastTimestamp, loggedOfRow, recordsBetween, recordsOfBatch, timestampOf,
  type BatchRow, type RecordRow, type TimestampRow,
} from './store.ts';
import { timestampTree } from './timestamp.ts';

/** At most this many messages in one archive file. */
export const ARCHIVE_MAX_RECORDS = 10_000;

export interface ArchiveRun {
  files: { file: string; records: number; firstSeq: number; lastSeq: number; lastDigest: string }[];
  /** Records written but not archivable yet (not time-stamped). */
  waiting: number;
}

/** The signed batch of a record with every message's hash chain in it, and its time-stamp with every batch's. */
function cachedTrees(ctx: LogCtx) {
  let batch: { row: BatchRow; chains: Map<number, HashChain> } | null = null;
  let ts: { row: TimestampRow; chains: Map<number, HashChain> } | null = null;
  return async (r: RecordRow) => {
    const batchId = Number(r.batch_id);
    if (batch?.row.id === undefined || Number(batch.row.id) !== batchId) {
      const row = await batchById(ctx.db, batchId);
      if (!row) throw new Error(`batch ${batchId} of record ${r.seq} is missing: run \`gateway log verify\``);
      const records = await recordsOfBatch(ctx.db, batchId);
      const tree = hashTree([prevLeaf(Buffer.from(row.prev_hash)), ...records.map((x) => messageLeaf(loggedOfRow(x)))]);
      batch = { row, chains: new Map(records.map((x, i) => [Number(x.seq), tree.chains[i + 1]!])) };
    }
    if (!ts || batchId < Number(ts.row.first_batch) || batchId > Number(ts.row.last_batch)) {
      const row = await timestampOf(ctx.db, batchId);
      if (!row) throw new Error(`batch ${batchId} is not time-stamped`);
      const batches = await batchRange(ctx.db, Number(row.first_batch), Number(row.last_batch));
      const tree = timestampTree(batches);
      ts = { row, chains: new Map(batches.map((b, i) => [Number(b.id), tree.chains[i]!])) };
    }
    return {
      batch: batch.row, sigChain: batch.chains.get(Number(r.seq))!,
      timestamp: { resultXml: Buffer.from(ts.row.result_xml), chain: ts.chains.get(batchId)!, token: Buffer.from(ts.row.token) },
    };
  };
}

export async function writeArchives(ctx: LogCtx, outDir: string, maxRecords = ARCHIVE_MAX_RECORDS): Promise<ArchiveRun> {
  await mkdir(outDir, { recursive: true });
  const lastTs = await lastTimestamp(ctx.db);
  const upTo = lastTs ? Number((await batchById(ctx.db, Number(lastTs.last_batch)))?.last_seq ?? 0) : 0;
  const trees = cachedTrees(ctx);
  const run: ArchiveRun = { files: [], waiting: 0 };
  for (;;) {
    const prev = await lastArchive(ctx.db);
    const after = prev ? Number(prev.last_seq) : 0;
    const rows = await recordsBetween(ctx.db, after, upTo, maxRecords);
    if (rows.length === 0) break;
    const tmp = join(outDir, `.mlog-${process.pid}-${Date.now()}.zip.tmp`);
    const zip = new yazl.ZipFile();
    const out = zip.outputStream.pipe(createWriteStream(tmp, { mode: 0o640 }));
    const entries: { digest: string; name: string }[] = [];
    let digest = prev?.last_digest ?? '';
    try {
      for (const r of rows) {
        const t = await trees(r);
        const logged = loggedOfRow(r);
        const parts: ContainerParts = {
          message: messageBytes(logged),
          body: r.body ? { bytes: Buffer.from(r.body) } : r.body_file ? { file: join(ctx.config.gateway.logDir, r.body_file) } : null,
          signatureXml: Buffer.from(t.batch.signature_xml), sigResultXml: Buffer.from(t.batch.result_xml), sigChain: t.sigChain,
          timestamp: t.timestamp,
        };
        const name = containerName(r.x_road_id, r.kind, Number(r.seq));
        const hash = createHash('sha512');
        // Hashes what passes, without reading ahead of yazl (which takes the entry when its turn comes).
        const tap = new Transform({ transform(c: Buffer, _e, cb) { hash.update(c); cb(null, c); } });
        zip.addReadStream(containerStream(parts, new Date(r.at)).pipe(tap), name, { mtime: new Date(r.at) });
        await finished(tap);
        digest = linkedDigest(digest, hash.digest());
        entries.push({ digest, name });
      }
      const previous = prev ? { digest: prev.last_digest, file: prev.file_name } : null;
      zip.addBuffer(Buffer.from(formatLinkingInfo({ previous, entries }), 'utf8'), LINKING_INFO, { mtime: new Date(rows[rows.length - 1]!.at) });
      zip.end();
      await finished(out);
    } catch (err) {
      out.destroy();
      await rm(tmp, { force: true });
      throw err;
    }
    const file = archiveName(new Date(rows[0]!.at), new Date(rows[rows.length - 1]!.at), digest);
    await rename(tmp, join(outDir, file));
    const firstSeq = Number(rows[0]!.seq);
    const lastSeq = Number(rows[rows.length - 1]!.seq);
    const id = prev ? Number(prev.id) + 1 : 1;
    const at = ctx.clock.now();
    await inTx(ctx.db, async (tx) => {
      await insertArchive(tx, { id, file_name: file, first_seq: firstSeq, last_seq: lastSeq, last_digest: digest, created_at: at });
      await appendAudit(tx, {
        actor: { kind: 'system', id: null }, action: 'gateway.log_archived', subjectType: 'gateway_log_archive', subjectId: String(id), at,
        data: { file, firstSeq, lastSeq, records: rows.length },
      });
    });
    run.files.push({ file, records: rows.length, firstSeq, lastSeq, lastDigest: digest });
  }
  run.waiting = (await head(ctx.db)).seq - Number((await lastArchive(ctx.db))?.last_seq ?? 0);
  return run;
}
