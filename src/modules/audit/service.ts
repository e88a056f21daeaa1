/**
 * Signed checkpoints of the audit chain heads, and the verification of the log against them.
 *
 * A checkpoint states every chain's head (chain, seq, hash) at one moment, signed with the province
 * seal (pki) and, with TSA_URL, time-stamped. It is kept twice: a row of audit_checkpoints and a file
 * in AUDIT_CHECKPOINT_DIR. Someone with database rights who cuts a chain's tail and rewinds its head
 * leaves a chain that is consistent in itself; the checkpoints taken before still name the removed
 * entries, and cannot be forged without the seal's key (encrypted with PKI_PASSPHRASE, which is not in
 * the database). Erasing them needs both the database and the checkpoint files.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../config.ts';
import { inTx, type Db } from '../../db/index.ts';
import { emit } from '../../platform/outbox.ts';
import { appendAudit, auditHeads, verifyAudit, type AuditAnchor, type AuditVerification } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { checkSealed, sealBytes, trustStore } from '../pki/index.ts';
import { anchorsOf, checkpointFileName, checkpointPayload, idOfFileName, parseCheckpoint, type Checkpoint } from './checkpoint.ts';
import { allCheckpoints, insertCheckpoint } from './store.ts';
import { checkpointTaken } from './events.ts';

export interface AuditCtx {
  db: Db;
  config: Config;
  clock: Clock;
}

/** The content of a checkpoint file. */
interface CheckpointFile {
  payload: string;
  /** base64 DER. */
  cms: string;
}

/** Takes a checkpoint now: reads the heads, signs, stores the row (with its audit entry), writes the file. */
export async function takeCheckpoint(ctx: AuditCtx): Promise<Checkpoint & { timestamped: boolean; file: string }> {
  const at = ctx.clock.now();
  const c: Checkpoint = { id: randomUUID(), takenAt: at.toISOString(), heads: await auditHeads(ctx.db) };
  const payload = checkpointPayload(c);
  const sealed = await sealBytes(ctx.db, ctx.config, Buffer.from(payload, 'utf8'), ctx.clock);
  const dir = ctx.config.auditCheckpointDir;
  const file = join(dir, checkpointFileName(c));
  await inTx(ctx.db, async (tx) => {
    await insertCheckpoint(tx, { id: c.id, taken_at: at, payload, cms: sealed.cms, timestamped: sealed.timestamped });
    await appendAudit(tx, {
      actor: { kind: 'system', id: null }, action: 'audit.checkpoint_taken', subjectType: 'audit_checkpoint', subjectId: c.id, at,
      data: { chains: c.heads.length, timestamped: sealed.timestamped },
    });
    await emit(tx, checkpointTaken, { aggregateId: c.id, payload: { takenAt: c.takenAt, chains: c.heads.length, timestamped: sealed.timestamped, file: checkpointFileName(c) }, at });
  });
  // After the commit: a file without its row would be reported as a deleted row.
  await mkdir(dir, { recursive: true });
  const body: CheckpointFile = { payload, cms: sealed.cms.toString('base64') };
  await writeFile(`${file}.tmp`, JSON.stringify(body, null, 1), { mode: 0o440 });
  await rename(`${file}.tmp`, file);
  return { ...c, timestamped: sealed.timestamped, file };
}

export interface AuditReport extends AuditVerification {
  checkpoints: { total: number; valid: number; latest: string | null; timestamped: number };
  /** Not failures: no checkpoint yet, the latest one older than expected. */
  warnings: string[];
}

interface Copy { source: string; payload: string; cms: Buffer; fileId?: string }

async function checkpointFiles(dir: string, problems: string[]): Promise<Map<string, Copy>> {
  const out = new Map<string, Copy>();
  const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const id = idOfFileName(name);
    try {
      const f = JSON.parse(await readFile(join(dir, name), 'utf8')) as CheckpointFile;
      if (!id || typeof f.payload !== 'string' || typeof f.cms !== 'string') throw new Error('not a checkpoint file');
      out.set(id, { source: `file ${name}`, payload: f.payload, cms: Buffer.from(f.cms, 'base64'), fileId: id });
    } catch (err) {
      problems.push(`checkpoint file ${name}: unreadable (${(err as Error).message})`);
    }
  }
  return out;
}

/**
 * `motcua audit verify`: every chain recomputed from its genesis and held against every checkpoint
 * whose signature is good (from the table and from the files); a bad signature, a checkpoint file
 * whose row is gone, a chain behind a checkpoint or an entry whose hash differs from one all fail.
 */
export async function verifyAuditLog(ctx: AuditCtx): Promise<AuditReport> {
  const problems: string[] = [];
  const warnings: string[] = [];
  const rows = await allCheckpoints(ctx.db);
  const files = await checkpointFiles(ctx.config.auditCheckpointDir, problems);
  const copies: Copy[] = [...rows.map((r) => ({ source: 'database', payload: r.payload, cms: Buffer.from(r.cms) })), ...files.values()];
  const inDb = new Set(rows.map((r) => r.id));
  for (const id of files.keys()) if (!inDb.has(id)) problems.push(`checkpoint ${id} is in the checkpoint files but missing from the database: checkpoints were deleted`);

  const anchors: AuditAnchor[] = [];
  const valid = new Set<string>();
  const bad = new Set<string>();
  const stamped = new Set<string>();
  let latest: string | null = null;
  const trust = await trustStore(ctx.db);
  for (const copy of copies) {
    const check = await checkSealed(ctx.db, copy.cms, Buffer.from(copy.payload, 'utf8'), trust, ctx.clock.now());
    const c = parseCheckpoint(copy.payload);
    const name = c?.id ?? '(unreadable)';
    if (!check.valid || !c) {
      problems.push(`checkpoint ${name} (${copy.source}): bad signature: ${check.reason ?? 'not a checkpoint'}`);
      bad.add(name);
      continue;
    }
    if (copy.fileId && copy.fileId !== c.id) problems.push(`checkpoint ${c.id} (${copy.source}): the file is named for another checkpoint`);
    if (check.timestampedAt) stamped.add(c.id);
    if (valid.has(c.id)) continue;
    valid.add(c.id);
    anchors.push(...anchorsOf(c));
    if (!latest || c.takenAt > latest) latest = c.takenAt;
  }
  for (const id of bad) valid.delete(id);

  const chains = await verifyAudit(ctx.db, 5000, anchors);
  const total = new Set([...inDb, ...files.keys()]).size;
  const minutes = ctx.config.auditCheckpointMinutes;
  if (!latest) warnings.push('no signed checkpoint yet: a cut tail cannot be detected until one is taken (`motcua audit checkpoint`)');
  else if (minutes > 0 && ctx.clock.now().getTime() - Date.parse(latest) > 3 * minutes * 60_000) {
    warnings.push(`the latest checkpoint (${latest}) is older than 3 × AUDIT_CHECKPOINT_MINUTES: is the job running?`);
  }
  const all = [...problems, ...chains.problems];
  return {
    ...chains, ok: all.length === 0, problems: all, warnings,
    checkpoints: { total, valid: valid.size, latest, timestamped: stamped.size },
  };
}
