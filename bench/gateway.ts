/**
 * `npm run bench:gateway`: the same backend (the provider simulator, sims/provider) called directly and
 * through the gateway, in one run, with autocannon (BENCH_CONNECTIONS, default 32). Through the gateway
 * everything is on: OAuth 2.0 access token (JWT) per request, access check, the message log (request and
 * response bodies kept, signed and hash-chained in group commits) and batch time-stamps from the TSA
 * simulator (sims/tsa). Bodies of 1 KB and 1 MB, posted to the provider's /mirror (the same size back).
 * Prints requests/s, p50/p99 and, per size, the ratio gateway/direct and the latency the gateway adds.
 * Needs DATABASE_URL (a real PostgreSQL; a scratch database is made, seeded (the message log signs with
 * the province's seal) and dropped).
 * BENCH_SECONDS (default 10, at most 20 per phase), BENCH_SIZES (default "1024,1048576").
 */
import { loadavg, cpus } from 'node:os';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { requireDatabaseUrl, scratchDatabase, startServer } from './lib.ts';
import { startSimulator, startTsaSimulator } from '../src/platform/simulators.ts';

const SECONDS = Math.min(20, Number(process.env.BENCH_SECONDS ?? 10));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SIZES = (process.env.BENCH_SIZES ?? '1024,1048576').split(',').map(Number);
const CLIENT = 'VN/GOV/000.00.44.H56/BENCHCLIENT';
const SERVICE = 'VN/GOV/000.00.00.G22/BENCHPROVIDER/mirror';

const run = promisify(execFile);
const cli = async (dbUrl: string, dataDir: string, ...args: string[]) => {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'gateway', ...args, '--json'], {
    env: { ...process.env, DATABASE_URL: dbUrl, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;
};

interface Phase { title: string; rps: number; bytesPerSec: number; p50: number; p99: number; errors: number; non2xx: number }

async function phase(title: string, url: string, body: Buffer, headers: Record<string, string>): Promise<Phase> {
  console.error(`${title}: ${SECONDS} s, ${CONNECTIONS} connections…`);
  const r = await autocannon({
    url, method: 'POST', body, connections: CONNECTIONS, duration: SECONDS, timeout: 30,
    headers: { 'content-type': 'application/octet-stream', ...headers },
  });
  return { title, rps: r.requests.average, bytesPerSec: r.throughput.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

const dataDir = `/tmp/motcua-bench-gateway-${process.pid}`;
const db = await scratchDatabase(requireDatabaseUrl(), 'motcua_bench_gateway');
const provider = await startSimulator('provider/main.ts', ['--port', '0']);
const tsa = await startTsaSimulator({ dir: `${dataDir}/tsa` });
let server: Awaited<ReturnType<typeof startServer>> | undefined;
try {
  const providerUrl = `http://127.0.0.1:${provider.info.port}`;
  // The registry, from the command line as IT staff would: a client with a secret, the provider's service, the right.
  const client = await cli(db.url, dataDir, 'client', 'add', CLIENT, '--name', 'Benchmark client');
  await cli(db.url, dataDir, 'service', 'add', SERVICE, '--url', providerUrl);
  await cli(db.url, dataDir, 'allow', CLIENT, SERVICE);
  server = await startServer({
    DATABASE_URL: db.url, DATABASE_POOL_SIZE: '16', SEED_DEMO: 'true', DATA_DIR: dataDir, TSA_URL: tsa.url,
    GATEWAY_TIMESTAMP_INTERVAL_SECONDS: '60',
  }, { cwd: process.env.BENCH_APP_DIR });
  const tokenRes = await fetch(`${server.url}/gateway/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: String(client.clientId), client_secret: String(client.clientSecret) }),
  });
  if (!tokenRes.ok) throw new Error(`token: ${tokenRes.status} ${await tokenRes.text()}`);
  const { access_token: token } = (await tokenRes.json()) as { access_token: string };
  // A first call through, so a refusal shows before any measurement.
  const probe = await fetch(`${server.url}/r1/${SERVICE}/mirror`, { method: 'POST', body: 'x', headers: { authorization: `Bearer ${token}`, 'x-road-client': CLIENT, 'content-type': 'text/plain' } });
  if (!probe.ok) throw new Error(`a call through the gateway: ${probe.status} ${await probe.text()}`);

  const load0 = loadavg();
  const results: { size: number; direct: Phase; gateway: Phase }[] = [];
  for (const size of SIZES) {
    const body = Buffer.alloc(size, 'a');
    // The provider simulator wants the headers the gateway forwards; the direct calls carry the same ones.
    const direct = await phase(`direct ${size} B`, `${providerUrl}/mirror`, body, {
      'x-road-client': CLIENT, 'x-road-service': SERVICE, 'x-road-id': randomUUID(), 'x-road-request-id': randomUUID(),
    });
    const gateway = await phase(`gateway ${size} B`, `${server.url}/r1/${SERVICE}/mirror`, body, { authorization: `Bearer ${token}`, 'x-road-client': CLIENT });
    results.push({ size, direct, gateway });
  }
  const load1 = loadavg();

  console.log(`\nnpm run bench:gateway — ${CONNECTIONS} connections, ${SECONDS} s per phase, ${cpus().length} CPUs; load average ${load0[0]!.toFixed(2)} before, ${load1[0]!.toFixed(2)} after\n`);
  console.log('phase                     req/s      MB/s   p50 ms  p99 ms  errors  non-2xx');
  for (const r of results) {
    for (const p of [r.direct, r.gateway]) {
      console.log(`${p.title.padEnd(22)} ${p.rps.toFixed(0).padStart(8)} ${(p.bytesPerSec / 1e6).toFixed(1).padStart(9)} ${String(p.p50).padStart(8)} ${String(p.p99).padStart(7)} ${String(p.errors).padStart(7)} ${String(p.non2xx).padStart(8)}`);
    }
  }
  console.log('');
  for (const r of results) {
    console.log(`${String(r.size).padStart(8)} B: gateway/direct ${(r.gateway.rps / r.direct.rps).toFixed(2)}×, added p50 ${r.gateway.p50 - r.direct.p50} ms, added p99 ${r.gateway.p99 - r.direct.p99} ms`);
  }
} finally {
  await server?.stop();
  await Promise.all([provider.stop(), tsa.stop()]);
  await db.drop();
}
