/**
 * Issue 14: `motcua gateway log verify | archive | check-archive | timestamp | status`, run through
 * commander on the test database (the `gateway` group itself is the admin part's).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../src/platform/clock.ts';
import { registerLogCommands } from '../src/modules/gateway/log/cli.ts';
import type { CliContext, Services } from '../src/platform/module.ts';
import { TEST_NOW } from './config.ts';
import { exchange, logFixture } from './support/gateway-log-kit.ts';
import { asSuperuser } from './support/superuser.ts';

const XROAD = new URL('./fixtures/xroad/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'motcua-gwlogc-'));
let f: Awaited<ReturnType<typeof logFixture>>;

beforeAll(async () => {
  f = await logFixture(dir, fixedClock(TEST_NOW));
});
afterAll(() => f.close());

/** Runs `motcua gateway …args` in-process: its standard output and exit code. */
async function motcua(...args: string[]): Promise<{ out: string; code: number }> {
  const program = new Command('motcua').exitOverride();
  const cli = {
    config: f.config, withDb: (fn) => fn(f.database, f.config), bar: () => ({ update() {}, stop() {} }), services: async () => ({}) as Services,
  } as CliContext;
  registerLogCommands(program.command('gateway'), cli);
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  process.exitCode = 0;
  try {
    await program.parseAsync(['node', 'motcua', 'gateway', ...args]);
  } finally {
    spy.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out: lines.join('\n'), code };
}

describe('motcua gateway log', () => {
  it('time-stamps, verifies, archives and checks the archives', async () => {
    // The command line runs on the real clock: so do these records.
    for (let i = 0; i < 3; i++) await exchange(f.log, { path: `/cli/${i}`, at: new Date() });
    expect((await motcua('log', 'status')).out).toMatch(/^healthy; 6 record\(s\) waiting; last time-stamp none/);
    expect((await motcua('log', 'timestamp')).out).toMatch(/^batches 1–3 time-stamped at /);
    const v = await motcua('log', 'verify', '--json');
    expect(v.code).toBe(0);
    expect(JSON.parse(v.out)).toMatchObject({ ok: true, records: 6, batches: 3, timestamped: 6, problems: [] });
    expect((await motcua('log', 'verify')).out).toMatch(/^message log intact: 6 records in 3 signed batches, 6 under 1 time-stamps/);

    const a = JSON.parse((await motcua('log', 'archive', '--out', join(dir, 'out'), '--json')).out) as { files: { file: string }[] };
    expect(a.files).toHaveLength(1);
    const c = await motcua('log', 'check-archive', '--first', join(dir, 'out', a.files[0]!.file));
    expect(c).toEqual({ code: 0, out: `${a.files[0]!.file}: intact, 6 container(s)` });
    const x = await motcua('log', 'check-archive', '--first', join(XROAD, 'message-archive-0.zip'), join(XROAD, 'message-archive-1.zip'));
    expect(x).toEqual({ code: 0, out: 'message-archive-0.zip: intact, 1 container(s)\nmessage-archive-1.zip: intact, 20 container(s)' });
  });

  it('names the tampered record and exits 1', async () => {
    await asSuperuser(f.database, async (c) => { await sql`update gateway_log_records set status = 500 where seq = 4`.execute(c); });
    const v = await motcua('log', 'verify');
    expect(v.code).toBe(1);
    expect(v.out).toMatch(/^TAMPERED: 2 problem\(s\)/);
    expect(v.out).toMatch(/record 4 \(X-Road-Id .*\) was changed/);
    expect(v.out).toMatch(/batch 2: records 3–4 are not the ones the batch signature covers/);
  });

  it('refuses a bad --max-records', async () => {
    await expect(motcua('log', 'archive', '--out', dir, '--max-records', '0')).rejects.toThrow(/--max-records/);
  });
});
