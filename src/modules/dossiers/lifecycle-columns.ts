/**
 * Pure mapping between the lifecycle (events, state) and the stored rows: a history event ↔ a
 * dossier_history row, and the dossier columns that are the reduction of its history (status, due
 * dates, who holds it) — what the work queues index.
 */
import type { Role } from '../../platform/auth.ts';
import type { DossierAgencies } from './lifecycle-check.ts';
import { resolveAgency } from './lifecycle-check.ts';
import type { Action } from './lifecycle-rules.ts';
import type { DossierState, HistoryEvent } from './lifecycle-state.ts';
import type { StatusCode } from './model.ts';
import type { ProcessDefinition } from './workflow.ts';

export interface HistoryRowShape {
  seq: number;
  occurred_at: Date;
  actor_id: string | null;
  actor_name: string;
  actor_title: string | null;
  unit_name: string | null;
  action: string;
  note: string | null;
  status: number;
  step_id: string | null;
  step_index: number | null;
  step_started_at: Date | null;
  step_due_at: Date | null;
  assignee_agency_id: string | null;
  due_at: Date | null;
  data: Record<string, unknown> | null;
}

const SYSTEM_ACTOR = 'system';

export function eventToRow(e: HistoryEvent): HistoryRowShape {
  return {
    seq: e.seq,
    occurred_at: e.at,
    actor_id: e.actorId === SYSTEM_ACTOR ? null : e.actorId,
    actor_name: e.actorName,
    actor_title: e.actorTitle,
    unit_name: e.unitName,
    action: e.action,
    note: e.note,
    status: e.status,
    step_id: e.stepId ?? null,
    step_index: e.stepIndex ?? null,
    step_started_at: e.stepStartedAt ?? null,
    step_due_at: e.stepDueAt ?? null,
    assignee_agency_id: e.assigneeAgencyId ?? null,
    due_at: e.dueAt ?? null,
    data: e.data ?? null,
  };
}

export function rowToEvent(r: HistoryRowShape): HistoryEvent {
  return {
    seq: r.seq,
    at: r.occurred_at,
    actorId: r.actor_id ?? SYSTEM_ACTOR,
    actorName: r.actor_name,
    actorTitle: r.actor_title ?? '',
    unitName: r.unit_name ?? '',
    action: r.action as Action,
    note: r.note ?? '',
    status: r.status as StatusCode,
    ...(r.step_id !== null && r.step_index !== null && r.step_started_at && r.step_due_at
      ? { stepId: r.step_id, stepIndex: r.step_index, stepStartedAt: r.step_started_at, stepDueAt: r.step_due_at }
      : {}),
    ...(r.assignee_agency_id !== null && { assigneeAgencyId: r.assignee_agency_id }),
    ...(r.due_at !== null && { dueAt: r.due_at }),
    ...(r.data !== null && { data: r.data }),
  };
}

export interface StateColumns {
  status: number;
  version: number;
  received_at: Date | null;
  due_at: Date | null;
  step_due_at: Date | null;
  assignee_agency_id: string | null;
  assignee_role: Role | null;
  paused_at: Date | null;
  rescheduled: boolean;
  result_at: Date | null;
  rating: string | null;
}

/**
 * Who holds a dossier in the work queues: the current step's role at its agency while it is being
 * processed (4, or 6 during a step); the one-stop desk's counter officers while it is at the desk
 * (1, 2, 5, 6 after the result, 7, 9); nobody once closed (3, 8, 10).
 */
export function holderOf(state: DossierState, process: ProcessDefinition, agencies: DossierAgencies): { agencyId: string; role: Role } | null {
  const step = state.step ? process.steps[state.step.index] : undefined;
  const atStep = step && (state.status === 4 || (state.status === 6 && state.resumeStatus === 4));
  if (atStep) {
    const agencyId = resolveAgency(step.actor, agencies);
    if (agencyId) return { agencyId, role: step.role };
  }
  if (state.status === null || state.status === 3 || state.status === 8 || state.status === 10) return null;
  return { agencyId: agencies.deskId, role: 'counter_officer' };
}

export function stateColumns(state: DossierState, process: ProcessDefinition, agencies: DossierAgencies): StateColumns {
  const holder = holderOf(state, process, agencies);
  return {
    status: state.status ?? 1,
    version: state.version,
    received_at: state.receivedAt,
    due_at: state.dueAt,
    step_due_at: state.step?.dueAt ?? null,
    assignee_agency_id: holder?.agencyId ?? null,
    assignee_role: holder?.role ?? null,
    paused_at: state.pausedAt,
    rescheduled: state.rescheduled,
    result_at: state.resultAt,
    rating: state.rating,
  };
}
