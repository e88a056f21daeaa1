/**
 * Issue 12, item 8: the tail of an audit chain. Entries and chain heads are append-only in the database
 * (triggers), and signed checkpoints of the chain heads, kept in their own table and as files, let
 * `audit verify` detect a tail cut off by someone who bypassed the triggers.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../src/platform/audit.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { takeCheckpoint, verifyAuditLog } from '../src/modules/audit/index.ts';
import { listCertificates, revokeCertificate } from '../src/modules/pki/index.ts';
import { testConfig, TEST_NOW } from './config.ts';
import { freshDatabase } from './helpers.ts';
import { startTsa } from './support/openssl-tsa.ts';
import { asSuperuser as asSuperuserOn, type Conn } from './support/superuser.ts';
import type { Config } from '../src/config.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
const dir = mkdtempSync(join(tmpdir(), 'motcua-audit-'));
const config = testConfig(dir);
const clock = fixedClock(TEST_NOW);
let ctx: { db: typeof database.db; config: typeof config; clock: typeof clock };
beforeAll(async () => {
  database = await freshDatabase();
  ctx = { db: database.db, config, clock };
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const entry = (action: string) => appendAudit(database.db, { actor: { kind: 'system', id: null }, action, subjectType: 'test', subjectId: 'tail', at: clock.now() });

const asSuperuser = (fn: (c: Conn) => Promise<void>) => asSuperuserOn(database, fn);

describe('append-only audit tables', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of audit entries', async () => {
    await entry('test.trigger');
    await expect(sql`update audit_log set action = 'x' where id = 1`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = 1`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('lets a chain head only move forward onto the entry chained after it', async () => {
    const head = await database.db.selectFrom('audit_heads').selectAll().where('chain', '=', 0).executeTakeFirstOrThrow();
    await expect(sql`update audit_heads set seq = seq - 1 where chain = 0`.execute(database.db)).rejects.toThrow(/only move forward/);
    await expect(sql`update audit_heads set seq = seq + 1, hash = sha256(hash) where chain = 0`.execute(database.db)).rejects.toThrow(/no entry/);
    await expect(sql`delete from audit_heads where chain = 0`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_heads`.execute(database.db)).rejects.toThrow(/append-only/);
    const after = await database.db.selectFrom('audit_heads').selectAll().where('chain', '=', 0).executeTakeFirstOrThrow();
    expect(after.seq).toBe(head.seq);
    expect((await verifyAuditLog(ctx)).ok).toBe(true);
  });
});

describe('signed checkpoints of the chain heads', () => {
  it('detects a chain whose last entry was deleted and whose head was rewound', async () => {
    await entry('test.one');
    await entry('test.two');
    const cp = await takeCheckpoint(ctx);
    expect(cp.heads).toHaveLength(8);
    expect(readdirSync(config.auditCheckpointDir)).toContain(cp.file.split('/').pop());
    const event = await database.db.selectFrom('outbox').select(['topic', 'payload']).where('aggregate_id', '=', cp.id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ topic: 'audit.checkpoint_taken', payload: { chains: 8, timestamped: false } });
    const before = await verifyAuditLog(ctx);
    expect(before).toMatchObject({ ok: true, checkpoints: { total: 1, valid: 1 } });

    const last = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'test.two').executeTakeFirstOrThrow();
    const prev = await database.db.selectFrom('audit_log').selectAll().where('chain', '=', last.chain).where('seq', '=', last.seq - 1).executeTakeFirstOrThrow();
    // The tail from test.two on (the checkpoint's own audit entry may have followed it in this chain).
    await asSuperuser(async (c) => {
      await sql`delete from audit_log where chain = ${last.chain} and seq >= ${last.seq}`.execute(c);
      await sql`update audit_heads set seq = ${prev.seq}, hash = ${prev.hash} where chain = ${last.chain}`.execute(c);
    });
    const r = await verifyAuditLog(ctx);
    expect(r.ok).toBe(false);
    expect(r.problems.join('\n')).toMatch(new RegExp(`chain ${last.chain} ends at seq ${prev.seq}.*checkpoint ${cp.id}.*seq ${last.seq}`));

    // The checkpoint rows deleted as well: the files still tell.
    await asSuperuser(async (c) => {
      await sql`delete from audit_checkpoints`.execute(c);
    });
    const again = await verifyAuditLog(ctx);
    expect(again.ok).toBe(false);
    expect(again.problems.join('\n')).toMatch(new RegExp(`chain ${last.chain} ends at seq ${prev.seq}`));
    expect(again.problems.join('\n')).toMatch(/missing from the database/);
  });

  it('detects a checkpointed entry whose hash differs (a tail replaced by new entries)', async () => {
    const d2 = await freshDatabase();
    const c2 = { db: d2.db, config: testConfig(mkdtempSync(join(dir, 'b-'))), clock };
    try {
      await appendAudit(d2.db, { actor: { kind: 'system', id: null }, action: 'test.kept', subjectType: 'test', subjectId: 'swap', at: clock.now() });
      await appendAudit(d2.db, { actor: { kind: 'system', id: null }, action: 'test.gone', subjectType: 'test', subjectId: 'swap', at: clock.now() });
      await takeCheckpoint(c2);
      const gone = await d2.db.selectFrom('audit_log').selectAll().where('action', '=', 'test.gone').executeTakeFirstOrThrow();
      const prev = await d2.db.selectFrom('audit_log').selectAll().where('chain', '=', gone.chain).where('seq', '=', gone.seq - 1).executeTakeFirstOrThrow();
      await d2.db.connection().execute(async (c) => {
        await sql`set session_replication_role = replica`.execute(c);
        await sql`delete from audit_log where chain = ${gone.chain} and seq >= ${gone.seq}`.execute(c);
        await sql`update audit_heads set seq = ${prev.seq}, hash = ${prev.hash} where chain = ${gone.chain}`.execute(c);
        await sql`reset session_replication_role`.execute(c);
      });
      // A new, innocent-looking entry takes the removed one's place in the chain.
      await appendAudit(d2.db, { actor: { kind: 'system', id: null }, action: 'test.innocent', subjectType: 'test', subjectId: 'swap', at: clock.now() });
      const r = await verifyAuditLog(c2);
      expect(r.ok).toBe(false);
      expect(r.problems.join('\n')).toMatch(new RegExp(`chain ${gone.chain} seq ${gone.seq}: hash differs from signed checkpoint`));
    } finally {
      await d2.close();
    }
  });

  it('fails on a checkpoint sealed by a certificate revoked for key compromise (the same judgement as a signed PDF)', async () => {
    const d2 = await freshDatabase();
    const c2 = { db: d2.db, config: testConfig(mkdtempSync(join(dir, 'r-'))), clock };
    try {
      await appendAudit(d2.db, { actor: { kind: 'system', id: null }, action: 'test.sealed', subjectType: 'test', subjectId: 'revoked', at: clock.now() });
      await takeCheckpoint(c2);
      expect((await verifyAuditLog(c2)).ok).toBe(true);
      const seal = (await listCertificates(d2.db)).find((c) => c.purpose === 'seal' && c.status === 'active');
      await revokeCertificate(d2.db, c2.config, seal!.id, 'keyCompromise', clock);
      const r = await verifyAuditLog(c2);
      expect(r.ok).toBe(false);
      expect(r.problems.join('\n')).toMatch(/revoked/);
    } finally {
      await d2.close();
    }
  });

  it('fails on a checkpoint whose signature does not match', async () => {
    const files = readdirSync(config.auditCheckpointDir).filter((f) => f.endsWith('.json'));
    const path = join(config.auditCheckpointDir, files[0]!);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { payload: string; cms: string };
    writeFileSync(path, JSON.stringify({ ...saved, payload: saved.payload.replace(/"seq":(\d+)/, (_m, n: string) => `"seq":${Number(n) + 1}`) }));
    const r = await verifyAuditLog(ctx);
    expect(r.ok).toBe(false);
    expect(r.problems.join('\n')).toMatch(/signature/);
  });
});

describe('time-stamped checkpoints (TSA_URL)', () => {
  it('time-stamps a checkpoint when TSA_URL is set, and verify counts it', async () => {
    const d3 = await freshDatabase();
    const root = mkdtempSync(join(dir, 'tsa-'));
    const tsa = await startTsa(root);
    try {
      const c3 = { db: d3.db, config: { ...testConfig(mkdtempSync(join(dir, 'c-'))), pki: { tsaUrl: tsa.url } } as Config, clock };
      const cp = await takeCheckpoint(c3);
      expect(cp.timestamped).toBe(true);
      const r = await verifyAuditLog(c3);
      expect(r).toMatchObject({ ok: true, checkpoints: { total: 1, valid: 1, timestamped: 1 } });
    } finally {
      await tsa.stop();
      await d3.close();
    }
  });
});
