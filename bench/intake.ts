/**
 * `npm run bench:intake`: online submissions per second and latency of POST /api/v1/dossiers under
 * concurrent load (autocannon, loopback only, stops by itself), next to the same inserts done directly
 * with the pg driver in the same run. Needs DATABASE_URL (a real PostgreSQL); uses a scratch database.
 */
import { randomUUID, createHash } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { DB } from '../src/db/types.ts';
import { intakeStatement, type AttachedUpload } from '../src/modules/dossiers/store.ts';
import { processForProcedure } from '../src/modules/dossiers/workflow-templates.ts';
import { closedLoop, requireDatabaseUrl, scratchDatabase, startServer } from './lib.ts';
import { fill } from '../test/sample-form.ts';
import { samplePdf } from '../test/helpers-bytes.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const CITIZENS = 40;
const PROCEDURE = '1.001193';

const db = await scratchDatabase(requireDatabaseUrl(), 'motcua_bench_intake');
const server = await startServer({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: '16', SEED_DEMO: 'true', DATA_DIR: `/tmp/motcua-bench-${process.pid}` });
try {
  const api = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${server.url}${path}`, init);
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };
  const procedure = await api(`/api/v1/procedures/${PROCEDURE}`);
  const communes: string[] = procedure.eform.properties.communeCode.oneOf.map((o: { const: string }) => o.const);
  const required = procedure.components.filter((c: { required: boolean }) => c.required);

  console.error(`preparing ${CITIZENS} citizens with their uploaded files...`);
  const citizens: { token: string; idNumber: string; files: AttachedUpload[] }[] = [];
  for (let i = 0; i < CITIZENS; i++) {
    const idNumber = `045095${String(100000 + i)}`;
    await api('/api/v1/auth/citizens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ idNumber, fullName: `Công Dân ${i}`, phone: '0912345678', password: 'Bench-cong-dan-2026' }) });
    const { token } = await api('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: idNumber, password: 'Bench-cong-dan-2026' }) });
    const files = [];
    for (const c of required) {
      const form = new FormData();
      form.append('file', new Blob([samplePdf(`${i}-${c.code}`)], { type: 'application/pdf' }), 'scan.pdf');
      const f = await api('/api/v1/files', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      files.push({ componentCode: c.code, fileId: f.id, sha256: f.sha256, size: f.size, mediaType: f.mediaType, name: f.name ?? null });
    }
    citizens.push({ token, idNumber, files });
  }
  const bodyFor = (n: number) => {
    const c = citizens[n % CITIZENS]!;
    const formData = fill(procedure.eform, { communeCode: communes[n % communes.length], applicantIdNumber: c.idNumber });
    return { c, body: JSON.stringify({ procedureCode: PROCEDURE, formData, files: c.files.map((f) => ({ componentCode: f.componentCode, fileId: f.fileId })) }) };
  };

  // Warm-up, then the measured HTTP run.
  let n = 0;
  const request = () => {
    const { c, body } = bodyFor(n++);
    return { method: 'POST' as const, path: '/api/v1/dossiers', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}`, 'idempotency-key': randomUUID() } };
  };
  await autocannon({ url: server.url, connections: 8, duration: 3, requests: [{ setupRequest: request as never }] });
  console.error(`HTTP: ${CONNECTIONS} connections for ${SECONDS}s...`);
  const http = await autocannon({ url: server.url, connections: CONNECTIONS, duration: SECONDS, requests: [{ setupRequest: request as never }] });
  const non2xx = http.non2xx + http.errors;

  // Baseline: the same rows written by the pg driver directly, same concurrency, same duration.
  const pool = new pg.Pool({ connectionString: db.url, max: 16 });
  const desks = new Map<string, string>();
  for (const r of (await pool.query(`select id, unit_code from agencies where kind = 'commune_peoples_committee'`)).rows) desks.set(r.unit_code, r.id);
  const users = new Map<string, string>();
  for (const r of (await pool.query(`select id, id_number from users where kind = 'citizen'`)).rows) users.set(r.id_number, r.id);
  const version = (await pool.query(`select version from procedures where code = $1 and is_current`, [PROCEDURE])).rows[0].version;
  // The intake statement is compiled by Kysely (no connection needed) and run through pg as plain SQL.
  const compiler = new Kysely<DB>({ dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (d) => new PostgresIntrospector(d), createQueryCompiler: () => new PostgresQueryCompiler() } });
  const processJson = JSON.stringify(processForProcedure(procedure, { channel: 'online' }));
  let m = 0;
  console.error(`direct pg: ${CONNECTIONS} workers for ${SECONDS}s...`);
  const direct = await closedLoop(CONNECTIONS, SECONDS, async () => {
    const { c, body } = bodyFor(m++);
    const parsed = JSON.parse(body);
    const commune = parsed.formData.communeCode;
    const desk = desks.get(commune)!;
    const userId = users.get(c.idNumber)!;
    const id = randomUUID();
    const now = new Date();
    const intake = intakeStatement(
      { owner_id: userId, key: randomUUID(), request_hash: createHash('sha256').update(body).digest('hex'), created_at: now },
      { id, procedure_code: PROCEDURE, procedure_version: version, desk_agency_id: desk, handling_agency_id: desk, commune_code: commune,
        applicant_id: userId, applicant_id_number: c.idNumber, applicant_name: 'x', channel: 2, status: 1, form_data: JSON.stringify(parsed.formData),
        submitted_at: now, received_at: null, due_at: null, version: 1, updated_at: now, process: processJson, process_version: 0,
        assignee_agency_id: desk, assignee_role: 'counter_officer', step_due_at: null, paused_at: null, rescheduled: false, result_at: null, rating: null },
      `${desk}-991231-`, '2099-12-31', c.files,
      { seq: 1, occurred_at: now, actor_id: userId, actor_name: 'x', actor_title: null, unit_name: null, action: 'submit', note: null, status: 1,
        step_id: null, step_index: null, step_started_at: null, step_due_at: null, assignee_agency_id: desk, due_at: null, data: null },
    ).compile(compiler);
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(intake.sql, intake.parameters as unknown[]);
      await client.query(`with head as (update audit_heads set seq = seq + 1, hash = sha256(hash || $1) where chain = $2 returning seq, hash)
        insert into audit_log (chain, seq, occurred_at, actor_kind, actor_id, action, subject_type, subject_id, data, hash) select $2, head.seq, $3, 'citizen', $4, 'dossier.submitted', 'dossier', $5, '{}'::jsonb, head.hash from head`,
        [createHash('sha256').update(id).digest(), m % 8, now, userId, id]);
      await client.query(`insert into outbox (topic, aggregate_type, aggregate_id, payload, occurred_at) values ('dossier.submitted','dossier',$1,$2,$3)`, [id, JSON.stringify({ id }), now]);
      await client.query('commit');
    } catch (e) {
      await client.query('rollback');
      throw e;
    } finally {
      client.release();
    }
  });
  await pool.end();

  const ratio = http.requests.average / direct.perSecond;
  const result = {
    date: new Date().toISOString(), seconds: SECONDS, connections: CONNECTIONS,
    http: { perSecond: Math.round(http.requests.average), p50: http.latency.p50, p99: http.latency.p99, total: http.requests.total, non2xx },
    directPg: { perSecond: Math.round(direct.perSecond), p50: +direct.p50.toFixed(2), p99: +direct.p99.toFixed(2), total: direct.ops },
    ratio: +ratio.toFixed(2),
  };
  console.log(`POST /api/v1/dossiers  ${result.http.perSecond}/s  p50 ${result.http.p50} ms  p99 ${result.http.p99} ms  (${result.http.total} submissions, ${non2xx} non-2xx)`);
  console.log(`direct pg inserts      ${result.directPg.perSecond}/s  p50 ${result.directPg.p50} ms  p99 ${result.directPg.p99} ms`);
  console.log(`ratio API / direct pg: ${result.ratio}`);
  console.log(JSON.stringify(result));
} finally {
  await server.stop();
  await db.drop();
}
