/**
 * Walks every route of the OpenAPI document with generated bad input (fast-check, fixed seed, bounded
 * number of requests per route and caller), anonymous and signed in as a citizen, a counter officer
 * and the province admin. No answer may be a 5xx; every 4xx is problem+json with Vietnamese and
 * English titles (413 `payload-too-large`/`file-too-large`, 414 `uri-too-long`).
 *
 * FUZZ_RUNS (default 60) requests per route and caller; FUZZ_SEED (default 20261207) picks the inputs.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, DEMO_CITIZEN, DEMO_COMMUNE, login, testApp, upload, type TestApp } from './helpers.ts';
import { fill } from './sample-form.ts';
import { startJobs } from '../src/platform/jobs.ts';
import { requests, routesOf, type FuzzRequest, type Pool, type Route } from './support/fuzz-kit.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const CODE = '1.001193'; // Đăng ký khai sinh

let t: TestApp;
let routes: Route[];
const callers: Record<string, string | null> = { anonymous: null };
const pool: Pool = {};

beforeAll(async () => {
  t = await testApp();
  // The job queues' routes need a runner on this node (no workers: nothing is run).
  t.services.jobs = await startJobs(t.database, [], { work: false });
  callers.citizen = await login(t.app, DEMO_CITIZEN);
  callers.officer = await login(t.app, 'motcua.dongthuan');
  callers.admin = await login(t.app, 'admin.tinh');
  routes = routesOf((await t.app.inject({ url: '/api/v1/openapi.json' })).json());

  // Real values, so that some requests get past the first checks and reach the database.
  const procedure = (await t.app.inject({ url: `/api/v1/procedures/${CODE}` })).json();
  const files = [];
  for (const c of procedure.components.filter((x: { required: boolean }) => x.required)) {
    files.push({ componentCode: c.code, fileId: (await upload(t.app, callers.citizen)).json().id });
  }
  const formData = fill(procedure.eform, { communeCode: DEMO_COMMUNE, applicantIdNumber: DEMO_CITIZEN });
  const submitted = await t.app.inject({
    method: 'POST', url: '/api/v1/dossiers', headers: { ...auth(callers.citizen), 'idempotency-key': 'fuzz-setup-0001' },
    payload: { procedureCode: CODE, formData, files },
  });
  expect(submitted.statusCode, submitted.body).toBe(201);
  const dossier = submitted.json();
  const agencies = (await t.app.inject({ url: '/api/v1/agencies' })).json() as { id: string }[];
  const fileIds = files.map((f) => f.fileId as string);
  Object.assign(pool, {
    code: [dossier.code, CODE, '1.000894'], procedureCode: [CODE], id: [...agencies.slice(0, 3).map((a) => a.id), '1', '7', ...fileIds],
    fileId: fileIds, idNumber: [DEMO_CITIZEN], username: [DEMO_CITIZEN, 'fuzz.nobody'], password: ['MotCua@2026x'],
    fullName: ['Trần Thị Bình'], phone: ['0987654321'], componentCode: files.map((f) => f.componentCode as string),
    'idempotency-key': ['fuzz-key-00000001', 'fuzz-key-00000002'], 'if-match': ['"1"', '1', '"99999999999999999999"', 'W/"2147483648"'],
    action: ['receive', 'withdraw', 'request_supplement'], channel: ['direct', 'postal'], version: ['1', '2'],
    limit: ['1', '5'], level: ['province', 'agency', 'commune', 'procedure'], format: ['json', 'csv'],
    formData: [], start: ['07:00', '25:99'], end: ['11:30'], receptionCutoff: ['15:00'],
  });
});
afterAll(async () => {
  await t?.services.jobs?.stop();
  await t?.close();
});

interface Finding { caller: string; route: string; kind: string; status: number; url: string; body: string }

/** What is wrong with an answer, or null. */
function judge(req: FuzzRequest, res: { statusCode: number; headers: Record<string, unknown>; body: string }): string | null {
  const { statusCode: status } = res;
  if (status >= 500) return '5xx';
  if (status < 400) return null;
  if (!/^application\/problem\+json/.test(String(res.headers['content-type']))) return 'not problem+json';
  let b: { type?: string; titleVi?: string; titleEn?: string; status?: number };
  try { b = JSON.parse(res.body); } catch { return 'body not JSON'; }
  if (!b.titleVi || !b.titleEn || b.status !== status || !b.type?.startsWith('/problems/')) return 'incomplete problem';
  if (status === 414 && b.type !== '/problems/uri-too-long') return 'wrong 414 type';
  if (status === 413 && !['/problems/payload-too-large', '/problems/file-too-large'].includes(b.type)) return 'wrong 413 type';
  if (req.kind.startsWith('overlong') && status !== 414) return 'overlong URL not 414';
  if (req.kind === 'payload too large' && status !== 413 && status !== 414 && status !== 415 && status !== 401 && status !== 403) return 'large body not 413';
  return null;
}

/** Routes a signed-in caller cannot fuzz here: the event stream never ends, and logging out ends the caller's session. */
const skip = (r: Route, caller: string) => caller !== 'anonymous' && (r.path === '/api/v1/ioc/stream' || r.path === '/api/v1/auth/logout');

describe('fuzzing every route of the OpenAPI document', () => {
  it('answers bad input with problem+json 4xx, never a 5xx', async () => {
    const findings: (Finding & { problem: string })[] = [];
    let tried = 0;
    let fiveXx = 0;
    const statuses = new Map<number, number>();
    for (const [ci, [caller, token]] of Object.entries(callers).entries()) {
      for (const [ri, route] of routes.entries()) {
        if (skip(route, caller)) continue;
        const samples = fc.sample(requests(route, pool), { seed: SEED + ci * 1000 + ri, numRuns: RUNS });
        for (const req of samples) {
          const res = await t.app.inject({ method: req.method as 'GET', url: req.url, headers: { ...req.headers, ...(token ? auth(token) : {}) }, payload: req.payload });
          tried++;
          const problem = judge(req, res);
          if (res.statusCode >= 500) fiveXx++;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          if (problem) findings.push({ problem, caller, route: `${route.method} ${route.path}`, kind: req.kind, status: res.statusCode, url: req.url.slice(0, 200), body: res.body.slice(0, 300) });
        }
      }
    }
    const byRoute = new Map<string, { n: number; example: Finding }>();
    for (const f of findings) {
      const k = `${f.problem} ${f.route}`;
      byRoute.set(k, { n: (byRoute.get(k)?.n ?? 0) + 1, example: byRoute.get(k)?.example ?? f });
    }
    console.log(`fuzz: ${tried} requests over ${routes.length} routes × ${Object.keys(callers).length} callers (seed ${SEED}, ${RUNS} per route and caller): ${fiveXx} × 5xx, ${findings.length} findings`);
    console.log(`  answers: ${[...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${n} × ${s}`).join(', ')}`);
    for (const [k, { n, example: e }] of byRoute) console.log(`  ${n} × ${k}\n      e.g. ${e.kind} ${e.status} ${e.url.slice(0, 120)} → ${e.body.slice(0, 200)}`);
    expect(findings.slice(0, 5), [...byRoute.keys()].join('\n')).toEqual([]);
  }, 600_000);
});
