/** Shared pieces of the benchmarks: a throwaway PostgreSQL database, a server process, percentiles. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import pg from 'pg';

export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('benchmarks run on a real PostgreSQL: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres');
    process.exit(2);
  }
  return url;
}

/**
 * A throwaway database `<prefix>_<pid>`, dropped by `drop()`. `keep`: a fixed name `<prefix>` that
 * `drop()` leaves in place when `keep.keep` is set and that is reused, as it is, when `keep.reuse` is.
 */
export async function scratchDatabase(adminUrl: string, prefix: string, keep?: { keep: boolean; reuse: boolean }) {
  const name = keep ? prefix : `${prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const reused = Boolean(keep?.reuse) && (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (!reused) {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    reused,
    async drop() {
      if (!keep?.keep) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Starts `src/main.ts` as `npm start` does, from `cwd` (default: this checkout; another checkout measures the code before a change). */
export async function startServer(env: Record<string, string>, opts: { cwd?: string | undefined } = {}): Promise<{ url: string; proc: ChildProcess; stop(): Promise<void> }> {
  const port = 3900 + (process.pid % 90);
  // BENCH_SERVER_ARGS: extra Node options for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const extra = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...extra, '--import', 'tsx', 'src/main.ts'], {
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
    // The benchmarks register, sign in and upload far faster than any one client may (RATE_LIMITS=off).
    env: { ...process.env, DEMO_DOSSIERS: '0', RATE_LIMITS: 'off', ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  const deadline = Date.now() + 120_000;
  while (!out.includes('motcua: http')) {
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    proc,
    async stop() {
      proc.kill('SIGTERM');
      await once(proc, 'exit');
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs `task` from `concurrency` workers for `seconds`; returns ops/s and latency percentiles in ms. */
export async function closedLoop(concurrency: number, seconds: number, task: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      await task(n++);
      latencies.push(performance.now() - t0);
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { ops: latencies.length, perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}
