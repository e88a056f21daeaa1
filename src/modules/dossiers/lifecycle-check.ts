/**
 * Whether an actor may perform an action on a dossier now: the status table, the permission rules,
 * the current step's allowed actions, and the preconditions that do not depend on a command's data.
 */
import type { AgencyKind, Channel } from '../catalog/index.ts';
import type { WorkingCalendar } from '../calendar/index.ts';
import type { Role } from '../../platform/auth.ts';
import { ALLOWED, CREATION_ACTIONS, PERMISSIONS, STEP_GATED } from './lifecycle-rules.ts';
import type { Action, Party, PermissionRule } from './lifecycle-rules.ts';
import type { DossierState } from './lifecycle-state.ts';
import { signOffRequired } from './workflow.ts';
import type { ProcessDefinition, ProcessStep, StepActor } from './workflow.ts';

export interface Actor {
  userId: string;
  name: string;
  title: string;
  /** The actor's unit (PhongBanXuLy); default ''. */
  unitName?: string;
  kind: 'citizen' | 'officer' | 'system';
  roles: readonly Role[];
  agencyId: string | null;
}

/** The concrete agencies of one dossier. */
export interface DossierAgencies {
  deskId: string;
  handlingId: string;
  /** The applicant's commune People's Committee, when known. */
  communeId: string | null;
  /** Agencies for steps with a fixed agency kind. */
  fixed?: Partial<Record<AgencyKind, string>>;
}

export interface LifecycleContext {
  now: Date;
  calendar: WorkingCalendar;
  /** The process version the dossier started with. */
  process: ProcessDefinition;
  /** The procedure's time limit for the dossier's channel, in working days; null = no limit. */
  workingDays: number | null;
  channel: Channel;
  /** The userId of the citizen who owns the dossier. */
  applicantId: string;
  agencies: DossierAgencies;
}

export interface LifecycleEnv extends LifecycleContext {
  actor: Actor;
}

export type RefusalCode = 'not_allowed_in_status' | 'forbidden' | 'precondition' | 'invalid';
export interface Refusal {
  ok: false;
  code: RefusalCode;
  reason: string;
  reasonVi: string;
}

export const refusal = (code: RefusalCode, reason: string, reasonVi: string): Refusal => ({ ok: false, code, reason, reasonVi });

export function resolveAgency(actor: StepActor, agencies: DossierAgencies): string | null {
  switch (actor.kind) {
    case 'desk':
      return agencies.deskId;
    case 'handling':
      return agencies.handlingId;
    case 'commune':
      return agencies.communeId;
    case 'fixed':
      return agencies.fixed?.[actor.agencyKind] ?? null;
  }
}

export function currentStepDef(state: DossierState, process: ProcessDefinition): ProcessStep | null {
  return state.step ? (process.steps[state.step.index] ?? null) : null;
}

function holdsStep(actor: Actor, step: ProcessStep | null | undefined, agencies: DossierAgencies): boolean {
  if (!step || actor.kind !== 'officer' || !actor.roles.includes(step.role)) return false;
  const agencyId = resolveAgency(step.actor, agencies);
  return agencyId !== null && actor.agencyId === agencyId;
}

function isParty(party: Party, action: Action, state: DossierState, actor: Actor, ctx: LifecycleContext): boolean {
  const officerOf = (role: Role, agencyId: string) =>
    actor.kind === 'officer' && actor.roles.includes(role) && actor.agencyId === agencyId;
  switch (party) {
    case 'applicant':
      return actor.kind === 'citizen' && actor.userId === ctx.applicantId;
    case 'desk':
      return officerOf('counter_officer', ctx.agencies.deskId);
    case 'handling_leader':
      return officerOf('agency_leader', ctx.agencies.handlingId);
    case 'system':
      return actor.kind === 'system';
    case 'first_step':
      return holdsStep(actor, ctx.process.steps[0], ctx.agencies);
    case 'step': {
      const step = currentStepDef(state, ctx.process);
      const gate = (STEP_GATED as Partial<Record<Action, ProcessStep['actions'][number]>>)[action];
      return holdsStep(actor, step, ctx.agencies) && (gate === undefined || (step?.actions.includes(gate) ?? false));
    }
  }
}

/** Preconditions on the dossier itself (not on who acts nor on the command's data). */
function precondition(action: Action, state: DossierState, ctx: LifecycleContext): Refusal | null {
  const { process, agencies, calendar, now } = ctx;
  const step = currentStepDef(state, process);
  const index = state.step?.index ?? -1;
  const unresolved = (s: ProcessStep | undefined) =>
    !s || resolveAgency(s.actor, agencies) === null
      ? refusal('precondition', 'the agency of the target step is not known for this dossier', 'Chưa xác định được cơ quan xử lý bước tiếp theo')
      : null;
  switch (action) {
    case 'submit':
      return ctx.channel === 'online' ? null : refusal('precondition', 'online submission is for online dossiers', 'Chỉ nộp trực tuyến với hồ sơ trực tuyến');
    case 'register_counter':
      return ctx.channel !== 'online' ? null : refusal('precondition', 'an online dossier is submitted by the applicant', 'Hồ sơ trực tuyến do công dân nộp');
    case 'assign':
      return unresolved(process.steps[0]);
    case 'forward':
    case 'transfer':
      if (!step) return refusal('precondition', 'no current step', 'Hồ sơ chưa ở bước xử lý nào');
      return unresolved(process.steps[index + 1]);
    case 'send_back':
      if (index <= 0) return refusal('precondition', 'the first step cannot send back', 'Bước đầu tiên không thể trả lại');
      return unresolved(process.steps[index - 1]);
    case 'issue_result': {
      if (!step || index !== process.steps.length - 1) return refusal('precondition', 'only the final step issues the result', 'Chỉ bước cuối cùng mới có kết quả');
      const needed = signOffRequired(step);
      if (needed === 'sign' && !state.signed) return refusal('precondition', 'the result must be signed first', 'Kết quả chưa được ký duyệt');
      if (needed === 'approve' && !state.approved) return refusal('precondition', 'the result must be approved first', 'Kết quả chưa được phê duyệt');
      return null;
    }
    // A decision is recorded once: after the signature neither approve nor sign is offered again.
    case 'sign':
      return state.signed ? refusal('precondition', 'the result is already signed', 'Kết quả đã được ký duyệt') : null;
    case 'approve':
      return state.approved || state.signed ? refusal('precondition', 'the result is already approved', 'Kết quả đã được phê duyệt') : null;
    case 'reschedule': {
      if (state.rescheduled) return refusal('precondition', 'the return date may be rescheduled only once', 'Chỉ được hẹn lại ngày trả kết quả một lần');
      if (!state.dueAt) return refusal('precondition', 'the dossier has no due date', 'Hồ sơ không có ngày hẹn trả');
      if (calendar.workingHoursBetween(now, state.dueAt) < calendar.hoursPerDay) {
        return refusal('precondition', 'too late: reschedule no later than one working day before the due date', 'Quá thời hạn: phải hẹn lại chậm nhất trước 01 ngày làm việc so với ngày hẹn trả');
      }
      return null;
    }
    case 'rate':
      return state.rating ? refusal('precondition', 'the dossier has already been rated', 'Hồ sơ đã được đánh giá') : null;
    case 'resubmit_supplement':
    case 'confirm_payment':
      return state.resumeStatus ? null : refusal('precondition', 'nothing to resume', 'Không có yêu cầu đang chờ');
    default:
      return null;
  }
}

/** Checks everything but the command's data; returns null when the action may go ahead. */
export function check(state: DossierState, action: Action, actor: Actor, ctx: LifecycleContext): Refusal | null {
  if (state.lastEventAt && ctx.now.getTime() < state.lastEventAt.getTime()) {
    return refusal('invalid', 'the action time is before the last recorded event', 'Thời điểm xử lý trước sự kiện gần nhất');
  }
  const allowed: readonly Action[] = state.status === null ? CREATION_ACTIONS : ALLOWED[state.status];
  if (!allowed.includes(action)) {
    return refusal('not_allowed_in_status', `'${action}' is not allowed in status ${state.status ?? 'none'}`, 'Thao tác không được phép ở trạng thái hiện tại của hồ sơ');
  }
  const rules: readonly PermissionRule[] = PERMISSIONS[action];
  const permitted = rules.some(
    (r) => (r.statuses === undefined || (state.status !== null && r.statuses.includes(state.status))) && isParty(r.party, action, state, actor, ctx),
  );
  if (!permitted) return refusal('forbidden', `this user may not '${action}' this dossier now`, 'Người dùng không có quyền thực hiện thao tác này');
  return precondition(action, state, ctx);
}

/** The actions this actor may perform now (what the UI offers). */
export function allowedActions(state: DossierState, actor: Actor, ctx: LifecycleContext): Action[] {
  const candidates: readonly Action[] = state.status === null ? CREATION_ACTIONS : ALLOWED[state.status];
  return candidates.filter((a) => check(state, a, actor, ctx) === null);
}
