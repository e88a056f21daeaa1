/**
 * Group commit: record() calls that arrive while a batch is being written wait and go together into the
 * next one — one transaction, one lock of the chain head, one signature over the hash tree of their
 * digests (X-Road's batch signature). An idle gateway writes a lone record at once (no timer).
 */
import { inTx, type Db } from '../../../db/index.ts';
import type { LogMessage } from '../contracts.ts';
import { hashTree, leafDigest } from './hashtree.ts';
import { chainHash, loggedOf, messageBytes, messageLeaf, prevLeaf } from './message.ts';
import { insertBatch, lockHead, moveHead, type RecordRow } from './store.ts';
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

export function batchWriter(deps: WriterDeps) {
  const queue: Waiting[] = [];
  let running: Promise<void> | null = null;
  const stats: BatchStats = { batches: 0, records: 0, largest: 0 };

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const take: Waiting[] = [];
      let n = 0;
      while (queue.length > 0 && (take.length === 0 || n + queue[0]!.messages.length <= MAX_BATCH)) {
        const w = queue.shift()!;
        take.push(w);
        n += w.messages.length;
      }
      try {
        await writeBatch(deps, take.flatMap((w) => w.messages));
        stats.batches++;
        stats.records += n;
        stats.largest = Math.max(stats.largest, n);
        for (const w of take) w.resolve();
      } catch (err) {
        for (const w of take) w.reject(err);
      }
    }
  }

  function kick() {
    if (running) return;
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

async function writeBatch(deps: WriterDeps, messages: LogMessage[]): Promise<void> {
  const prepared = messages.map((m) => {
    const logged = loggedOf(m);
    const leaf = messageLeaf(logged, messageBytes(logged));
    const ref = m.body.ref;
    const inline = ref?.startsWith('mem:') ? deps.inline.get(ref) : undefined;
    if (ref?.startsWith('mem:') && !inline) throw new Error(`message log: body ${ref} is not (or no longer) waiting for its record`);
    return { m, leaf, digest: leafDigest(leaf), body: inline?.body ?? null, file: ref?.startsWith('file:') ? ref.slice(5) : null };
  });
  const signer = await deps.signer();
  await inTx(deps.db, async (tx) => {
    const head = await lockHead(tx);
    const batchId = head.batchId + 1;
    const tree = hashTree([prevLeaf(head.hash), ...prepared.map((p) => p.leaf)]);
    const resultXml = hashChainResultXml(SIG_CHAIN_URI, tree.root);
    const signedAt = deps.now();
    const signatureXml = signXades(`/${SIG_RESULT_FILE}`, resultXml, HASH_CHAIN_RESULT_MIME, signer, signedAt);
    let hash = head.hash;
    let seq = head.seq;
    const rows: RecordRow[] = prepared.map((p) => {
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
    await insertBatch(tx, {
      id: batchId, first_seq: head.seq + 1, last_seq: seq, prev_hash: head.hash, root: tree.root,
      result_xml: resultXml, signature_xml: signatureXml, signed_at: signedAt,
    }, rows);
    await moveHead(tx, seq, hash, batchId);
  });
  for (const p of messages) if (p.body.ref?.startsWith('mem:')) deps.inline.delete(p.body.ref);
  deps.written?.({ records: messages.length, oldest: messages.reduce((a, m) => (m.at < a ? m.at : a), messages[0]!.at) });
}
