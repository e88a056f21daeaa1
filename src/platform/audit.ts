/**
 * Append-only, hash-chained audit log of every state change and every read of personal data.
 * entry.hash = sha256(previous hash of the chain || sha256(canonical entry)). Entries are spread over
 * 8 chains by subject; verification walks each chain and reports the first entry whose hash differs.
 * Audit data holds identifiers, never personal values.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Executor } from '../db/index.ts';
import { withCtes, type Cte } from '../db/statement.ts';

export const AUDIT_CHAINS = 8;
const GENESIS = Buffer.alloc(32);

export interface AuditActor {
  kind: 'citizen' | 'officer' | 'system' | 'public';
  id: string | null;
}

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  subjectType: string;
  subjectId: string;
  requestId?: string | null;
  data?: Record<string, unknown>;
  at: Date;
  /**
   * File the entry in the chain of another subject (default: its own). A transaction whose entries
   * all go to one chain takes one chain head; entries spread over two chains would take two heads in
   * whatever order, and concurrent transactions taking them in opposite orders deadlock.
   */
  chainOf?: { subjectType: string; subjectId: string };
}

/** JSON with object keys sorted at every depth: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

interface Canonical {
  occurredAt: Date;
  actorKind: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  requestId: string | null;
  data: unknown;
}

function entryDigest(e: Canonical): Buffer {
  const text = canonicalJson([
    e.occurredAt.toISOString(), e.actorKind, e.actorId, e.action, e.subjectType, e.subjectId, e.requestId, e.data,
  ]);
  return createHash('sha256').update(text).digest();
}

export function chainOf(subjectType: string, subjectId: string): number {
  return createHash('sha256').update(`${subjectType}:${subjectId}`).digest()[0]! % AUDIT_CHAINS;
}

/**
 * The append of one entry as two parts of a statement: take the chain's head (`audit_head`), insert
 * the entry after it (`audit_entry`). `gate`: only if that earlier part of the statement returned a
 * row (e.g. the version-checked update the entry records), else the head is not even taken.
 */
export function auditCtes(e: AuditEntry, gate?: string): Cte[] {
  const data = e.data ?? {};
  const at = new Date(e.at.getTime());
  const digest = entryDigest({
    occurredAt: at, actorKind: e.actor.kind, actorId: e.actor.id, action: e.action,
    subjectType: e.subjectType, subjectId: e.subjectId, requestId: e.requestId ?? null, data,
  });
  const chain = e.chainOf ? chainOf(e.chainOf.subjectType, e.chainOf.subjectId) : chainOf(e.subjectType, e.subjectId);
  const only = gate ? sql` and exists (select 1 from ${sql.id(gate)})` : sql``;
  return [{
    name: 'audit_head',
    query: sql`update audit_heads set seq = seq + 1, hash = sha256(hash || ${digest}) where chain = ${chain}${only} returning seq, hash`,
  }, {
    name: 'audit_entry',
    query: sql`
      insert into audit_log (chain, seq, occurred_at, actor_kind, actor_id, action, subject_type, subject_id, request_id, data, hash)
      select ${chain}, audit_head.seq, ${at}, ${e.actor.kind}, ${e.actor.id}, ${e.action}, ${e.subjectType}, ${e.subjectId},
             ${e.requestId ?? null}, ${JSON.stringify(data)}::jsonb, audit_head.hash
      from audit_head`,
  }];
}

/** Appends one entry inside the caller's transaction. */
export async function appendAudit(tx: Executor, e: AuditEntry): Promise<void> {
  await withCtes(auditCtes(e), sql`select 1`).execute(tx);
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first tampered entry (lowest id) and why, when not ok. */
  firstBad?: { id: number; chain: number; seq: number; reason: string };
  /** Every finding, one line each (at most one per chain: a chain's walk stops at its first). */
  problems: string[];
}

/**
 * A chain head recorded elsewhere (a signed checkpoint, see the `audit` module): the chain must reach
 * `seq`, and its entry there must have `hash`. `label` names the record in messages.
 */
export interface AuditAnchor {
  chain: number;
  seq: number;
  hash: Buffer;
  label: string;
}

/**
 * Recomputes every chain from the genesis hash, and checks it against the anchors: a chain that ends
 * before an anchor's seq lost its tail; an entry whose hash differs from an anchor's was replaced.
 * Streams in pages so it works on large logs.
 */
export async function verifyAudit(db: Db, pageSize = 5000, anchors: readonly AuditAnchor[] = []): Promise<AuditVerification> {
  let entries = 0;
  const bad: NonNullable<AuditVerification['firstBad']>[] = [];
  for (let chain = 0; chain < AUDIT_CHAINS; chain++) {
    const mine = anchors.filter((a) => a.chain === chain && a.seq > 0);
    const bySeq = new Map<number, AuditAnchor[]>();
    for (const a of mine) bySeq.set(a.seq, [...(bySeq.get(a.seq) ?? []), a]);
    let prev: Buffer = GENESIS;
    let expectSeq = 1;
    let after = 0;
    chainLoop: for (;;) {
      const rows = await db.selectFrom('audit_log').selectAll().where('chain', '=', chain).where('seq', '>', after)
        .orderBy('seq').limit(pageSize).execute();
      if (rows.length === 0) break;
      for (const r of rows) {
        entries++;
        const expected = createHash('sha256').update(Buffer.concat([prev, entryDigest({
          occurredAt: r.occurred_at, actorKind: r.actor_kind, actorId: r.actor_id, action: r.action,
          subjectType: r.subject_type, subjectId: r.subject_id, requestId: r.request_id, data: r.data,
        })])).digest();
        const hash = Buffer.from(r.hash);
        const differs = (bySeq.get(r.seq) ?? []).find((a) => !a.hash.equals(hash));
        const reason = r.seq !== expectSeq ? `missing entry before seq ${r.seq}`
          : !expected.equals(hash) ? 'hash mismatch'
          : differs ? `hash differs from signed ${differs.label}: the entry was replaced` : null;
        if (reason) {
          bad.push({ id: r.id, chain, seq: r.seq, reason });
          break chainLoop;
        }
        prev = hash;
        expectSeq++;
        after = r.seq;
      }
    }
    if (!bad.some((b) => b.chain === chain)) {
      const last = expectSeq - 1;
      const beyond = mine.filter((a) => a.seq > last).sort((a, b) => b.seq - a.seq)[0];
      const head = await db.selectFrom('audit_heads').selectAll().where('chain', '=', chain).executeTakeFirst();
      if (beyond) {
        bad.push({ id: Number.MAX_SAFE_INTEGER, chain, seq: last, reason: `ends at seq ${last}, behind signed ${beyond.label}, which recorded seq ${beyond.seq}: entries were removed from the end of the chain` });
      } else if (head && (head.seq !== last || !Buffer.from(head.hash).equals(prev))) {
        bad.push({ id: Number.MAX_SAFE_INTEGER, chain, seq: expectSeq, reason: 'entries removed from the end of the chain' });
      }
    }
  }
  bad.sort((a, b) => a.id - b.id);
  const problems = bad.map((b) => (b.reason.startsWith('ends at') ? `chain ${b.chain} ${b.reason}` : `chain ${b.chain} seq ${b.seq}: ${b.reason}`));
  return bad.length ? { ok: false, entries, firstBad: bad[0]!, problems } : { ok: true, entries, problems };
}

export interface AuditHead {
  chain: number;
  seq: number;
  /** Hex. */
  hash: string;
}

/** Every chain's head as committed now (one statement: one snapshot). */
export async function auditHeads(db: Executor): Promise<AuditHead[]> {
  const rows = await db.selectFrom('audit_heads').select(['chain', 'seq', 'hash']).orderBy('chain').execute();
  return rows.map((r) => ({ chain: r.chain, seq: Number(r.seq), hash: Buffer.from(r.hash).toString('hex') }));
}
