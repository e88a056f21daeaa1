/**
 * The drill-down under the figures: the late dossiers themselves. Those whose result came after their
 * due date within the period (newest first), and — for the period containing today — the open ones
 * already past due (most overdue first). Codes, procedures, agencies, communes and dates only: no
 * applicant's name or ID number reaches the operations centre.
 */
import type { Executor } from '../../db/index.ts';
import { DAY_MS } from '../calendar/index.ts';
import { openOverdue, settledLate, STATUSES, type DossierFilter, type LateDossierRow, type StatusCode } from '../dossiers/index.ts';
import { periodEnd, previousPeriod } from './model.ts';
import { reference } from './reference.ts';
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

type Row = LateDossierRow;

/** The filter of an entity: the level's key, within the caller's scope (an agency leader's agency). */
function entityFilter(s: Scoped): DossierFilter {
  const within = s.scope ? { within: s.scope } : {};
  const id = s.id;
  if (s.level === 'province' || id === undefined) return within;
  const key = s.level === 'agency' ? 'handlingAgencyId' : s.level === 'procedure' ? 'procedureCode' : 'communeCode';
  return { ...within, [key]: id };
}

export async function lateDossiers(db: Executor, s: Scoped, now: Date, limit: number) {
  const from = periodEnd(previousPeriod(s.period));
  const to = periodEnd(s.period);
  const filter = entityFilter(s);
  const current = isCurrent(s.period, now);
  const [settled, open, ref] = await Promise.all([
    settledLate(db, filter, from, to, limit),
    current ? openOverdue(db, filter, now, limit) : Promise.resolve([] as Row[]),
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
    items: [...open.map(item('open_overdue')), ...settled.map(item('settled_late'))],
  };
}
