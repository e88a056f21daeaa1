/**
 * Group commit: record() calls that arrive while a batch is being written wait and go together into the
 * next one — one transaction, one lock of the chain head, one signature over the hash tree of their
 * digests (X-Road's batch signature). An idle gateway writes a lone record at once (no timer).
 */
import { inTx, type Db } from '../../../db/index.ts';
import type { LogMessage } from '../contracts.ts';
import { hashTree, leafDigest } from './hashtree.ts';
import { chainHash, loggedOf, messageBytes, messageLeaf, prevLeaf } from './message.ts';
import { insertBatch, lockHead, moveHead, readHead, type BatchRow, type RecordRow } from './store.ts';
import { hashChainResultXml } from './xml.ts';
import { signXades, type XadesSigner } from './xades.ts';
import type { InlineBodies } from './body-sink.ts';

/** At most this many messages in one batch (one transaction); more wait for the next. */
export const MAX_BATCH = 2000;
export const SIG_CHAIN_URI = '/sig-hashchain.xml#STEP0';
export const SIG_RESULT_FILE = 'sig-hashchainresult.xml';
export const HASH_CHAIN_RESULT_MIME = 'application/hash-chain-result';

interface Waiting { messages: LogMessage[]; resolve(): void; reject(err: unknown): void }

export interface WriterDeps {
  db: Db;
  signer(): Promise<XadesSigner>;
  inline: InlineBodies;
  now(): Date;
  /** After each committed batch (the status counts the waiting records). */
  written?(batch: { records: number; oldest: Date }): void;
}

export interface BatchStats { batches: number; records: number; largest: number }

interface Head { seq: number; hash: Buffer; batchId: number }

/** A batch made ready against the head it expects: its rows, tree and signature, and the head after it. */
interface Prepared { head: Head; batch: BatchRow; rows: RecordRow[]; end: Head }

export function batchWriter(deps: WriterDeps) {
  const queue: Waiting[] = [];
  let running: Promise<void> | null = null;
  let arrived: (() => void) | null = null;
  const stats: BatchStats = { batches: 0, records: 0, largest: 0 };

  function take(): Waiting[] {
    const out: Waiting[] = [];
    let n = 0;
    while (queue.length > 0 && (out.length === 0 || n + queue[0]!.messages.length <= MAX_BATCH)) {
      const w = queue.shift()!;
      out.push(w);
      n += w.messages.length;
    }
    return out;
  }

  /**
   * Two batches in flight: while one holds the chain head and commits, the next is made ready (hash tree,
   * signature: the CPU work) against the head the first will leave, and then waits for the lock. The
   * locked read decides: a batch prepared against another head (another node wrote, or the one before
   * failed) is made again under the lock. So the chain is the same as one batch at a time, only faster.
   */
  async function drain(): Promise<void> {
    const inflight = new Set<Promise<void>>();
    let predicted: Head | null = null;
    while (queue.length > 0 || inflight.size > 0) {
      if (queue.length === 0) {
        // Wait for an arrival (the next batch) or for a batch in flight to end.
        await Promise.race([...inflight, new Promise<void>((r) => { arrived = r; })]);
        arrived = null;
        continue;
      }
      const batch = take();
      const messages = batch.flatMap((w) => w.messages);
      let prepared: Prepared | null = null;
      try {
        const items = prepareItems(deps, messages);
        const signer = await deps.signer();
        predicted ??= inflight.size === 0 ? await readHead(deps.db) : null;
        prepared = predicted ? prepareBatch(deps, signer, items, predicted) : null;
        predicted = prepared?.end ?? null;
        let locked!: () => void;
        const lockTaken = new Promise<void>((r) => { locked = r; });
        const job = commitBatch(deps, signer, items, prepared, locked)
          // Once more after a failure (a dropped connection, a failover): the batch was not committed.
          .catch(() => commitBatch(deps, signer, items, null, () => {}))
          .then(() => {
            stats.batches++;
            stats.records += messages.length;
            stats.largest = Math.max(stats.largest, messages.length);
            for (const m of messages) if (m.body.ref?.startsWith('mem:')) deps.inline.delete(m.body.ref);
            deps.written?.({ records: messages.length, oldest: messages.reduce((a, m) => (m.at < a ? m.at : a), messages[0]!.at) });
            for (const w of batch) w.resolve();
          }, (err: unknown) => {
            predicted = null;
            for (const w of batch) w.reject(err);
          })
          .finally(() => {
            locked();
            inflight.delete(job);
          });
        inflight.add(job);
        // The next batch is taken once this one holds the head (what arrives meanwhile joins it).
        await lockTaken;
      } catch (err) {
        predicted = null;
        for (const w of batch) w.reject(err);
      }
    }
  }

  function kick() {
    if (running) {
      arrived?.();
      return;
    }
    running = new Promise<void>((r) => setImmediate(r)).then(drain).finally(() => {
      running = null;
      if (queue.length > 0) kick();
    });
  }

  return {
    stats,
    record(messages: LogMessage[]): Promise<void> {
      if (messages.length === 0) return Promise.resolve();
      const lost = messages.find((m) => m.body.ref?.startsWith('mem:') && !deps.inline.has(m.body.ref));
      if (lost) return Promise.reject(new Error(`message log: body ${lost.body.ref} is not (or no longer) waiting for its record`));
      return new Promise<void>((resolve, reject) => {
        queue.push({ messages, resolve, reject });
        kick();
      });
    },
    /** Resolves when everything queued so far is written. */
    async idle(): Promise<void> {
      while (running) await running;
    },
  };
}

type Item = ReturnType<typeof prepareItems>[number];

function prepareItems(deps: WriterDeps, messages: LogMessage[]) {
  return messages.map((m) => {
    const logged = loggedOf(m);
    const leaf = messageLeaf(logged, messageBytes(logged));
    const ref = m.body.ref;
    const inline = ref?.startsWith('mem:') ? deps.inline.get(ref) : undefined;
    if (ref?.startsWith('mem:') && !inline) throw new Error(`message log: body ${ref} is not (or no longer) waiting for its record`);
    return { m, leaf, digest: leafDigest(leaf), body: inline?.body ?? null, file: ref?.startsWith('file:') ? ref.slice(5) : null };
  });
}

/** The batch after `head`: rows chained on, the hash tree (with the previous hash as its first leaf) signed. */
function prepareBatch(deps: WriterDeps, signer: XadesSigner, items: Item[], head: Head): Prepared {
  const batchId = head.batchId + 1;
  const tree = hashTree([prevLeaf(head.hash), ...items.map((p) => p.leaf)]);
  const resultXml = hashChainResultXml(SIG_CHAIN_URI, tree.root);
  const signedAt = deps.now();
  const signatureXml = signXades(`/${SIG_RESULT_FILE}`, resultXml, HASH_CHAIN_RESULT_MIME, signer, signedAt);
  let hash = head.hash;
  let seq = head.seq;
  const rows: RecordRow[] = items.map((p) => {
    hash = chainHash(hash, p.digest);
    seq += 1;
    const { m } = p;
    return {
      seq, batch_id: batchId, kind: m.kind, x_road_id: m.xRoadId, request_id: m.requestId, client: m.client, service: m.service,
      method: m.method, path: m.path, status: m.status ?? null, error: m.error ?? null, at: m.at, headers: m.headers,
      body_sha512: m.body.sha512, body_size: m.body.size, digest_only: m.body.ref === null && m.body.size > 0,
      body: p.body, body_file: p.file, digest: p.digest, hash,
    };
  });
  return {
    head, rows, end: { seq, hash, batchId },
    batch: { id: batchId, first_seq: head.seq + 1, last_seq: seq, prev_hash: head.hash, root: tree.root, result_xml: resultXml, signature_xml: signatureXml, signed_at: signedAt },
  };
}

const sameHead = (a: Head, b: Head) => a.seq === b.seq && a.batchId === b.batchId && a.hash.equals(b.hash);

/** One transaction: lock the head, write the batch (made again here if it was prepared against another head), move the head. */
async function commitBatch(deps: WriterDeps, signer: XadesSigner, items: Item[], prepared: Prepared | null, locked: () => void): Promise<void> {
  await inTx(deps.db, async (tx) => {
    const head = await lockHead(tx);
    locked();
    const p = prepared && sameHead(prepared.head, head) ? prepared : prepareBatch(deps, signer, items, head);
    await insertBatch(tx, p.batch, p.rows);
    await moveHead(tx, p.end.seq, p.end.hash, p.end.batchId);
  });
}
