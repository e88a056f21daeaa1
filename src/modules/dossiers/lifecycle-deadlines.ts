/**
 * Derived timing: overdue is never a status. While a supplement is awaited the clock is stopped, so
 * deadlines are judged at the moment the pause began. A dossier finishes when its result becomes
 * available (status 9); it is late when that is strictly after its (possibly rescheduled) due date.
 */
import type { DeadlineState, WorkingCalendar } from '../calendar/index.ts';
import { vnDay } from './model.ts';
import type { DossierState, HistoryEvent } from './lifecycle-state.ts';

/** The instant the dossier's clock shows: `now`, or the start of a pause still running. */
export function clockNow(state: DossierState, now: Date): Date {
  return state.pausedAt ?? now;
}

const OPEN_STATUSES = new Set([2, 4, 5, 6, 7]);

/** The open dossier's deadline state; for a finished one, overdue if it finished late; else null. */
export function dossierDeadlineState(
  state: DossierState,
  now: Date,
  calendar: WorkingCalendar,
  opts?: { nearingDueHours?: number },
): DeadlineState | null {
  if (!state.dueAt) return null;
  if (state.resultAt) return state.resultAt > state.dueAt ? 'overdue' : 'on_time';
  if (state.status === null || !OPEN_STATUSES.has(state.status)) return null;
  return calendar.deadlineState(state.dueAt, clockNow(state, now), opts);
}

/** The current step's deadline state, or null when no step is current. */
export function stepDeadlineState(
  state: DossierState,
  now: Date,
  calendar: WorkingCalendar,
  opts?: { nearingDueHours?: number },
): DeadlineState | null {
  if (!state.step || state.status === null || !OPEN_STATUSES.has(state.status)) return null;
  return calendar.deadlineState(state.step.dueAt, clockNow(state, now), opts);
}

/** For a dossier with a result: whether it came after the due date; null when not applicable. */
export function finishedLate(state: DossierState): boolean | null {
  if (!state.resultAt || !state.dueAt) return null;
  return state.resultAt > state.dueAt;
}

export interface OverdueStep {
  stepId: string;
  stepIndex: number;
  agencyId: string | null;
  startedAt: Date;
  dueAt: Date;
}

/**
 * Steps past their allowance, for the escalation job (flag to the agency leader): the current step of
 * a dossier being processed (status 4) whose deadline has passed.
 */
export function overdueSteps(state: DossierState, now: Date): OverdueStep[] {
  const step = state.step;
  if (state.status !== 4 || !step || now <= step.dueAt) return [];
  return [{ stepId: step.id, stepIndex: step.index, agencyId: state.assigneeAgencyId, startedAt: step.startedAt, dueAt: step.dueAt }];
}

export type HandoverTiming = 'early' | 'on_time' | 'late';
export interface StepVisit {
  stepId: string;
  stepIndex: number;
  agencyId: string | null;
  startedAt: Date;
  dueAt: Date;
  /** When the dossier left the step (null: still there). */
  endedAt: Date | null;
  endedBy: HistoryEvent['action'] | null;
  /** Early: left on a day before the due day; on time: by the due instant; late: after it. */
  timing: HandoverTiming | null;
}

/** The processing control sheet (form 05): every step visit with its handover time and timing. */
export function controlSheet(history: readonly HistoryEvent[]): StepVisit[] {
  const visits: StepVisit[] = [];
  let open: StepVisit | null = null;
  for (const e of history) {
    const sameVisit = open && e.stepIndex === open.stepIndex && e.stepStartedAt?.getTime() === open.startedAt.getTime();
    if (open && !sameVisit) {
      open.endedAt = e.at;
      open.endedBy = e.action;
      open.timing = e.at > open.dueAt ? 'late' : vnDay(e.at).iso < vnDay(open.dueAt).iso ? 'early' : 'on_time';
      open = null;
    }
    if (open && e.stepDueAt) open.dueAt = e.stepDueAt; // moved by a pause
    if (!open && e.stepId !== undefined && e.stepIndex !== undefined && e.stepStartedAt && e.stepDueAt) {
      open = {
        stepId: e.stepId, stepIndex: e.stepIndex, agencyId: e.assigneeAgencyId ?? null,
        startedAt: e.stepStartedAt, dueAt: e.stepDueAt, endedAt: null, endedBy: null, timing: null,
      };
      visits.push(open);
    }
  }
  return visits;
}
