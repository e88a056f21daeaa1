/**
 * `motcua gateway log verify`: the message log recomputed from the database. Every record's digest from
 * its content (and its kept body), the chain from the first record, every batch's tree and signature (and
 * the signer's certificate against the province PKI), every time-stamp's tree and token. A changed record
 * no longer matches its digest; a removed one leaves a gap in the sequence; reordered ones break the
 * chain where they stand; a record rewritten with a recomputed chain breaks its batch's signature.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { chainOf, trustStore } from '../../pki/index.ts';
import { hashTree, leafDigest } from './hashtree.ts';
import type { LogCtx } from './index.ts';
import { chainHash, messageLeaf, prevLeaf } from './message.ts';
import { allTimestamps, batchesIn, batchRange, head, loggedOfRow, recordsAfter, type BatchRow, type RecordRow } from './store.ts';
import { checkToken, timestampTree } from './timestamp.ts';
import { checkXades } from './xades.ts';
import { readHashChainResult } from './xml.ts';
import { SIG_CHAIN_URI, SIG_RESULT_FILE } from './writer.ts';

export interface LogProblem {
  /** The record (seq) or batch or time-stamp concerned. */
  seq?: number;
  batch?: number;
  timestamp?: number;
  message: string;
}

export interface LogReport {
  ok: boolean;
  records: number;
  batches: number;
  timestamps: number;
  /** Records under a good time-stamp. */
  timestamped: number;
  lastTimestampAt: string | null;
  problems: LogProblem[];
  warnings: string[];
}

async function fileSha512(path: string): Promise<Buffer | null> {
  const h = createHash('sha512');
  try {
    for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  } catch {
    return null;
  }
  return h.digest();
}

/** Checks one batch's signature and tree against the digests recomputed from its records. */
async function checkBatch(b: BatchRow, digests: Buffer[], trusted: (cert: Buffer) => Promise<boolean>): Promise<string | null> {
  const result = Buffer.from(b.result_xml);
  const sig = checkXades(Buffer.from(b.signature_xml), (uri) => (uri === `/${SIG_RESULT_FILE}` ? result : null));
  if (!sig.valid) return `bad signature: ${sig.reason}`;
  if (!(await trusted(sig.cert!))) return 'the signer is not certified by the province PKI';
  const { uri, root } = readHashChainResult(result);
  if (uri !== SIG_CHAIN_URI) return `the signed hash chain result names ${uri}`;
  const tree = hashTree([prevLeaf(Buffer.from(b.prev_hash)), ...digests.map((d) => ({ item: { kind: 'value' as const, digest: d } }))]);
  if (!tree.root.equals(root)) return `records ${b.first_seq}–${b.last_seq} are not the ones the batch signature covers (changed, removed, added or reordered)`;
  return null;
}

export async function verifyMessageLog(ctx: LogCtx, pageSize = 2000): Promise<LogReport> {
  const problems: LogProblem[] = [];
  const trust = await trustStore(ctx.db);
  const certs = new Map<string, boolean>();
  const trusted = async (der: Buffer) => {
    const key = der.toString('base64');
    if (!certs.has(key)) certs.set(key, chainOf(new X509Certificate(der), [], trust).trusted);
    return certs.get(key)!;
  };

  let records = 0;
  let expectSeq = 1;
  let lastHash: Buffer = Buffer.alloc(0);
  let expectBatch = 1;
  let open = null as { batch: BatchRow | undefined; id: number; digests: Buffer[]; seqs: number[] } | null;
  const badBatches = new Set<number>();
  const links = chainLinks(problems);

  const closeBatch = async () => {
    if (!open) return;
    const { batch, id, digests, seqs } = open;
    open = null;
    if (!batch) return void problems.push({ batch: id, message: `batch ${id} of records ${seqs[0]}–${seqs[seqs.length - 1]} is missing` });
    if (Number(batch.first_seq) !== seqs[0] || Number(batch.last_seq) !== seqs[seqs.length - 1]) {
      problems.push({ batch: id, message: `batch ${id} signed records ${batch.first_seq}–${batch.last_seq} but holds ${seqs[0]}–${seqs[seqs.length - 1]}: records were removed or moved` });
    }
    const bad = await checkBatch(batch, digests, trusted);
    if (bad) {
      badBatches.add(id);
      problems.push({ batch: id, message: `batch ${id}: ${bad}` });
    }
  };

  for (let after = 0; ;) {
    const rows = await recordsAfter(ctx.db, after, pageSize);
    if (rows.length === 0) break;
    const batches = new Map((await batchesIn(ctx.db, [...new Set(rows.map((r) => Number(r.batch_id)))])).map((b) => [Number(b.id), b]));
    for (const r of rows) {
      records++;
      const seq = Number(r.seq);
      const batchId = Number(r.batch_id);
      const gap = seq !== expectSeq;
      if (gap) problems.push({ seq: expectSeq, message: seq === expectSeq + 1 ? `record ${expectSeq} is missing (removed)` : `records ${expectSeq}–${seq - 1} are missing (removed)` });
      if (open?.id !== batchId) {
        await closeBatch();
        if (batchId < expectBatch) problems.push({ seq, batch: batchId, message: `record ${seq} belongs to batch ${batchId}, out of order (reordered)` });
        open = { batch: batches.get(batchId), id: batchId, digests: [], seqs: [] };
        expectBatch = batchId + 1;
      }
      const digest = leafDigest(messageLeaf(loggedOfRow(r)));
      open!.digests.push(digest);
      open!.seqs.push(seq);
      const stored = Buffer.from(r.digest);
      const bodyBad = await checkBody(ctx, r);
      if (!digest.equals(stored)) problems.push({ seq, message: `record ${seq} (X-Road-Id ${r.x_road_id}) was changed: its content no longer matches its digest` });
      else if (bodyBad) problems.push({ seq, message: `record ${seq} (X-Road-Id ${r.x_road_id}): ${bodyBad}` });
      links.add({ seq, digest: stored, hash: Buffer.from(r.hash), xRoadId: r.x_road_id }, gap);
      lastHash = Buffer.from(r.hash);
      expectSeq = seq + 1;
      after = seq;
    }
  }
  await closeBatch();
  links.end();

  const h = await head(ctx.db);
  if (h.seq !== expectSeq - 1 || (h.seq > 0 && !h.hash.equals(lastHash))) {
    problems.push({ seq: h.seq, message: `the chain head is at record ${h.seq} but the records end at ${expectSeq - 1}: records at the end were removed` });
  }

  const ts = await checkTimestamps(ctx, problems, badBatches);
  const warnings: string[] = [];
  if (records > 0 && ts.timestamped < records) warnings.push(`${records - ts.timestamped} record(s) not time-stamped yet`);
  return {
    ok: problems.length === 0, records, batches: expectBatch - 1, timestamps: ts.count, timestamped: ts.timestamped,
    lastTimestampAt: ts.last?.toISOString() ?? null, problems, warnings,
  };
}

interface Link { seq: number; digest: Buffer; hash: Buffer; xRoadId: string }

/** How far apart two swapped records may be found (records read ahead while looking for a link). */
const LINK_WINDOW = 256;

/**
 * Follows the chain: each record's hash is SHA-512(hash of the record truly before it || its digest), so
 * the records can be put back in the order they were written; a record whose place in that order is not
 * its seq was moved, one that links to nothing within the window was changed (its hash or digest).
 */
function chainLinks(problems: LogProblem[]) {
  let prev: Buffer = Buffer.alloc(0);
  let pos = 0;
  const pending: Link[] = [];
  const place = (final: boolean) => {
    for (;;) {
      const i = pending.findIndex((x) => chainHash(prev, x.digest).equals(x.hash));
      if (i >= 0) {
        const x = pending.splice(i, 1)[0]!;
        pos += 1;
        if (x.seq !== pos) problems.push({ seq: x.seq, message: `record ${x.seq} (X-Road-Id ${x.xRoadId}) is out of place: the chain puts it at ${pos} (reordered)` });
        prev = x.hash;
        continue;
      }
      if (pending.length === 0 || (!final && pending.length <= LINK_WINDOW)) return;
      const x = pending.shift()!;
      problems.push({ seq: x.seq, message: `record ${x.seq} (X-Road-Id ${x.xRoadId}) does not link to the record before it (its hash or digest was changed)` });
      pos = x.seq;
      prev = x.hash;
    }
  };
  return {
    add(x: Link, afterGap: boolean) {
      if (afterGap) {
        // The record before it is gone (reported as missing): start again from this one.
        place(true);
        pos = x.seq;
        prev = x.hash;
        return;
      }
      pending.push(x);
      place(false);
    },
    end: () => place(true),
  };
}

async function checkBody(ctx: LogCtx, r: RecordRow): Promise<string | null> {
  if (r.body) return createHash('sha512').update(r.body).digest().equals(Buffer.from(r.body_sha512)) ? null : 'its kept body was changed';
  if (!r.body_file) return null;
  const d = await fileSha512(join(ctx.config.gateway.logDir, r.body_file));
  if (!d) return `its body file ${r.body_file} is missing`;
  return d.equals(Buffer.from(r.body_sha512)) ? null : `its body file ${r.body_file} was changed`;
}

async function checkTimestamps(ctx: LogCtx, problems: LogProblem[], badBatches: Set<number>) {
  let timestamped = 0;
  let last: Date | null = null;
  let expectFirst = 1;
  const rows = await allTimestamps(ctx.db);
  for (const t of rows) {
    const id = Number(t.id);
    const first = Number(t.first_batch);
    const lastBatch = Number(t.last_batch);
    if (first !== expectFirst) problems.push({ timestamp: id, message: `time-stamp ${id} starts at batch ${first}, expected ${expectFirst}` });
    expectFirst = lastBatch + 1;
    const batches = await batchRange(ctx.db, first, lastBatch);
    if (batches.length !== lastBatch - first + 1) {
      problems.push({ timestamp: id, message: `time-stamp ${id} covers batches ${first}–${lastBatch}, but ${lastBatch - first + 1 - batches.length} of them are missing` });
      continue;
    }
    const result = Buffer.from(t.result_xml);
    const tree = timestampTree(batches);
    const token = checkToken(Buffer.from(t.token), result);
    if (!tree.resultXml.equals(result)) problems.push({ timestamp: id, message: `time-stamp ${id}: the signatures of batches ${first}–${lastBatch} are not the ones time-stamped` });
    else if (!token.valid) problems.push({ timestamp: id, message: `time-stamp ${id}: ${token.reason}` });
    else {
      for (const b of batches) if (!badBatches.has(Number(b.id))) timestamped += Number(b.last_seq) - Number(b.first_seq) + 1;
      last = token.genTime;
    }
  }
  return { count: rows.length, timestamped, last };
}
