/**
 * A checkpoint of the audit chain heads as data: the signed text (canonical JSON), reading it back,
 * and its file name. Pure: no database, no clock, no signing.
 */
import { canonicalJson, type AuditAnchor, type AuditHead } from '../../platform/audit.ts';

export const CHECKPOINT_TYPE = 'motcua.audit.checkpoint';

export interface Checkpoint {
  id: string;
  takenAt: string;
  heads: AuditHead[];
}

/** The exact text that is signed and stored. */
export function checkpointPayload(c: Checkpoint): string {
  return canonicalJson({ type: CHECKPOINT_TYPE, v: 1, id: c.id, takenAt: c.takenAt, heads: c.heads.map((h) => ({ chain: h.chain, seq: h.seq, hash: h.hash })) });
}

const isInt = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

/** The checkpoint a payload states, or null when it is not one. */
export function parseCheckpoint(payload: string): Checkpoint | null {
  let v: unknown;
  try {
    v = JSON.parse(payload);
  } catch {
    return null;
  }
  const o = v as { type?: unknown; v?: unknown; id?: unknown; takenAt?: unknown; heads?: unknown };
  if (!o || o.type !== CHECKPOINT_TYPE || o.v !== 1 || typeof o.id !== 'string' || typeof o.takenAt !== 'string' || !Array.isArray(o.heads)) return null;
  const heads: AuditHead[] = [];
  for (const h of o.heads as { chain?: unknown; seq?: unknown; hash?: unknown }[]) {
    if (!h || !isInt(h.chain) || !isInt(h.seq) || typeof h.hash !== 'string' || !/^[0-9a-f]{64}$/.test(h.hash)) return null;
    heads.push({ chain: h.chain, seq: h.seq, hash: h.hash });
  }
  return { id: o.id, takenAt: o.takenAt, heads };
}

/** What the chains must still show: each head of the checkpoint. */
export function anchorsOf(c: Checkpoint): AuditAnchor[] {
  return c.heads.map((h) => ({ chain: h.chain, seq: h.seq, hash: Buffer.from(h.hash, 'hex'), label: `checkpoint ${c.id} (${c.takenAt})` }));
}

/** `2026-03-10T02-00-00-000Z_<id>.json`: sorts by time. */
export function checkpointFileName(c: Pick<Checkpoint, 'id' | 'takenAt'>): string {
  return `${c.takenAt.replace(/[:.]/g, '-')}_${c.id}.json`;
}

/** The id a checkpoint file is named for, or null. */
export function idOfFileName(name: string): string | null {
  return /_([0-9a-f-]{36})\.json$/.exec(name)?.[1] ?? null;
}

