/** Tests of `src/cli/calendar.ts` (kept here, next to the module the commands expose). */
import { Command, CommanderError } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerCalendarCommands } from './cli.ts';

async function run(...args: string[]): Promise<{ out: string; err: string; exitCode: number }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const program = new Command('motcua')
    .exitOverride()
    .configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  registerCalendarCommands(program);
  try {
    await program.parseAsync(args, { from: 'user' });
    return { out, err, exitCode: 0 };
  } catch (e) {
    if (e instanceof CommanderError) return { out, err, exitCode: e.exitCode };
    throw e;
  }
}

describe('motcua calendar', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is-working-day --json', async () => {
    const r = await run('calendar', 'is-working-day', '2026-02-16', '--json');
    expect(r).toEqual({ out: '{"date":"2026-02-16","working":false,"reason":"Tết Nguyên Đán"}\n', err: '', exitCode: 0 });
  });

  it('is-working-day prints a Vietnamese sentence', async () => {
    expect((await run('calendar', 'is-working-day', '2026-02-16')).out).toBe(
      'Ngày 16/02/2026 (Thứ Hai) không phải ngày làm việc: Tết Nguyên Đán.\n',
    );
    expect((await run('calendar', 'is-working-day', '2025-04-26')).out).toBe('Ngày 26/04/2025 (Thứ Bảy) là ngày làm việc (ngày làm bù).\n');
  });

  it('add-working-days --json', async () => {
    const r = await run('calendar', 'add-working-days', '2026-02-12T09:00:00+07:00', '3', '--json');
    expect(r.out).toBe('{"due":"2026-02-24T09:00:00+07:00"}\n');
    expect((await run('calendar', 'add-working-days', '2026-02-12T02:00:00Z', '3', '--json')).out).toBe(
      '{"due":"2026-02-24T09:00:00+07:00"}\n',
    );
  });

  it.each([
    ['is-working-day', '2026-02-30'],
    ['is-working-day', 'tomorrow'],
    ['add-working-days', 'nope', '1'],
    ['add-working-days', '2026-02-12T09:00:00+07:00', '-1'],
    ['add-working-days', '2026-02-12T09:00:00+07:00', 'three'],
  ])('rejects bad input with exit code 2: %s %s %s', async (...args) => {
    const r = await run('calendar', ...args);
    expect(r.exitCode).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/không hợp lệ/);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });
});
