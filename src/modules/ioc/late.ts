/**
 * The drill-down under the figures: the late dossiers themselves. Those whose result came after their
 * due date within the period (newest first), and — for the period containing today — the open ones
 * already past due (most overdue first). Codes, procedures, agencies, communes and dates only: no
 * applicant's name or ID number reaches the operations centre.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { DAY_MS } from '../calendar/index.ts';
import { STATUSES, type StatusCode } from '../dossiers/model.ts';
import { periodEnd, previousPeriod } from './model.ts';
import { reference } from './reference.ts';
import { overdueOpenNow } from './store.ts';
import { isCurrent, type Scoped } from './service.ts';

export interface LateDossier {
  kind: 'settled_late' | 'open_overdue';
  code: string;
  status: string;
  statusCode: number;
  procedureCode: string;
  procedureName: string;
  agencyId: string;
  agencyName: string;
  communeCode: string | null;
  communeName: string | null;
  receivedAt: string | null;
  dueAt: string;
  resultAt: string | null;
  /** Calendar days past the due date: at the result, or now for an open dossier. */
  daysLate: number;
}

interface Row {
  code: string;
  status: number;
  procedure_code: string;
  handling_agency_id: string;
  commune_code: string | null;
  received_at: Date | null;
  due_at: Date;
  result_at: Date | null;
}


/** The filter of an entity: the level's key, within the caller's scope (an agency leader's agency). */
function entityFilter(s: Scoped) {
  const scope = s.scope ? sql`and handling_agency_id = ${s.scope}` : sql``;
  const id = s.id;
  if (s.level === 'province' || id === undefined) return scope;
  const column = s.level === 'agency' ? sql.ref('handling_agency_id') : s.level === 'procedure' ? sql.ref('procedure_code') : sql.ref('commune_code');
  return sql`${scope} and ${column} = ${id}`;
}

export async function lateDossiers(db: Executor, s: Scoped, now: Date, limit: number) {
  const from = periodEnd(previousPeriod(s.period));
  const to = periodEnd(s.period);
  const filter = entityFilter(s);
  const cols = sql`code, status, procedure_code, handling_agency_id, commune_code, received_at, due_at, result_at`;
  const current = isCurrent(s.period, now);
  const [settled, open, ref] = await Promise.all([
    sql<Row>`select ${cols} from dossiers
      where result_at > due_at and result_at >= ${from} and result_at < ${to} ${filter}
      order by result_at desc, id limit ${limit}`.execute(db),
    current
      ? sql<Row>`select ${cols} from dossiers
          where ${overdueOpenNow(now)} ${filter}
          order by due_at, id limit ${limit}`.execute(db)
      : Promise.resolve({ rows: [] as Row[] }),
    reference(db),
  ]);
  const item = (kind: LateDossier['kind']) => (r: Row): LateDossier => {
    const due = new Date(r.due_at);
    const until = r.result_at ? new Date(r.result_at) : now;
    const unit = r.commune_code ? ref.units.get(r.commune_code) : undefined;
    return {
      kind, code: r.code, status: STATUSES[r.status as StatusCode]?.key ?? String(r.status), statusCode: r.status,
      procedureCode: r.procedure_code, procedureName: ref.procedures.get(r.procedure_code)?.name ?? r.procedure_code,
      agencyId: r.handling_agency_id, agencyName: ref.agencies.get(r.handling_agency_id)?.name ?? r.handling_agency_id,
      communeCode: r.commune_code, communeName: unit?.name ?? null,
      receivedAt: r.received_at ? new Date(r.received_at).toISOString() : null, dueAt: due.toISOString(),
      resultAt: r.result_at ? new Date(r.result_at).toISOString() : null,
      daysLate: Math.max(0, Math.round(((until.getTime() - due.getTime()) / DAY_MS) * 10) / 10),
    };
  };
  return {
    period: s.period.label, level: s.level, id: s.id ?? null,
    openOverdueKnown: current,
    items: [...open.rows.map(item('open_overdue')), ...settled.rows.map(item('settled_late'))],
  };
}
