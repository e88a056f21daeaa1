/**
 * The dossier's state is the reduction of its processing history (the national "QuaTrinhXuLy"). Each
 * event carries everything needed to apply it: the status after it, the current step with its start
 * and deadline, the assignee agency, the due date when it changes. Pure; `reduce` needs no process
 * definition or calendar, so replaying a stored history always yields the stored state.
 */
import type { StatusCode } from './model.ts';
import type { Action, Rating } from './lifecycle-rules.ts';

/** One row of the processing history. */
export interface HistoryEvent {
  /** 1, 2, 3… per dossier; also the dossier's version after the event. */
  seq: number;
  /** ThoiDiemXuLy. */
  at: Date;
  actorId: string;
  /** NguoiXuLy. */
  actorName: string;
  /** ChucDanh. */
  actorTitle: string;
  /** PhongBanXuLy. */
  unitName: string;
  action: Action;
  /** NoiDungXuLy. */
  note: string;
  /** TrangThai: the status after the event. */
  status: StatusCode;
  /** The current step after the event (absent when no step is current). */
  stepId?: string;
  stepIndex?: number;
  /** NgayBatDau of the current step. */
  stepStartedAt?: Date;
  /** NgayKetThucTheoQuyDinh of the current step. */
  stepDueAt?: Date;
  /** The agency that holds the dossier after the event (the current step's agency, or the desk). */
  assigneeAgencyId?: string;
  /** The dossier's due date (NgayHenTra) when the event sets or moves it. */
  dueAt?: Date;
  /** Form 02 / 03 / 04 fields, stop notice, payment, rating, paused hours… (JSON-serialisable). */
  data?: Record<string, unknown>;
}

export interface CurrentStep {
  index: number;
  id: string;
  startedAt: Date;
  dueAt: Date;
}

export interface DossierState {
  /** null before the first event. */
  status: StatusCode | null;
  /** The seq of the last event (0 before any): the optimistic-concurrency version. */
  version: number;
  lastEventAt: Date | null;
  submittedAt: Date | null;
  receivedAt: Date | null;
  dueAt: Date | null;
  step: CurrentStep | null;
  assigneeAgencyId: string | null;
  /** Set while a supplement is awaited (status 5). */
  pausedAt: Date | null;
  /** Office hours spent waiting on the applicant so far (counted from the reception clock start). */
  pausedHours: number;
  /** Where `resubmit_supplement` / `confirm_payment` return to. */
  resumeStatus: StatusCode | null;
  /** Sign-offs recorded at the current step visit (reset when the step changes). */
  approved: boolean;
  signed: boolean;
  /** A refusal has been proposed (kept across forward/transfer, cleared by send_back). */
  refusalProposed: boolean;
  rescheduled: boolean;
  paymentRequested: { amountVND: number; at: Date } | null;
  outcome: 'granted' | 'refused' | null;
  /** When the result became available (status 9): the end of processing for timeliness. */
  resultAt: Date | null;
  returnedAt: Date | null;
  refusedAt: Date | null;
  stoppedAt: Date | null;
  rating: Rating | null;
}

export const initialState: DossierState = Object.freeze({
  status: null,
  version: 0,
  lastEventAt: null,
  submittedAt: null,
  receivedAt: null,
  dueAt: null,
  step: null,
  assigneeAgencyId: null,
  pausedAt: null,
  pausedHours: 0,
  resumeStatus: null,
  approved: false,
  signed: false,
  refusalProposed: false,
  rescheduled: false,
  paymentRequested: null,
  outcome: null,
  resultAt: null,
  returnedAt: null,
  refusedAt: null,
  stoppedAt: null,
  rating: null,
});

const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

/** The state after one more event. */
export function apply(state: DossierState, e: HistoryEvent): DossierState {
  const step: CurrentStep | null =
    e.stepId !== undefined && e.stepIndex !== undefined && e.stepStartedAt && e.stepDueAt
      ? { index: e.stepIndex, id: e.stepId, startedAt: e.stepStartedAt, dueAt: e.stepDueAt }
      : null;
  const stepChanged = step?.index !== state.step?.index || step?.startedAt.getTime() !== state.step?.startedAt.getTime();
  const next: DossierState = {
    ...state,
    status: e.status,
    version: e.seq,
    lastEventAt: e.at,
    step,
    assigneeAgencyId: e.assigneeAgencyId ?? null,
    dueAt: e.dueAt ?? state.dueAt,
    approved: stepChanged ? false : state.approved,
    signed: stepChanged ? false : state.signed,
  };
  switch (e.action) {
    case 'submit':
      return { ...next, submittedAt: e.at };
    case 'receive':
    case 'register_counter':
      return { ...next, receivedAt: e.at };
    case 'refuse':
      return { ...next, refusedAt: e.at };
    case 'request_supplement':
      return { ...next, pausedAt: e.at, resumeStatus: state.status };
    case 'resubmit_supplement':
      return { ...next, pausedAt: null, resumeStatus: null, pausedHours: state.pausedHours + num(e.data?.pausedHours) };
    case 'send_back':
      return { ...next, refusalProposed: false };
    case 'propose_refusal':
      return { ...next, refusalProposed: true };
    case 'approve':
      return { ...next, approved: true };
    case 'sign':
      return { ...next, signed: true };
    case 'request_payment':
      return { ...next, resumeStatus: state.status, paymentRequested: { amountVND: num(e.data?.amountVND), at: e.at } };
    case 'confirm_payment':
      return { ...next, resumeStatus: null };
    case 'issue_result':
      return { ...next, resultAt: e.at, outcome: e.data?.outcome === 'refused' ? 'refused' : 'granted' };
    case 'return_result':
      return { ...next, returnedAt: e.at };
    case 'request_withdrawal':
      return next;
    case 'accept_withdrawal':
      return { ...next, stoppedAt: e.at, pausedAt: null };
    case 'reschedule':
      return { ...next, rescheduled: true };
    case 'rate':
      return { ...next, rating: e.data?.rating as Rating };
    case 'assign':
    case 'forward':
    case 'transfer':
      return next;
  }
}

/** The state of a dossier: its history folded from `initialState`. */
export function reduce(history: readonly HistoryEvent[]): DossierState {
  return history.reduce(apply, initialState);
}
