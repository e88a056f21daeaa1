/**
 * Bulk load for `npm run bench:lifecycle`: a year of dossiers (default 1,000,000) written by a few big
 * `INSERT … SELECT … FROM generate_series` statements (one per chunk of ~250k rows), so nothing but
 * the chunk boundaries crosses the wire and memory stays bounded on both sides.
 *
 * Shape: every desk that receives work (the 78 commune People's Committees and the provincial Public
 * Administration Service Center) gets a volume (the center ~22 %, communes by a skewed weight with the
 * demo commune 18859 the busiest); each dossier picks one of the desk's current procedures, which
 * fixes its handling agency (commune People's Committee or police of that commune, or a department)
 * and, for inter-agency processes, its partner agency. Statuses follow a year: most dossiers 10
 * (returned); the open ones (1, 2, 4, 5, 6, 7, 9) are a few % of old dossiers and most of the last 45
 * days'. Who holds an open dossier is what `holderOf` would say: desk statuses → the desk's counter
 * officers; 4 → the step's role at the handling (or partner) agency. Codes `<desk>-<YYMMDD>-<nnnn>`
 * number each desk's day from 1, and `dossier_sequences` is set to the last number, so intake keeps
 * working after the load. One `dossier_history` row (seq 1) per dossier.
 *
 * The load time counts the foreign-key check done after the inserts (see below), not the VACUUM
 * ANALYZE and CHECKPOINT that follow so that the measurements start from a settled database.
 */
import type pg from 'pg';
import type { Procedure } from '../src/modules/catalog/model.ts';
import { COMMUNE_AGENCY_KINDS } from '../src/modules/catalog/model.ts';
import { procedureWorkingDays } from '../src/modules/dossiers/workflow-templates.ts';

export interface LoadOptions {
  total: number;
  chunk: number;
  /** The demo commune: the busiest commune desk. */
  busiestCommune: string;
  log: (line: string) => void;
}

export interface LoadResult {
  dossiers: number;
  insertSeconds: number;
  vacuumAnalyzeSeconds: number;
  window: { from: string; to: string; days: number };
  desks: number;
}

const CENTER_KIND = 'public_service_center';
const CENTER_SHARE = 0.22;
const RECENT_DAYS = 45;

export async function loadDossiers(client: pg.Client, opts: LoadOptions): Promise<LoadResult> {
  const { total, chunk, log } = opts;
  // Submissions from 1 January 2026 to yesterday (Vietnam time); the whole of 2026 when run later.
  const start = Date.UTC(2026, 0, 1);
  const todayVn = new Date(Date.now() + 7 * 3600_000);
  const today = Date.UTC(todayVn.getUTCFullYear(), todayVn.getUTCMonth(), todayVn.getUTCDate());
  const days = Math.max(60, Math.min(365, Math.round((today - start) / 86_400_000)));
  const from = new Date(start).toISOString().slice(0, 10);
  const to = new Date(start + (days - 1) * 86_400_000).toISOString().slice(0, 10);

  const agencies = (await client.query<{ id: string; kind: string; unit_code: string | null }>(`select id, kind, unit_code from agencies order by id`)).rows;
  const byKindUnit = new Map(agencies.map((a) => [`${a.kind}|${a.unit_code ?? ''}`, a.id]));
  const procedures = (await client.query<{ code: string; version: number; level: string; agency_kind: string; data: Procedure }>(
    `select code, version, level, agency_kind, data from procedures where is_current order by code`)).rows;

  // Desks and their yearly volumes.
  const communes = agencies.filter((a) => a.kind === 'commune_peoples_committee').map((a) => a.unit_code!)
    .sort((a, b) => (a === opts.busiestCommune ? -1 : b === opts.busiestCommune ? 1 : a.localeCompare(b)));
  const center = agencies.find((a) => a.kind === CENTER_KIND && a.unit_code === null)!;
  const weights = communes.map((_, rank) => (rank + 3) ** -0.7);
  const wsum = weights.reduce((a, b) => a + b, 0);
  const communeTotal = total - Math.round(total * CENTER_SHARE);
  const desks = [
    { desk: center.id, commune: null as string | null, level: 'province', volume: total - communeTotal },
    ...communes.map((c, i) => ({ desk: byKindUnit.get(`commune_peoples_committee|${c}`)!, commune: c as string | null, level: 'commune', volume: Math.floor((communeTotal * weights[i]!) / wsum) })),
  ];
  desks[1]!.volume += total - desks.reduce((a, d) => a + d.volume, 0);

  // Each desk's procedures with the handling agency and, for inter-agency processes, the partner.
  const route: { desk: number; pidx: number; code: string; version: number; handling: string; partner: string | null; days: number }[] = [];
  const nprocs: number[] = [];
  desks.forEach((d, di) => {
    let pidx = 0;
    for (const p of procedures.filter((x) => x.level === d.level)) {
      const communeKind = COMMUNE_AGENCY_KINDS.includes(p.agency_kind as never);
      const handling = byKindUnit.get(`${p.agency_kind}|${communeKind ? d.commune : ''}`);
      if (!handling) continue; // no agency of that kind at this level: routeDossier refuses such dossiers too
      const partner = d.level === 'commune'
        ? (communeKind ? null : d.desk)
        : p.agency_kind === 'land_registration_office' ? byKindUnit.get('tax_office|') ?? null : null;
      route.push({ desk: di, pidx: pidx++, code: p.code, version: p.version, handling, partner, days: procedureWorkingDays(p.data) });
    }
    nprocs.push(pidx);
  });

  await client.query(`set synchronous_commit = off`);
  await client.query(`set work_mem = '256MB'`);
  // The row-by-row foreign-key triggers cost as much as the rest of the insert: they are off for this
  // session while loading (superuser only, like a restore) and every foreign key is checked set-based after.
  const triggersOff = await client.query(`set session_replication_role = replica`).then(() => true, () => false);
  await client.query(`create temp table bench_desks (idx int primary key, desk_id text, commune_code text, volume int, nprocs int)`);
  await client.query(`insert into bench_desks select * from unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::int[])`,
    [desks.map((_, i) => i), desks.map((d) => d.desk), desks.map((d) => d.commune), desks.map((d) => d.volume), nprocs]);
  await client.query(`create temp table bench_route (desk_idx int, pidx int, code text, version int, handling_id text, partner_id text, working_days int, primary key (desk_idx, pidx))`);
  await client.query(`insert into bench_route select * from unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::text[], $6::text[], $7::int[])`,
    [route.map((r) => r.desk), route.map((r) => r.pidx), route.map((r) => r.code), route.map((r) => r.version), route.map((r) => r.handling), route.map((r) => r.partner), route.map((r) => r.days)]);
  await client.query(`analyze bench_desks; analyze bench_route`);

  // Chunks: ranges of the per-desk counter k holding about `chunk` rows each.
  const maxVolume = Math.max(...desks.map((d) => d.volume));
  const ranges: [number, number, number][] = [];
  let lo = 1;
  let rows = 0;
  for (let k = 1; k <= maxVolume; k++) {
    rows += desks.filter((d) => d.volume >= k).length;
    if (rows >= chunk || k === maxVolume) {
      ranges.push([lo, k, rows]);
      lo = k + 1;
      rows = 0;
    }
  }

  // Status by recency: [status, cumulative probability] for the last RECENT_DAYS days and before.
  const recent: [number, number][] = [[1, 0.08], [2, 0.18], [4, 0.43], [5, 0.48], [6, 0.52], [9, 0.60], [7, 0.605], [3, 0.625], [8, 0.63]];
  const older: [number, number][] = [[1, 0.005], [2, 0.015], [4, 0.045], [5, 0.06], [6, 0.065], [9, 0.08], [7, 0.081], [3, 0.101], [8, 0.105]];
  const pick = (t: [number, number][]) => `case ${t.map(([s, p]) => `when rs < ${p} then ${s}`).join(' ')} else 10 end`;
  const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Võ Thị Hoa', 'Đặng Văn Hùng', 'Bùi Thị Lan'];

  const statement = `
    with g as (
      select d.idx, d.desk_id, d.commune_code, k, (k - 1) % ${days} as day_idx, (k - 1) / ${days} + 1 as n, d.nprocs,
             random() as rs, random() as rp, random() as rr, random() as rt, random() as rc, random() as ra
      from bench_desks d cross join lateral generate_series($1::int, least($2::int, d.volume)) as k
      where d.volume >= $1::int
    ), s as (
      select g.*, r.code as pcode, r.version as pversion, r.handling_id, r.partner_id, r.working_days,
        case when g.day_idx >= ${days - RECENT_DAYS} then ${pick(recent)} else ${pick(older)} end as status,
        timestamptz '${from}T07:00:00+07:00' + g.day_idx * interval '1 day' + floor(g.rt * 36000) * interval '1 second' as submitted_at
      from g join bench_route r on r.desk_idx = g.idx and r.pidx = least(floor(g.rp * g.nprocs)::int, g.nprocs - 1)
    ), t as (
      select s.*,
        case when status = 1 then 2 when rc < 0.45 then 2 when rc < 0.95 then 1 else 3 end as channel,
        case when status = 1 then null else submitted_at + case when rc < 0.45 then interval '2 hours' else interval '0' end end as received_at
      from s
    ), u as (
      select t.*,
        case when received_at is null then null
          else date_trunc('minute', received_at + ceil(working_days * 1.4) * interval '1 day') end as due_at
      from t
    ), ins as (
      insert into dossiers (id, code, procedure_code, procedure_version, desk_agency_id, handling_agency_id, commune_code,
        applicant_id, applicant_id_number, applicant_name, channel, status, form_data, submitted_at, received_at, due_at,
        version, updated_at, process, process_version, assignee_agency_id, assignee_role, step_due_at, paused_at,
        rescheduled, result_at, rating)
      select gen_random_uuid(),
        desk_id || '-' || to_char(date '${from}' + day_idx, 'YYMMDD') || '-' || lpad(n::text, 4, '0'),
        pcode, pversion, desk_id, handling_id, commune_code,
        null, '0450' || lpad(floor(ra * 100)::text, 2, '0') || lpad(floor(random() * 1000000)::text, 6, '0'),
        (array[${names.map((x) => `'${x}'`).join(', ')}])[1 + floor(ra * ${names.length})::int],
        channel, status, '{}'::jsonb, submitted_at, received_at, due_at,
        1, coalesce(due_at, submitted_at), null, 0,
        case when status in (3, 8, 10) then null
             when status = 4 and partner_id is not null and rr < 0.3 then partner_id
             when status = 4 then handling_id
             else desk_id end,
        case when status in (3, 8, 10) then null
             when status = 4 and partner_id is not null and rr < 0.3 then 'specialist'
             when status = 4 and rr < 0.75 then 'specialist'
             when status = 4 then 'agency_leader'
             else 'counter_officer' end,
        case when status in (4, 6) then due_at - interval '1 day' end,
        case when status = 5 then received_at + interval '1 day' end,
        false,
        case when status in (9, 10) then due_at - interval '12 hours' end,
        null
      from u
      returning id, submitted_at, channel, desk_agency_id, applicant_name
    )
    insert into dossier_history (dossier_id, seq, occurred_at, actor_id, actor_name, actor_title, unit_name, action, note, status,
      step_started_at, step_due_at, step_id, step_index, assignee_agency_id, due_at, data)
    select id, 1, submitted_at, null, case when channel = 2 then applicant_name else 'Cán bộ một cửa' end, null, null,
      case when channel = 2 then 'submit' else 'register_counter' end, null, case when channel = 2 then 1 else 2 end,
      null, null, null, null, desk_agency_id, null, null
    from ins`;

  log(`loading ${total.toLocaleString('en')} dossiers (${from} … ${to}, ${desks.length} desks, ${route.length} desk/procedure routes) in ${ranges.length} chunks`);
  const t0 = performance.now();
  let done = 0;
  for (const [a, b, n] of ranges) {
    const c0 = performance.now();
    const r = await client.query(statement, [a, b]);
    done += r.rowCount ?? 0;
    if ((r.rowCount ?? 0) !== n) throw new Error(`chunk ${a}-${b}: ${r.rowCount} rows, expected ${n}`);
    const el = (performance.now() - t0) / 1000;
    log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} dossiers  (${Math.round(n / ((performance.now() - c0) / 1000)).toLocaleString('en')} rows/s this chunk, ${el.toFixed(0)} s)`);
  }
  // Each desk's day ends at the last number used, so intake continues the sequence.
  await client.query(`
    insert into dossier_sequences (agency_id, day, last)
    select d.desk_id, date '${from}' + i, (d.volume - 1 - i) / ${days} + 1
    from bench_desks d cross join lateral generate_series(0, least(d.volume, ${days}) - 1) as i
    on conflict (agency_id, day) do update set last = greatest(dossier_sequences.last, excluded.last)`);
  if (triggersOff) {
    await client.query(`reset session_replication_role`);
    const bad = (await client.query<{ n: number }>(`
      select count(*)::int as n from dossiers d
      left join agencies da on da.id = d.desk_agency_id
      left join agencies ha on ha.id = d.handling_agency_id
      left join agencies aa on aa.id = d.assignee_agency_id
      left join admin_units u on u.code = d.commune_code
      left join procedures p on p.code = d.procedure_code and p.version = d.procedure_version
      where da.id is null or ha.id is null or (d.assignee_agency_id is not null and aa.id is null)
         or (d.commune_code is not null and u.code is null) or p.code is null`)).rows[0]!.n
      + (await client.query<{ n: number }>(`
      select count(*)::int as n from dossier_history h left join dossiers d on d.id = h.dossier_id where d.id is null`)).rows[0]!.n;
    if (bad) throw new Error(`${bad} loaded rows break a foreign key`);
    log(`  foreign keys checked`);
  }
  const insertSeconds = (performance.now() - t0) / 1000;
  log(`  inserted in ${insertSeconds.toFixed(1)} s; vacuum analyze…`);
  const v0 = performance.now();
  await client.query(`vacuum (analyze) dossiers`);
  await client.query(`vacuum (analyze) dossier_history`);
  await client.query(`analyze`);
  // Write the load out now rather than in a checkpoint during the measurements.
  await client.query(`checkpoint`).catch(() => log('  (checkpoint needs a superuser; skipped)'));
  const vacuumAnalyzeSeconds = (performance.now() - v0) / 1000;
  log(`  vacuum analyze ${vacuumAnalyzeSeconds.toFixed(1)} s`);
  return { dossiers: done, insertSeconds, vacuumAnalyzeSeconds, window: { from, to, days }, desks: desks.length };
}
