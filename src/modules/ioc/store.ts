/** SQL of the IOC: rollup upserts and reads, overdue open dossiers, the consumer's dossier look-ups. */
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { METRICS, zeroTotals, type Level, type RollupRow, type Totals } from './model.ts';

const COLS = sql.raw(METRICS.join(', '));
const ADD = sql.raw(METRICS.map((m) => `${m} = ioc_rollups.${m} + excluded.${m}`).join(', '));
const SUMS = sql.raw(METRICS.map((m) => `sum(${m})::float8 as ${m}`).join(', '));

/** Adds the rows to the rollups (one statement per 500 rows). */
export async function addRollups(db: Executor, rows: Iterable<RollupRow>): Promise<void> {
  let chunk: RollupRow[] = [];
  const flush = async () => {
    if (!chunk.length) return;
    const values = chunk.map((r) => sql`(${r.scope}, ${r.level}, ${r.key}, ${r.month}::date, ${sql.join(r.values)})`);
    await sql`insert into ioc_rollups (scope, level, key, month, ${COLS}) values ${sql.join(values)}
      on conflict (scope, level, month, key) do update set ${ADD}`.execute(db);
    chunk = [];
  };
  for (const r of rows) {
    chunk.push(r);
    if (chunk.length >= 500) await flush();
  }
  await flush();
}

export async function clearRollups(db: Executor): Promise<void> {
  await sql`delete from ioc_rollups`.execute(db);
  await sql`delete from ioc_online_months`.execute(db);
}

/** Marks the months in which procedures received online dossiers (bitwise OR: idempotent, order-free). */
export async function addOnlineMonths(db: Executor, rows: Iterable<{ scope: string; procedureCode: string; year: number; months: number }>): Promise<void> {
  const all = [...rows];
  for (let i = 0; i < all.length; i += 1000) {
    const values = all.slice(i, i + 1000).map((r) => sql`(${r.scope}, ${r.procedureCode}, ${r.year}, ${r.months})`);
    await sql`insert into ioc_online_months (scope, procedure_code, year, months) values ${sql.join(values)}
      on conflict (year, scope, procedure_code) do update set months = ioc_online_months.months | excluded.months`.execute(db);
  }
}

/** How many procedures received an online dossier in the months of `mask` of `year`, per scope (or one scope). */
export async function onlineUsedByScope(db: Executor, year: number, mask: number, scope: string | null): Promise<Map<string, number>> {
  const { rows } = await sql<{ scope: string; n: number | string }>`
    select scope, count(*)::float8 as n from ioc_online_months
    where year = ${year} and (months & ${mask}) <> 0 ${scope === null ? sql`` : sql`and scope = ${scope}`}
    group by scope`.execute(db);
  return new Map(rows.map((r) => [r.scope, Number(r.n)]));
}

type SumRow = Record<string, number | string> & { key: string };
const totalsOf = (r: SumRow): Totals => {
  const t = zeroTotals();
  for (const m of METRICS) t[m] = Number(r[m] ?? 0);
  return t;
};

export interface RollupQuery {
  scope: string;
  level: Level;
  from: string;
  to: string;
  key?: string;
}

/** Sums per key over the months [from, to]. */
export async function sumsByKey(db: Executor, q: RollupQuery): Promise<Map<string, Totals>> {
  const { rows } = await sql<SumRow>`
    select key, ${SUMS} from ioc_rollups
    where scope = ${q.scope} and level = ${q.level} and month between ${q.from}::date and ${q.to}::date
      ${q.key !== undefined ? sql`and key = ${q.key}` : sql``}
    group by key`.execute(db);
  return new Map(rows.map((r) => [r.key, totalsOf(r)]));
}

/** Sums per key and month over [from, to] (trends). */
export async function sumsByMonth(db: Executor, q: RollupQuery): Promise<{ key: string; month: string; totals: Totals }[]> {
  const { rows } = await sql<SumRow & { month: string }>`
    select key, to_char(month, 'YYYY-MM') as month, ${SUMS} from ioc_rollups
    where scope = ${q.scope} and level = ${q.level} and month between ${q.from}::date and ${q.to}::date
      ${q.key !== undefined ? sql`and key = ${q.key}` : sql``}
    group by key, month order by month`.execute(db);
  return rows.map((r) => ({ key: r.key, month: r.month, totals: totalsOf(r) }));
}

type ByLevel<T> = Map<Level, Map<string, T>>;
function byLevel<T>(rows: { level: Level; key: string }[], value: (r: never) => T): ByLevel<T> {
  const out: ByLevel<T> = new Map();
  for (const r of rows) {
    let m = out.get(r.level);
    if (!m) out.set(r.level, (m = new Map()));
    m.set(r.key, value(r as never));
  }
  return out;
}

/** Sums per level and key of one scope over the months [from, to] (everything a dashboard reads, in one query). */
export async function sumsByLevel(db: Executor, scope: string, from: string, to: string): Promise<ByLevel<Totals>> {
  const { rows } = await sql<SumRow & { level: Level }>`
    select level, key, ${SUMS} from ioc_rollups
    where scope = ${scope} and month between ${from}::date and ${to}::date
    group by level, key`.execute(db);
  return byLevel(rows, totalsOf);
}

/** Dossiers in progress at the end of month `to` per level and key of one scope (received minus closed, all months up to it). */
export async function inProgressByLevel(db: Executor, scope: string, to: string): Promise<ByLevel<number>> {
  const { rows } = await sql<{ level: Level; key: string; n: number | string }>`
    select level, key, sum(opened - closed)::float8 as n from ioc_rollups
    where scope = ${scope} and month <= ${to}::date group by level, key`.execute(db);
  return byLevel(rows, (r: { n: number | string }) => Number(r.n));
}

/** Open dossiers past their due date now (the clock of one awaiting a supplement stopped at its pause). */
export const overdueOpenNow = (now: Date) =>
  sql`status in (2, 4, 5, 6, 7) and result_at is null and due_at < ${now} and due_at < coalesce(paused_at, ${now})`;

/** Open dossiers past due at `now` per level and key (grouping sets: one pass over the partial index). */
export async function overdueOpenByLevel(db: Executor, now: Date, scope: string): Promise<ByLevel<number>> {
  const { rows } = await sql<{ ga: number; gp: number; gc: number; agency: string | null; procedure: string | null; commune: string | null; n: number | string }>`
    select grouping(handling_agency_id) as ga, grouping(procedure_code) as gp, grouping(commune_code) as gc,
      handling_agency_id as agency, procedure_code as procedure, commune_code as commune, count(*)::float8 as n
    from dossiers
    where ${overdueOpenNow(now)}
      ${scope ? sql`and handling_agency_id = ${scope}` : sql``}
    group by grouping sets ((), (handling_agency_id), (procedure_code), (commune_code))`.execute(db);
  const tagged = rows.map((r) => Number(r.ga) === 0 ? { level: 'agency' as const, key: r.agency ?? '', n: r.n }
    : Number(r.gp) === 0 ? { level: 'procedure' as const, key: r.procedure ?? '', n: r.n }
      : Number(r.gc) === 0 ? { level: 'commune' as const, key: r.commune ?? '', n: r.n }
        : { level: 'province' as const, key: '', n: r.n });
  return byLevel(tagged, (r: { n: number | string }) => Number(r.n));
}

/** Dossiers in progress at the end of month `to`: received minus closed, over all months up to it. */
export async function inProgressByKey(db: Executor, q: Omit<RollupQuery, 'from'>): Promise<Map<string, number>> {
  const { rows } = await sql<{ key: string; n: number | string }>`
    select key, sum(opened - closed)::float8 as n from ioc_rollups
    where scope = ${q.scope} and level = ${q.level} and month <= ${q.to}::date
      ${q.key !== undefined ? sql`and key = ${q.key}` : sql``}
    group by key`.execute(db);
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

/** The dossiers' reception time (for facts that need it), by id. */
export async function receptionOf(db: Executor, ids: string[]): Promise<Map<string, { receivedAt: Date | null }>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('dossiers').select(['id', 'received_at']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { receivedAt: r.received_at }]));
}

/** Every rollup row, then the online months, in a stable order (tests compare incremental and rebuilt tables). */
export async function allRollups(db: Executor): Promise<Record<string, unknown>[]> {
  const { rows } = await sql<Record<string, unknown>>`
    select scope, level, key, to_char(month, 'YYYY-MM-DD') as month, ${COLS} from ioc_rollups
    order by scope, level, month, key`.execute(db);
  const online = await sql<Record<string, unknown>>`
    select 'online' as level, scope, procedure_code as key, year, months from ioc_online_months order by year, scope, procedure_code`.execute(db);
  return [...rows, ...online.rows].map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && k !== 'scope' && k !== 'level' && k !== 'key' && k !== 'month' ? Number(v) : v])));
}
