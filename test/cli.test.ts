import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliKit } from './support/cli-kit.ts';

const kit = cliKit('motcua-cli-', { DEMO_PASSWORD: 'MotCua@2026' });
const dir = kit.dir;
const motcua = kit.motcua;

describe('motcua command line', () => {
  it('seeds the demo province and lists the demo accounts', async () => {
    const seeded = await motcua('seed');
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/seeded 79 units, 169 agencies/);
    const accounts = await motcua('demo-accounts', '--json');
    const list = JSON.parse(accounts.stdout) as { username: string; kind: string }[];
    expect(list.filter((a) => a.kind === 'citizen')).toHaveLength(1);
    expect(list.length).toBeGreaterThanOrEqual(10);
  });

  it('creates an officer account and refuses a bad role', async () => {
    const ok = await motcua('user', 'create', '--username', 'cv.moi', '--password', 'Sen-vang-2026', '--role', 'specialist', '--agency', '000.00.02.H50');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/created officer cv.moi/);
    const bad = await motcua('user', 'create', '--username', 'cv.sai', '--password', 'Sen-vang-2026', '--role', 'king', '--agency', '000.00.02.H50');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/roles must be/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('imports procedures with progress, versioning changed ones', async () => {
    const r = await motcua('import', 'procedures', 'test/fixtures/procedures-2.json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/imported 2: 0 new, 1 new versions, 1 unchanged/);
    expect(r.stderr).toMatch(/100%/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ code: 42 }]));
    const refused = await motcua('import', 'procedures', bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/#0/);
  });

  it('takes a signed checkpoint and verifies the audit log against it', async () => {
    const cp = await motcua('audit', 'checkpoint');
    expect(cp.code, cp.stderr).toBe(0);
    expect(cp.stdout).toMatch(/checkpoint [0-9a-f-]{36} at .*: 8 chain heads, signed/);
    const r = await motcua('audit', 'verify', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, checkpoints: { total: 1, valid: 1 } });
    const text = await motcua('audit', 'verify');
    expect(text.stdout).toMatch(/audit log intact: \d+ entries verified against 1 signed checkpoint/);
  });

  it('answers calendar questions', async () => {
    const r = await motcua('calendar', 'is-working-day', '2026-02-16', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ date: '2026-02-16', working: false });
    const due = await motcua('calendar', 'add-working-days', '2026-02-12T09:00:00+07:00', '3', '--json');
    expect(JSON.parse(due.stdout)).toEqual({ due: '2026-02-24T09:00:00+07:00' });
  });
});
