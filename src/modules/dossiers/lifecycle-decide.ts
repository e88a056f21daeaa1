/**
 * `decide`: from the current state, a command and the environment (clock, calendar, process, actor,
 * agencies), the next history event or a refusal. Pure.
 *
 * Timing conventions:
 * - due date at reception = calendar.dueAt(receivedAt, working days of the channel) (15:00 rule and
 *   office hours are the calendar's); no time limit → no due date;
 * - a step's deadline = calendar.addWorkingHours(step start, allowance), a fresh allowance each time
 *   the step is entered (also after send_back);
 * - a supplement request stops the clock: on resubmission the due date and the current step's
 *   deadline move by the office time waited (calendar.extendForPause), counted from the later of the
 *   request and the reception clock start. A payment request does not stop the clock;
 * - reschedule: once, at least one working day (calendar.hoursPerDay of office time) before the due
 *   date, to a later date.
 */
import { ACTION_NAMES, MAX_AMOUNT_VND, RATINGS, RETURN_METHODS } from './lifecycle-rules.ts';
import type { Action, Rating, ReturnMethod } from './lifecycle-rules.ts';
import type { DossierState, HistoryEvent } from './lifecycle-state.ts';
import { check, refusal, resolveAgency } from './lifecycle-check.ts';
import type { LifecycleEnv, Refusal } from './lifecycle-check.ts';

type WithData =
  | { action: 'refuse'; reason: string }
  | { action: 'request_supplement'; items: string[]; reason: string }
  | { action: 'propose_refusal'; reason: string }
  | { action: 'request_payment'; amountVND: number; description?: string; feeItems?: readonly { name: string; amountVND: number }[] }
  | { action: 'request_withdrawal'; reason?: string }
  | { action: 'accept_withdrawal'; reason: string }
  | { action: 'reschedule'; reason: string; newDueAt: Date }
  | { action: 'rate'; rating: Rating; comment?: string }
  | { action: 'return_result'; method?: ReturnMethod };
type Plain = { action: Exclude<Action, WithData['action']> };

/** A command: the action, an optional note (NoiDungXuLy), and the action's form data. */
export type Command = (WithData | Plain) & { note?: string };

export type Decision = { ok: true; event: HistoryEvent } | Refusal;

const text = (x: unknown): x is string => typeof x === 'string' && x.trim().length > 0;
const invalid = (what: string, vi: string): Refusal => refusal('invalid', what, vi);
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Decides whether the command is accepted and, if so, the event that records it. */
export function decide(state: DossierState, command: Command, env: LifecycleEnv): Decision {
  const { now, calendar, process, agencies, actor } = env;
  const denied = check(state, command.action, actor, env);
  if (denied) return denied;
  const current = state.step;
  const event: HistoryEvent = {
    seq: state.version + 1,
    at: now,
    actorId: actor.userId,
    actorName: actor.name,
    actorTitle: actor.title,
    unitName: actor.unitName ?? '',
    action: command.action,
    note: text(command.note) ? command.note.trim() : ACTION_NAMES[command.action],
    status: state.status ?? 1,
    ...(state.assigneeAgencyId !== null && { assigneeAgencyId: state.assigneeAgencyId }),
  };
  const carried = current && { stepId: current.id, stepIndex: current.index, stepStartedAt: current.startedAt, stepDueAt: current.dueAt };
  /** The event; the current step is carried over unless `clearStep` (the step's processing is over). */
  const ok = (patch: Partial<HistoryEvent>, clearStep = false): Decision => ({
    ok: true,
    event: { ...event, ...(!clearStep && carried), ...patch },
  });
  const enter = (index: number, extra: Record<string, unknown> = {}): Decision => {
    const step = process.steps[index];
    const agencyId = step && resolveAgency(step.actor, agencies);
    if (!step || !agencyId) return refusal('precondition', 'no such step', 'Không có bước xử lý này');
    const data = { ...extra, fromAgencyId: state.assigneeAgencyId, toAgencyId: agencyId };
    return ok({
      status: 4, stepId: step.id, stepIndex: index, stepStartedAt: now,
      stepDueAt: calendar.addWorkingHours(now, step.allowanceHours), assigneeAgencyId: agencyId, data,
    });
  };
  const index = current?.index ?? 0;

  switch (command.action) {
    case 'submit':
      return ok({ status: 1, assigneeAgencyId: agencies.deskId });
    case 'receive':
    case 'register_counter': {
      const dueAt = env.workingDays === null ? undefined : calendar.dueAt(now, env.workingDays);
      const clockStartAt = calendar.receptionClockStart(now);
      return ok({
        status: 2, assigneeAgencyId: agencies.deskId, ...(dueAt && { dueAt }),
        data: { channel: env.channel, workingDays: env.workingDays, clockStartAt: clockStartAt.toISOString(), dueAt: iso(dueAt) },
      });
    }
    case 'refuse':
      if (!text(command.reason)) return invalid('a reason is required (form 03)', 'Phải nêu rõ lý do từ chối (mẫu 03)');
      return ok({ status: 3, data: { reason: command.reason.trim() } }, true);
    case 'request_supplement': {
      const items = Array.isArray(command.items) ? command.items.filter(text).map((s) => s.trim()) : [];
      if (!items.length || !text(command.reason)) {
        return invalid('the missing items and a reason are required (form 02)', 'Phải nêu các giấy tờ cần bổ sung và lý do (mẫu 02)');
      }
      return ok({ status: 5, data: { items, reason: command.reason.trim() } });
    }
    case 'resubmit_supplement': {
      const resume = state.resumeStatus ?? 2;
      const pausedAt = state.pausedAt ?? now;
      const clockStart = state.receivedAt ? calendar.receptionClockStart(state.receivedAt) : now;
      const from = new Date(Math.max(pausedAt.getTime(), clockStart.getTime()));
      const running = state.receivedAt !== null && now.getTime() > from.getTime();
      const pausedHours = running ? calendar.workingHoursBetween(from, now) : 0;
      const dueAt = running && state.dueAt ? calendar.extendForPause(state.dueAt, from, now) : undefined;
      const stepDueAt = current ? calendar.extendForPause(current.dueAt, pausedAt, now) : undefined;
      return ok({
        status: resume, ...(dueAt && { dueAt }), ...(stepDueAt && { stepDueAt }),
        data: { pausedFrom: from.toISOString(), pausedHours, previousDueAt: iso(state.dueAt), dueAt: iso(dueAt ?? state.dueAt) },
      });
    }
    case 'assign':
      return enter(0);
    case 'forward':
      return enter(index + 1);
    case 'transfer':
      return enter(index + 1, { interAgency: true });
    case 'send_back':
      return enter(index - 1, { sentBack: true });
    case 'propose_refusal':
      if (!text(command.reason)) return invalid('a reason is required', 'Phải nêu lý do đề xuất từ chối');
      return ok({ status: 4, data: { reason: command.reason.trim() } });
    case 'approve':
    case 'sign':
      return ok({ status: 4 });
    case 'request_payment':
      if (!Number.isSafeInteger(command.amountVND) || command.amountVND <= 0 || command.amountVND > MAX_AMOUNT_VND) {
        return invalid('the amount must be a whole number of đồng from 1 to 1,000,000,000,000', 'Số tiền phải là số nguyên từ 1 đến 1.000.000.000.000 đồng');
      }
      if (command.feeItems?.length && command.feeItems.reduce((sum, i) => sum + i.amountVND, 0) !== command.amountVND) {
        return invalid('the items must add up to the amount', 'Tổng các khoản phải bằng số tiền yêu cầu');
      }
      return ok({ status: 6, data: { amountVND: command.amountVND, description: command.description ?? null, ...(command.feeItems?.length ? { feeItems: command.feeItems.map((i) => ({ name: i.name, amountVND: i.amountVND })) } : {}) } });
    case 'confirm_payment':
      return ok({ status: state.resumeStatus === 9 ? 9 : 4, data: { amountVND: state.paymentRequested?.amountVND ?? null } });
    case 'issue_result':
      return ok({ status: 9, assigneeAgencyId: agencies.deskId, data: { outcome: state.refusalProposed ? 'refused' : 'granted' } }, true);
    case 'return_result': {
      // Unsaid: an applicant with an account has the signed result in their document store (electronic).
      const method = command.method ?? (env.applicantId ? 'electronic' : 'counter');
      if (!RETURN_METHODS.includes(method)) return invalid('unknown return method', 'Hình thức trả kết quả không hợp lệ');
      return ok({ status: 10, data: { method, electronic: method === 'electronic' } });
    }
    case 'request_withdrawal':
      return ok({ status: 7, data: { reason: text(command.reason) ? command.reason.trim() : null } });
    case 'accept_withdrawal':
      if (!text(command.reason)) return invalid('the stop notice needs a reason', 'Thông báo dừng xử lý phải nêu lý do');
      return ok({ status: 8, data: { reason: command.reason.trim(), stoppedAt: now.toISOString() } }, true);
    case 'reschedule': {
      const newDueAt = command.newDueAt;
      if (!text(command.reason)) return invalid('a reason is required (form 04)', 'Phải nêu lý do chậm trễ (mẫu 04)');
      if (!(newDueAt instanceof Date) || Number.isNaN(newDueAt.getTime()) || !state.dueAt || newDueAt <= state.dueAt) {
        return invalid('the new return date must be later than the current one', 'Ngày hẹn trả mới phải sau ngày hẹn trả hiện tại');
      }
      return ok({
        status: state.status ?? 4, dueAt: newDueAt,
        data: { reason: command.reason.trim(), previousDueAt: iso(state.dueAt), newDueAt: newDueAt.toISOString() },
      });
    }
    case 'rate':
      if (!RATINGS.includes(command.rating)) return invalid('unknown rating', 'Mức đánh giá không hợp lệ');
      return ok({ status: 10, data: { rating: command.rating, comment: command.comment ?? null } });
  }
}
