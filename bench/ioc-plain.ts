/**
 * The dashboard's figures computed the plain way — GROUP BY over dossier_history joined with dossiers,
 * no rollups — as the benchmark's baseline and as an independent check of the rollups in tests.
 * Timing uses the dossier's final due date (it only moves before the result); the processing time
 * is elapsed time, not working time (SQL has no working calendar), so that one figure is approximate.
 * Outside src/ on purpose: a baseline reads the raw tables, which no module but dossiers may.
 */
import { sql } from 'kysely';
import type { Executor } from '../src/db/index.ts';
import { parseVnDateTime } from '../src/modules/calendar/index.ts';
import { periodEnd, previousPeriod, type Level, type Period } from '../src/modules/ioc/index.ts';

const KEY = { province: sql`''`, agency: sql`d.handling_agency_id`, procedure: sql`d.procedure_code`, commune: sql`coalesce(d.commune_code, '')` } as const;
const VN = sql.lit('Asia/Ho_Chi_Minh');

export interface PlainRow {
  key: string;
  received: number;
  received_online: number;
  settled: number;
  early: number;
  on_time: number;
  late: number;
  returned: number;
  returned_electronic: number;
  supplements: number;
  rated: number;
  rated_satisfied: number;
  processing_hours: number;
}

const start = (p: Period) => parseVnDateTime(`${p.from}T00:00:00`);

/** The period's figures per key of the level, straight from the raw tables. */
export async function plainFigures(db: Executor, level: Level, p: Period, scope = ''): Promise<PlainRow[]> {
  const { rows } = await sql<PlainRow>`
    select ${KEY[level]} as key,
      count(*) filter (where h.action in ('receive', 'register_counter'))::int as received,
      count(*) filter (where h.action in ('receive', 'register_counter') and d.channel = 2)::int as received_online,
      count(*) filter (where h.action in ('issue_result', 'refuse'))::int as settled,
      count(*) filter (where h.action = 'issue_result' and h.occurred_at <= d.due_at
        and (h.occurred_at at time zone ${VN})::date < (d.due_at at time zone ${VN})::date)::int as early,
      count(*) filter (where h.action = 'issue_result' and h.occurred_at <= d.due_at
        and (h.occurred_at at time zone ${VN})::date >= (d.due_at at time zone ${VN})::date)::int as on_time,
      count(*) filter (where h.action = 'issue_result' and h.occurred_at > d.due_at)::int as late,
      count(*) filter (where h.action = 'return_result')::int as returned,
      count(*) filter (where h.action = 'return_result' and h.data->>'electronic' = 'true')::int as returned_electronic,
      count(*) filter (where h.action = 'request_supplement')::int as supplements,
      count(*) filter (where h.action = 'rate')::int as rated,
      count(*) filter (where h.action = 'rate' and h.data->>'rating' in ('very_satisfied', 'satisfied'))::int as rated_satisfied,
      coalesce(sum(extract(epoch from h.occurred_at - d.received_at) / 3600) filter (where h.action = 'issue_result'), 0)::float8 as processing_hours
    from dossier_history h join dossiers d on d.id = h.dossier_id
    where h.occurred_at >= ${start(p)} and h.occurred_at < ${periodEnd(p)}
      ${scope ? sql`and d.handling_agency_id = ${scope}` : sql``}
    group by 1`.execute(db);
  return rows;
}

/** Dossiers received and not settled or stopped at the end of the period, per key. */
export async function plainInProgress(db: Executor, level: Level, p: Period): Promise<{ key: string; n: number }[]> {
  const end = periodEnd(p);
  const { rows } = await sql<{ key: string; n: number }>`
    select ${KEY[level]} as key, count(*)::int as n from dossiers d
    where d.received_at < ${end} and (d.result_at is null or d.result_at >= ${end})
      and not exists (select 1 from dossier_history h where h.dossier_id = d.id and h.action = 'accept_withdrawal' and h.occurred_at < ${end})
    group by 1`.execute(db);
  return rows;
}

/** Month-by-month province figures over the 12 months ending with the period. */
export async function plainMonthly(db: Executor, p: Period) {
  const to = periodEnd(p);
  const from = new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), to.getUTCDate(), to.getUTCHours()));
  const { rows } = await sql<{ month: string; received: number; settled: number; late: number }>`
    select to_char(h.occurred_at at time zone ${VN}, 'YYYY-MM') as month,
      count(*) filter (where h.action in ('receive', 'register_counter'))::int as received,
      count(*) filter (where h.action in ('issue_result', 'refuse'))::int as settled,
      count(*) filter (where h.action = 'issue_result' and h.occurred_at > d.due_at)::int as late
    from dossier_history h join dossiers d on d.id = h.dossier_id
    where h.occurred_at >= ${from} and h.occurred_at < ${to}
    group by 1 order by 1`.execute(db);
  return rows;
}

/** Everything the province dashboard shows, the plain way (the benchmark's baseline). */
export async function plainDashboard(db: Executor, p: Period) {
  const [province, previous, agencies, procedures, communes, inProgress, monthly] = await Promise.all([
    plainFigures(db, 'province', p), plainFigures(db, 'province', previousPeriod(p)), plainFigures(db, 'agency', p),
    plainFigures(db, 'procedure', p), plainFigures(db, 'commune', p), plainInProgress(db, 'agency', p), plainMonthly(db, p),
  ]);
  return { province, previous, agencies, procedures, communes, inProgress, monthly };
}
