/** SQL of the IOC: rollup upserts and reads; the overdue open dossiers counted by the dossiers module. */
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { overdueOpenCounts } from '../dossiers/index.ts';
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

/** Open dossiers past due at `now` per level and key (the dossiers module counts them in one pass). */
export async function overdueOpenByLevel(db: Executor, now: Date, scope: string): Promise<ByLevel<number>> {
  const LEVEL = { all: 'province', agency: 'agency', procedure: 'procedure', commune: 'commune' } as const;
  const rows = await overdueOpenCounts(db, now, scope || null);
  return byLevel(rows.map((r) => ({ level: LEVEL[r.by], key: r.key, n: r.n })), (r: { n: number }) => r.n);
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

/** Every rollup row, then the online months, in a stable order (tests compare incremental and rebuilt tables). */
export async function allRollups(db: Executor): Promise<Record<string, unknown>[]> {
  const { rows } = await sql<Record<string, unknown>>`
    select scope, level, key, to_char(month, 'YYYY-MM-DD') as month, ${COLS} from ioc_rollups
    order by scope, level, month, key`.execute(db);
  const online = await sql<Record<string, unknown>>`
    select 'online' as level, scope, procedure_code as key, year, months from ioc_online_months order by year, scope, procedure_code`.execute(db);
  return [...rows, ...online.rows].map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && k !== 'scope' && k !== 'level' && k !== 'key' && k !== 'month' ? Number(v) : v])));
}
