/**
 * One generated dossier: its lifecycle as processing-history events (the same events the services
 * record, built directly), and its columns as the reduction of that history (`reduce` + `stateColumns`).
 * Shares: ~3.5 % of online dossiers refused at intake, ~1.8 % withdrawn, ~7 % asked for a supplement,
 * 3–20 % late per handling agency (a quarter of them rescheduled once, form 04), results returned
 * electronically for ~93 % of online and ~60 % of counter dossiers, ratings from ~40 % of online and
 * ~15 % of counter applicants. Simplification: the internal step handovers (forward, approve, sign)
 * are not generated; a dossier is assigned to its first step and its result issued from there.
 * Events later than `now` are not generated: those dossiers stay open where they are.
 */
import type { WorkingCalendar } from '../../calendar/index.ts';
import type { AgencyKind, Procedure } from '../../catalog/index.ts';
import { ACTION_NAMES, reduce, resolveAgency, type Action, type DossierAgencies, type HistoryEvent } from '../lifecycle.ts';
import { eventToRow, stateColumns, type HistoryRowShape, type StateColumns } from '../lifecycle-columns.ts';
import type { ProcessDefinition } from '../workflow.ts';
import { applicant, timeOfDay, uuid7, type DayPlan, type Weighted } from './plan.ts';
import { isCertifiedCopyProcedure } from '../model.ts';

export interface ProcEntry {
  p: Procedure & { version: number };
  online: boolean;
  process: Record<'direct' | 'online' | 'postal', ProcessDefinition>;
  workingDays: Record<'direct' | 'online' | 'postal', number | null>;
}

export interface World {
  procedures: Weighted<ProcEntry>;
  onlineProcedures: Weighted<ProcEntry>;
  communes: Weighted<string>;
  /** `${kind}|${unit}` → agency id ('' unit for province-level agencies). */
  byKindUnit: Map<string, string>;
  fixed: Partial<Record<AgencyKind, string>>;
  profile: (agencyId: string) => { lateP: number; notSatisfiedP: number };
  cal: WorkingCalendar;
  now: Date;
}

export interface GeneratedDossier {
  id: string;
  procedureCode: string;
  procedureVersion: number;
  deskId: string;
  handlingId: string;
  communeCode: string;
  applicantName: string;
  applicantIdNumber: string;
  channel: number;
  submittedAt: Date;
  updatedAt: Date;
  columns: StateColumns;
  history: HistoryRowShape[];
}

const COMMUNE_KINDS = new Set(['commune_peoples_committee', 'commune_police']);
const CHANNEL = { direct: 1, online: 2, postal: 3 } as const;

export function generateDossier(w: World, day: DayPlan, r: () => number): GeneratedDossier | null {
  const entry = (day.working ? w.procedures : w.onlineProcedures).pick(r());
  const p = entry.p;
  const commune = w.communes.pick(r());
  const onlineP = p.onlineLevel === 'full' ? 0.85 : p.onlineLevel === 'partial' ? 0.44 : 0;
  const channel = !day.working ? 'online' : r() < onlineP ? 'online' : r() < 0.03 ? 'postal' : 'direct';
  const deskId = w.byKindUnit.get(p.level === 'commune' ? `commune_peoples_committee|${commune}` : 'public_service_center|');
  const handlingId = w.byKindUnit.get(`${p.agencyKind}|${COMMUNE_KINDS.has(p.agencyKind) ? commune : ''}`);
  if (!deskId || !handlingId) return null;
  const agencies: DossierAgencies = { deskId, handlingId, communeId: w.byKindUnit.get(`commune_peoples_committee|${commune}`) ?? null, fixed: w.fixed };
  const process = entry.process[channel];
  const workingDays = entry.workingDays[channel];
  const { cal, now } = w;
  const profile = w.profile(handlingId);
  const u = (a: number, b: number) => a + r() * (b - a);
  const later = (at: Date, hours: number) => cal.addWorkingHours(at, Math.max(0.05, hours));

  const events: HistoryEvent[] = [];
  let holder = deskId;
  let step: Pick<HistoryEvent, 'stepId' | 'stepIndex' | 'stepStartedAt' | 'stepDueAt'> = {};
  let last: Date = timeOfDay(day, channel === 'online', r);
  const submittedAt = last;
  const push = (at: Date, action: Action, status: HistoryEvent['status'], extra: Partial<HistoryEvent> = {}, keepStep = true): boolean => {
    if (at.getTime() > now.getTime()) return false;
    if (at.getTime() <= last.getTime() && events.length) at = new Date(last.getTime() + 60_000);
    const desk = ['submit', 'receive', 'register_counter', 'refuse', 'return_result', 'accept_withdrawal'].includes(action);
    events.push({
      seq: events.length + 1, at, actorId: 'system', actorName: desk ? 'Cán bộ một cửa' : action === 'rate' || action === 'request_withdrawal' ? 'Người nộp hồ sơ' : 'Chuyên viên xử lý',
      actorTitle: desk ? 'Công chức tiếp nhận' : 'Chuyên viên', unitName: '', action, note: ACTION_NAMES[action], status,
      ...(keepStep ? step : {}), assigneeAgencyId: holder, ...extra,
    });
    last = at;
    return true;
  };
  const withdraw = () => push(later(last, u(1, 12)), 'request_withdrawal', 7, { data: { reason: 'Công dân xin rút hồ sơ' } })
    && push(later(last, u(1, 8)), 'accept_withdrawal', 8, { data: { reason: 'Theo đề nghị của công dân', stoppedAt: null } }, false);

  const lifecycle = (): void => {
    if (channel === 'online') {
      if (!push(last, 'submit', 1)) return;
      const x = r();
      if (x < 0.035) return void push(later(last, u(0.5, 16)), 'refuse', 3, { data: { reason: 'Hồ sơ không thuộc thẩm quyền tiếp nhận' } }, false);
      if (x < 0.045) return void withdraw();
    }
    const receivedAt = channel === 'online' ? later(last, u(0.25, 12)) : last;
    let dueAt = workingDays === null ? null : cal.dueAt(receivedAt, workingDays);
    const data = {
      channel, workingDays, dueAt: dueAt?.toISOString() ?? null,
      ...(channel !== 'online' ? counterDigitisation(p, receivedAt) : onlineReuse(receivedAt)),
    };
    if (!push(receivedAt, channel === 'online' ? 'receive' : 'register_counter', 2, { ...(dueAt && { dueAt }), data })) return;
    const clockStart = cal.receptionClockStart(receivedAt);
    if (r() < 0.07) {
      if (!push(later(last, u(0.5, 6)), 'request_supplement', 5, { data: { items: ['Bản sao giấy tờ còn thiếu'], reason: 'Hồ sơ chưa đầy đủ' } })) return;
      const pausedAt = last;
      const resumed = later(pausedAt, u(4, 40));
      const from = new Date(Math.max(pausedAt.getTime(), clockStart.getTime()));
      const moved = dueAt && resumed > from ? cal.extendForPause(dueAt, from, resumed) : dueAt;
      const pausedHours = resumed > from ? cal.workingHoursBetween(from, resumed) : 0;
      if (!push(resumed, 'resubmit_supplement', 2, { ...(moved && { dueAt: moved }), data: { pausedHours } })) return;
      dueAt = moved;
    }
    const first = process.steps[0]!;
    const assignAt = later(last, u(0.1, 4));
    holder = resolveAgency(first.actor, agencies) ?? handlingId;
    step = { stepId: first.id, stepIndex: 0, stepStartedAt: assignAt, stepDueAt: cal.addWorkingHours(assignAt, first.allowanceHours) };
    if (!push(assignAt, 'assign', 4, { data: { fromAgencyId: deskId, toAgencyId: holder } })) return;
    if (r() < 0.008) return void withdraw();
    const total = dueAt ? Math.max(1, cal.workingHoursBetween(clockStart, dueAt)) : u(8, 80);
    let resultAt: Date;
    if (dueAt && r() < profile.lateP) {
      resultAt = cal.addWorkingHours(dueAt, u(0.5, 0.5 * total + 4));
      const askAt = cal.addWorkingHours(clockStart, Math.max(0, total - 8 - u(1, 8)));
      if (r() < 0.25 && askAt > last && cal.workingHoursBetween(askAt, dueAt) >= cal.hoursPerDay) {
        const newDueAt = cal.addWorkingDays(dueAt, 3);
        if (!push(askAt, 'reschedule', 4, { dueAt: newDueAt, data: { reason: 'Cần xác minh thêm', newDueAt: newDueAt.toISOString() } })) return;
        dueAt = newDueAt;
      }
    } else {
      resultAt = cal.addWorkingHours(clockStart, total * u(0.2, 0.98));
    }
    if (resultAt <= last) resultAt = later(last, u(0.5, 4));
    holder = deskId;
    if (!push(resultAt, 'issue_result', 9, { data: { outcome: 'granted', ...certifiedCopies(p, resultAt) } }, false)) return;
    step = {};
    const electronic = r() < (channel === 'online' ? 0.93 : 0.6);
    const method = electronic ? 'electronic' : channel === 'postal' ? 'postal' : 'counter';
    if (!push(later(last, u(0.1, 16)), 'return_result', 10, { data: { method, electronic } })) return;
    if (r() < (channel === 'online' ? 0.4 : 0.15)) {
      const y = r();
      const rating = y < profile.notSatisfiedP ? 'not_satisfied' : y < 0.58 ? 'very_satisfied' : 'satisfied';
      push(new Date(last.getTime() + u(0.1, 48) * 3_600_000), 'rate', 10, { data: { rating, comment: null } });
    }
  };
  lifecycle();
  if (!events.length) return null;
  const who = applicant(r);
  return {
    id: uuid7(submittedAt, r), procedureCode: p.code, procedureVersion: p.version, deskId, handlingId, communeCode: commune,
    applicantName: who.name, applicantIdNumber: who.idNumber, channel: CHANNEL[channel], submittedAt,
    updatedAt: last, columns: stateColumns(reduce(events), process, agencies), history: events.map(eventToRow),
  };
}

/**
 * What a counter reception records of digitisation (see `digitisationFacts`): about 7 in 10 paper
 * dossiers scanned whole, 1–12 pages. Drawn from the reception instant rather than the generator's
 * stream, so adding these facts left every other generated figure as it was.
 */
const hashOf = (at: Date) => Math.imul(Math.floor(at.getTime() / 1000), 2654435761) >>> 0;

export function counterDigitisation(p: { name: string }, receivedAt: Date) {
  const h = hashOf(receivedAt);
  const scans = h % 10 < 7 ? 1 + ((h >>> 8) % 3) : 0;
  return { digitised: scans > 0, scans, pages: scans ? scans * (1 + ((h >>> 12) % 4)) : 0, certification: isCertifiedCopyProcedure(p) };
}

/** About 1 in 4 online dossiers reuse 1–2 documents from the applicant's store. */
export function onlineReuse(receivedAt: Date) {
  const h = hashOf(receivedAt);
  return h % 4 === 0 ? { reusedComponents: 1 + ((h >>> 8) % 2) } : {};
}

/** About 6 in 10 certified-copy dossiers get electronic certified copies (1–3) rather than paper only. */
export function certifiedCopies(p: { name: string }, resultAt: Date) {
  if (!isCertifiedCopyProcedure(p)) return {};
  const h = hashOf(resultAt);
  return h % 10 < 6 ? { certifiedCopies: 1 + ((h >>> 8) % 3) } : {};
}
