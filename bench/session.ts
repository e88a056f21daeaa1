/**
 * `npm run bench:session`: what authenticating a request costs. `GET /api/v1/auth/me` (the session read
 * from the database on every request, so a sign-out holds on every node at once) against the bare
 * `GET /health/live` on the same server in the same run, each with autocannon (loopback, stops by
 * itself). Needs DATABASE_URL (a real PostgreSQL); uses a scratch database. BENCH_APP_DIR: start the
 * server from another checkout (the code before a change) with this script.
 */
import autocannon from 'autocannon';
import { requireDatabaseUrl, scratchDatabase, startServer } from './lib.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

const db = await scratchDatabase(requireDatabaseUrl(), 'motcua_bench_session');
const server = await startServer({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: '16', SEED_DEMO: 'true', DATA_DIR: `/tmp/motcua-bench-${process.pid}` }, { cwd: process.env.BENCH_APP_DIR });
try {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'motcua.tinh', password: 'MotCua@2026' }),
  });
  if (!res.ok) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  const run = async (title: string, path: string, headers: Record<string, string> = {}) => {
    console.error(`${title}: ${SECONDS} s with ${CONNECTIONS} connections…`);
    const r = await autocannon({ url: `${server.url}${path}`, connections: CONNECTIONS, duration: SECONDS, headers });
    if (r.non2xx) throw new Error(`${path}: ${r.non2xx} answers were not 2xx`);
    return { title, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
  };
  const bare = await run('bare route (GET /health/live)', '/health/live');
  const me = await run('authenticated (GET /api/v1/auth/me)', '/api/v1/auth/me', { authorization: `Bearer ${token}` });
  for (const r of [bare, me]) console.log(`${r.title.padEnd(40)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms`);
  console.log(`ratio authenticated / bare: ${(me.rps / bare.rps).toFixed(2)}`);
} finally {
  await server.stop();
  await db.drop();
}
