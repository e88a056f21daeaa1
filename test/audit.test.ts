import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../src/platform/audit.ts';
import { freshDatabase } from './helpers.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

describe('hash-chained audit log', () => {
  it('verifies the log written by seeding', async () => {
    const r = await verifyAudit(database.db);
    expect(r.ok).toBe(true);
    expect(r.entries).toBeGreaterThan(100);
  });

  it('refuses UPDATE and DELETE through the append-only trigger', async () => {
    await expect(sql`update audit_log set action = 'x' where id = 1`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = 1`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('detects an edited row and names the first tampered entry', async () => {
    const victim = await database.db.selectFrom('audit_log').select(['id', 'chain', 'seq']).orderBy('id').offset(40).limit(1).executeTakeFirstOrThrow();
    const later = await database.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    // Someone with database superuser rights bypasses the trigger and edits two rows.
    await database.db.connection().execute(async (c) => {
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(c);
      await sql`update audit_log set data = '{"roles":["province_admin"]}'::jsonb where id = ${later.id}`.execute(c);
      await sql`update audit_log set actor_id = 'intruder' where id = ${victim.id}`.execute(c);
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(c);
    });
    const r = await verifyAudit(database.db);
    expect(r.ok).toBe(false);
    expect(r.firstBad).toMatchObject({ id: victim.id, chain: victim.chain, seq: victim.seq, reason: 'hash mismatch' });
  });
});
