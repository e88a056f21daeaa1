/**
 * Reads of the dossier tables for other modules (the operations centre's rebuild, its drill-down to
 * the late dossiers and its overdue counts): they reach dossiers and their history only through here.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';

/** What a fold over the history needs of a dossier. */
export interface DossierFacts {
  id: string;
  procedure_code: string;
  handling_agency_id: string;
  desk_agency_id: string;
  commune_code: string | null;
  channel: number;
  received_at: Date | null;
}

/** One history row as a fold sees it (`data` only for the actions asked for, else null). */
export interface HistoryFacts {
  dossier_id: string;
  action: string;
  status: number;
  occurred_at: Date;
  due_at: Date | null;
  data: Record<string, unknown> | null;
}

export interface HistoryPage {
  dossiers: DossierFacts[];
  /** Each dossier's history in seq order, by dossier id. */
  history: Map<string, HistoryFacts[]>;
}

export async function countDossiers(db: Executor): Promise<number> {
  const { rows: [r] } = await sql<{ n: number | string }>`select count(*) as n from dossiers`.execute(db);
  return Number(r!.n);
}

/**
 * Every dossier with its history, in pages of `pageSize` dossiers in id order (read them inside one
 * repeatable-read transaction for a consistent picture). `withData`: the actions whose `data` is read.
 */
export async function* historyPages(db: Executor, opts: { pageSize: number; withData: readonly string[] }): AsyncGenerator<HistoryPage> {
  const withData = opts.withData.length ? sql`action in (${sql.join([...opts.withData])})` : sql`false`;
  let last: string | null = null;
  for (;;) {
    const page: DossierFacts[] = await db.selectFrom('dossiers')
      .select(['id', 'procedure_code', 'handling_agency_id', 'desk_agency_id', 'commune_code', 'channel', 'received_at'])
      .$if(last !== null, (q) => q.where('id', '>', last!)).orderBy('id').limit(opts.pageSize).execute();
    if (!page.length) return;
    const lastId: string = page[page.length - 1]!.id;
    const rows = await sql<HistoryFacts>`
      select dossier_id, action, status, occurred_at, due_at, case when ${withData} then data end as data
      from dossier_history
      where ${last === null ? sql`true` : sql`dossier_id > ${last}`} and dossier_id <= ${lastId}
      order by dossier_id, seq`.execute(db);
    const history = new Map<string, HistoryFacts[]>();
    for (const r of rows.rows) {
      const list = history.get(r.dossier_id);
      if (list) list.push(r);
      else history.set(r.dossier_id, [r]);
    }
    yield { dossiers: page, history };
    last = lastId;
    if (page.length < opts.pageSize) return;
  }
}

/** What a fold needs of these dossiers, by id (facts that do not come from their history). */
export async function dossierFactsOf(db: Executor, ids: string[]): Promise<Map<string, DossierFacts>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('dossiers')
    .select(['id', 'procedure_code', 'handling_agency_id', 'desk_agency_id', 'commune_code', 'channel', 'received_at'])
    .where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The dossiers' reception time, by id. */
export async function receptionOf(db: Executor, ids: string[]): Promise<Map<string, { receivedAt: Date | null }>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('dossiers').select(['id', 'received_at']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { receivedAt: r.received_at }]));
}

/** Open dossiers past their due date now (the clock of one awaiting a supplement stopped at its pause). */
const overdueOpenNow = (now: Date) =>
  sql`status in (2, 4, 5, 6, 7) and result_at is null and due_at < ${now} and due_at < coalesce(paused_at, ${now})`;

export interface OverdueCount {
  /** 'all': every dossier (of the agency, when one is given). */
  by: 'all' | 'agency' | 'procedure' | 'commune';
  key: string;
  n: number;
}

/** Open dossiers past due at `now`, in all and per handling agency, procedure and commune (one pass over the partial index). */
export async function overdueOpenCounts(db: Executor, now: Date, handlingAgencyId: string | null): Promise<OverdueCount[]> {
  const { rows } = await sql<{ ga: number; gp: number; gc: number; agency: string | null; procedure: string | null; commune: string | null; n: number | string }>`
    select grouping(handling_agency_id) as ga, grouping(procedure_code) as gp, grouping(commune_code) as gc,
      handling_agency_id as agency, procedure_code as procedure, commune_code as commune, count(*)::float8 as n
    from dossiers
    where ${overdueOpenNow(now)}
      ${handlingAgencyId ? sql`and handling_agency_id = ${handlingAgencyId}` : sql``}
    group by grouping sets ((), (handling_agency_id), (procedure_code), (commune_code))`.execute(db);
  return rows.map((r): OverdueCount => Number(r.ga) === 0 ? { by: 'agency', key: r.agency ?? '', n: Number(r.n) }
    : Number(r.gp) === 0 ? { by: 'procedure', key: r.procedure ?? '', n: Number(r.n) }
      : Number(r.gc) === 0 ? { by: 'commune', key: r.commune ?? '', n: Number(r.n) }
        : { by: 'all', key: '', n: Number(r.n) });
}

/** Which dossiers: every condition given must hold (`within` and `handlingAgencyId` both name the handling agency). */
export interface DossierFilter {
  within?: string;
  handlingAgencyId?: string;
  procedureCode?: string;
  communeCode?: string;
}

function filterSql(f: DossierFilter) {
  const parts = [
    f.within ? sql`and handling_agency_id = ${f.within}` : null,
    f.handlingAgencyId !== undefined ? sql`and handling_agency_id = ${f.handlingAgencyId}` : null,
    f.procedureCode !== undefined ? sql`and procedure_code = ${f.procedureCode}` : null,
    f.communeCode !== undefined ? sql`and commune_code = ${f.communeCode}` : null,
  ].filter((p) => p !== null);
  return parts.length ? sql.join(parts, sql` `) : sql``;
}

export interface LateDossierRow {
  code: string;
  status: number;
  procedure_code: string;
  handling_agency_id: string;
  commune_code: string | null;
  received_at: Date | null;
  due_at: Date;
  result_at: Date | null;
}

const LATE_COLUMNS = sql`code, status, procedure_code, handling_agency_id, commune_code, received_at, due_at, result_at`;

/** Dossiers whose result came after their due date, in [from, to), newest first. */
export async function settledLate(db: Executor, f: DossierFilter, from: Date, to: Date, limit: number): Promise<LateDossierRow[]> {
  const { rows } = await sql<LateDossierRow>`select ${LATE_COLUMNS} from dossiers
    where result_at > due_at and result_at >= ${from} and result_at < ${to} ${filterSql(f)}
    order by result_at desc, id limit ${limit}`.execute(db);
  return rows;
}

/** Open dossiers already past due at `now`, most overdue first. */
export async function openOverdue(db: Executor, f: DossierFilter, now: Date, limit: number): Promise<LateDossierRow[]> {
  const { rows } = await sql<LateDossierRow>`select ${LATE_COLUMNS} from dossiers
    where ${overdueOpenNow(now)} ${filterSql(f)}
    order by due_at, id limit ${limit}`.execute(db);
  return rows;
}
