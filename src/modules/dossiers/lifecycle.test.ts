import { describe, expect, it } from 'vitest';
import {
  ALLOWED,
  allowedActions,
  controlSheet,
  dossierDeadlineState,
  finishedLate,
  overdueSteps,
  reduce,
  stepDeadlineState,
} from './lifecycle.ts';
import { ACTORS, calendar, Driver, vn } from '../../../test/support/lifecycle-testkit.ts';
import { communeSingleStep, departmentThreeStep, interAgency } from './workflow-templates.ts';

const statuses = (d: Driver) => d.history.map((e) => e.status);

describe('happy paths', () => {
  it('commune single step: online submission to rating', () => {
    const d = new Driver(communeSingleStep(24), { workingDays: 3 });
    d.do('applicant', { action: 'submit' }, '2026-03-02T08:00');
    expect(allowedActions(d.state, ACTORS.desk, d.ctx(vn('2026-03-02T08:30')))).toEqual(['receive', 'refuse', 'request_supplement']);
    const received = d.do('desk', { action: 'receive' }, '2026-03-02T09:00');
    expect(received.dueAt).toEqual(calendar.dueAt(vn('2026-03-02T09:00'), 3));
    expect(received.dueAt).toEqual(vn('2026-03-05T09:00'));
    const assigned = d.do('desk', { action: 'assign' }, '2026-03-02T10:00');
    expect(assigned).toMatchObject({ status: 4, stepId: 'handle', stepIndex: 0, assigneeAgencyId: 'HANDLING' });
    expect(assigned.stepDueAt).toEqual(calendar.addWorkingHours(vn('2026-03-02T10:00'), 18));
    expect(d.try('leader', { action: 'forward' }, '2026-03-02T11:00')).toMatchObject({ ok: false, code: 'forbidden' });
    d.do('specialist', { action: 'forward' }, '2026-03-03T10:00');
    expect(d.try('leader', { action: 'issue_result' }, '2026-03-03T11:00')).toMatchObject({ ok: false, code: 'precondition' });
    d.do('leader', { action: 'approve' }, '2026-03-03T14:00');
    d.do('leader', { action: 'sign' }, '2026-03-03T14:05');
    expect(d.do('leader', { action: 'issue_result' }, '2026-03-03T14:10').data).toEqual({ outcome: 'granted' });
    // Unsaid, the return is electronic when the applicant has an account (the result is in their store).
    expect(d.do('desk', { action: 'return_result' }, '2026-03-04T08:00').data).toEqual({ method: 'electronic', electronic: true });
    d.do('applicant', { action: 'rate', rating: 'very_satisfied' }, '2026-03-04T09:00');
    expect(statuses(d)).toEqual([1, 2, 4, 4, 4, 4, 9, 10, 10]);
    expect(d.state).toMatchObject({ status: 10, rating: 'very_satisfied', outcome: 'granted', step: null });
    expect(finishedLate(d.state)).toBe(false);
    expect(reduce(d.history)).toEqual(d.state);
  });

  it('department three steps: counter registration, payment at return, refusal outcome', () => {
    const d = new Driver(departmentThreeStep(80), { channel: 'direct', workingDays: 10 });
    expect(d.try('applicant', { action: 'submit' }, '2026-03-02T08:00')).toMatchObject({ ok: false, code: 'precondition' });
    d.do('desk', { action: 'register_counter' }, '2026-03-02T15:30'); // after 15:00: counts from Tuesday
    expect(d.state.dueAt).toEqual(calendar.addWorkingDays(vn('2026-03-03T07:00'), 10));
    d.do('specialist', { action: 'assign' }, '2026-03-03T08:00');
    d.do('specialist', { action: 'propose_refusal', reason: 'Không đủ điều kiện' }, '2026-03-05T08:00');
    d.do('specialist', { action: 'forward' }, '2026-03-05T08:05');
    d.do('leader', { action: 'send_back', note: 'Xem lại' }, '2026-03-05T09:00');
    expect(d.state).toMatchObject({ step: { id: 'specialist' }, refusalProposed: false });
    d.do('specialist', { action: 'propose_refusal', reason: 'Không đủ điều kiện' }, '2026-03-05T10:00');
    d.do('specialist', { action: 'forward' }, '2026-03-05T10:05');
    d.do('leader', { action: 'approve' }, '2026-03-06T08:00');
    d.do('leader', { action: 'forward' }, '2026-03-06T08:05');
    expect(d.state.approved).toBe(false);
    d.do('leader', { action: 'sign' }, '2026-03-06T09:00');
    d.do('leader', { action: 'issue_result' }, '2026-03-06T09:05');
    expect(d.state.outcome).toBe('refused');
    d.do('desk', { action: 'request_payment', amountVND: 50_000 }, '2026-03-06T10:00');
    expect(d.try('desk', { action: 'return_result' }, '2026-03-06T10:01')).toMatchObject({ ok: false, code: 'not_allowed_in_status' });
    d.do('system', { action: 'confirm_payment' }, '2026-03-06T10:30');
    d.do('desk', { action: 'return_result' }, '2026-03-06T11:00');
    expect(statuses(d).slice(-4)).toEqual([9, 6, 9, 10]);
    expect(controlSheet(d.history).map((v) => [v.stepId, v.endedBy, v.timing])).toEqual([
      ['specialist', 'forward', 'early'],
      ['division_head', 'send_back', 'early'],
      ['specialist', 'forward', 'early'],
      ['division_head', 'forward', 'early'],
      ['agency_leader', 'issue_result', 'early'],
    ]);
  });

  it('inter-agency: transfer to the tax office and back', () => {
    const d = new Driver(interAgency(80, { kind: 'fixed', agencyKind: 'tax_office' }), { channel: 'postal', workingDays: 10 });
    d.do('desk', { action: 'register_counter' }, '2026-03-02T09:00');
    d.do('desk', { action: 'assign' }, '2026-03-02T09:30');
    expect(d.try('specialist', { action: 'forward' }, '2026-03-02T10:00')).toMatchObject({ ok: false, code: 'forbidden' });
    const t = d.do('specialist', { action: 'transfer' }, '2026-03-02T10:00');
    expect(t).toMatchObject({ stepId: 'partner', assigneeAgencyId: 'TAX', data: { fromAgencyId: 'HANDLING', toAgencyId: 'TAX', interAgency: true } });
    expect(allowedActions(d.state, ACTORS.specialist, d.ctx(vn('2026-03-03T08:00')))).toEqual([]);
    // the partner agency may also set the financial obligation or apologise for a delay it causes
    expect(allowedActions(d.state, ACTORS.taxSpecialist, d.ctx(vn('2026-03-03T08:00')))).toEqual(['send_back', 'transfer', 'request_payment', 'reschedule']);
    d.do('taxSpecialist', { action: 'transfer' }, '2026-03-04T08:00');
    d.do('specialist', { action: 'forward' }, '2026-03-05T08:00');
    d.do('leader', { action: 'approve' }, '2026-03-05T09:00');
    d.do('leader', { action: 'sign' }, '2026-03-05T09:10');
    d.do('leader', { action: 'issue_result' }, '2026-03-05T09:20');
    expect(d.try('desk', { action: 'return_result', method: 'pigeon' as never }, '2026-03-05T10:00')).toMatchObject({ ok: false, code: 'invalid' });
    expect(d.do('desk', { action: 'return_result', method: 'postal' }, '2026-03-05T10:00').data).toEqual({ method: 'postal', electronic: false });
    expect(d.history.map((e) => e.assigneeAgencyId)).toEqual(['DESK', 'HANDLING', 'TAX', 'HANDLING', 'HANDLING', 'HANDLING', 'HANDLING', 'DESK', 'DESK']);
    expect(reduce(d.history)).toEqual(d.state);
  });
});

describe('timing', () => {
  it('a supplement request stops the clock; resubmission moves the due date by the time waited', () => {
    const d = new Driver(departmentThreeStep(40), { workingDays: 5 });
    d.do('applicant', { action: 'submit' }, '2026-03-02T08:00');
    d.do('desk', { action: 'receive' }, '2026-03-02T09:00');
    d.do('desk', { action: 'assign' }, '2026-03-02T09:00');
    const due = d.state.dueAt!;
    const stepDue = d.state.step!.dueAt;
    expect(d.try('specialist', { action: 'request_supplement', items: [], reason: 'x' }, '2026-03-03T09:00')).toMatchObject({ ok: false, code: 'invalid' });
    const req = d.do('specialist', { action: 'request_supplement', items: ['Bản sao CCCD'], reason: 'Thiếu giấy tờ' }, '2026-03-03T09:00');
    expect(req).toMatchObject({ status: 5, data: { items: ['Bản sao CCCD'], reason: 'Thiếu giấy tờ' } });
    // nearing/overdue are frozen while waiting on the applicant
    expect(dossierDeadlineState(d.state, vn('2026-04-30T09:00'), calendar)).toBe('on_time');
    expect(d.try('otherCitizen', { action: 'resubmit_supplement' }, '2026-03-05T09:00')).toMatchObject({ ok: false, code: 'forbidden' });
    const back = d.do('applicant', { action: 'resubmit_supplement' }, '2026-03-05T09:00');
    expect(back.status).toBe(4);
    expect(back.data?.pausedHours).toBe(16);
    expect(d.state.dueAt).toEqual(calendar.addWorkingHours(due, 16));
    expect(d.state.dueAt).toEqual(calendar.extendForPause(due, vn('2026-03-03T09:00'), vn('2026-03-05T09:00')));
    expect(d.state.step!.dueAt).toEqual(calendar.addWorkingHours(stepDue, 16));
    expect(d.state).toMatchObject({ pausedAt: null, pausedHours: 16, step: { id: 'specialist' } });
  });

  it('a supplement requested before the clock starts (after 15:00) waits nothing off the clock', () => {
    const d = new Driver(communeSingleStep(24), { channel: 'direct', workingDays: 3 });
    d.do('desk', { action: 'register_counter' }, '2026-03-02T15:30');
    const due = d.state.dueAt;
    d.do('desk', { action: 'request_supplement', items: ['Tờ khai'], reason: 'Thiếu' }, '2026-03-02T16:00');
    d.do('desk', { action: 'resubmit_supplement' }, '2026-03-02T16:30');
    expect(d.state).toMatchObject({ status: 2, dueAt: due, pausedHours: 0 });
  });

  it('reschedules once, then refuses a second time', () => {
    const d = new Driver(departmentThreeStep(40), { workingDays: 5 });
    d.do('applicant', { action: 'submit' }, '2026-03-02T08:00');
    d.do('desk', { action: 'receive' }, '2026-03-02T09:00');
    d.do('desk', { action: 'assign' }, '2026-03-02T09:00');
    const due = d.state.dueAt!;
    expect(due).toEqual(vn('2026-03-09T09:00'));
    const newDueAt = vn('2026-03-12T17:00');
    expect(d.try('specialist', { action: 'reschedule', reason: '', newDueAt }, '2026-03-05T09:00')).toMatchObject({ ok: false, code: 'invalid' });
    expect(d.try('specialist', { action: 'reschedule', reason: 'x', newDueAt: due }, '2026-03-05T09:00')).toMatchObject({ ok: false, code: 'invalid' });
    const e = d.do('leader', { action: 'reschedule', reason: 'Cần xác minh thực địa', newDueAt }, '2026-03-05T09:00');
    expect(e).toMatchObject({ status: 4, dueAt: newDueAt, data: { previousDueAt: due.toISOString(), newDueAt: newDueAt.toISOString() } });
    expect(d.state).toMatchObject({ rescheduled: true, dueAt: newDueAt });
    const again = d.try('leader', { action: 'reschedule', reason: 'Lần hai', newDueAt: vn('2026-03-20T17:00') }, '2026-03-06T09:00');
    expect(again).toMatchObject({ ok: false, code: 'precondition', reason: expect.stringMatching(/only once/) });
    expect(allowedActions(d.state, ACTORS.leader, d.ctx(vn('2026-03-06T09:00')))).not.toContain('reschedule');
  });

  it('refuses to reschedule inside the last working day before the due date', () => {
    const d = new Driver(departmentThreeStep(40), { workingDays: 5 });
    d.do('applicant', { action: 'submit' }, '2026-03-02T08:00');
    d.do('desk', { action: 'receive' }, '2026-03-02T09:00'); // due Monday 2026-03-09 09:00
    d.do('desk', { action: 'assign' }, '2026-03-02T09:00');
    const cmd = { action: 'reschedule', reason: 'Chậm', newDueAt: vn('2026-03-13T17:00') } as const;
    expect(d.try('leader', cmd, '2026-03-06T09:00').ok).toBe(true); // exactly 8 office hours before
    const late = d.try('leader', cmd, '2026-03-06T09:01');
    expect(late).toMatchObject({ ok: false, code: 'precondition', reasonVi: expect.stringMatching(/01 ngày làm việc/) });
    expect(dossierDeadlineState(d.state, vn('2026-03-06T09:01'), calendar)).toBe('nearing_due');
    expect(dossierDeadlineState(d.state, vn('2026-03-09T09:01'), calendar)).toBe('overdue');
  });

  it('derives step overdue for escalation, and lateness once finished', () => {
    const d = new Driver(communeSingleStep(8), { workingDays: 1 });
    d.do('applicant', { action: 'submit' }, '2026-03-02T08:00');
    d.do('desk', { action: 'receive' }, '2026-03-02T08:00');
    d.do('desk', { action: 'assign' }, '2026-03-02T08:00'); // 6 h allowance: due 16:00
    expect(overdueSteps(d.state, vn('2026-03-02T16:00'))).toEqual([]);
    expect(stepDeadlineState(d.state, vn('2026-03-02T16:01'), calendar)).toBe('overdue');
    expect(overdueSteps(d.state, vn('2026-03-02T16:01'))).toEqual([
      { stepId: 'handle', stepIndex: 0, agencyId: 'HANDLING', startedAt: vn('2026-03-02T08:00'), dueAt: vn('2026-03-02T16:00') },
    ]);
    d.do('specialist', { action: 'forward' }, '2026-03-03T08:00');
    d.do('leader', { action: 'sign' }, '2026-03-03T09:00');
    d.do('leader', { action: 'issue_result' }, '2026-03-03T09:00');
    expect(finishedLate(d.state)).toBe(true);
    expect(dossierDeadlineState(d.state, vn('2026-03-03T09:00'), calendar)).toBe('overdue');
  });
});

describe('withdrawal, refusal and rating', () => {
  it('withdrawal on the applicant request stops processing with a stop notice', () => {
    const d = new Driver(departmentThreeStep(40));
    d.do('applicant', { action: 'submit' }, '2026-03-02T08:00');
    d.do('desk', { action: 'receive' }, '2026-03-02T09:00');
    d.do('desk', { action: 'assign' }, '2026-03-02T09:30');
    expect(d.try('desk', { action: 'request_withdrawal' }, '2026-03-02T10:00')).toMatchObject({ ok: false, code: 'forbidden' });
    d.do('applicant', { action: 'request_withdrawal', reason: 'Không còn nhu cầu' }, '2026-03-02T10:00');
    expect(allowedActions(d.state, ACTORS.specialist, d.ctx(vn('2026-03-02T10:30')))).toEqual([]);
    expect(d.try('leader', { action: 'accept_withdrawal', reason: '' }, '2026-03-02T11:00')).toMatchObject({ ok: false, code: 'invalid' });
    const stop = d.do('leader', { action: 'accept_withdrawal', reason: 'Theo đề nghị của công dân' }, '2026-03-02T11:00');
    expect(stop).toMatchObject({ status: 8, data: { reason: 'Theo đề nghị của công dân' } });
    expect('stepId' in stop).toBe(false);
    expect(d.state.step).toBeNull();
    for (const a of Object.values(ACTORS)) expect(allowedActions(d.state, a, d.ctx(vn('2026-03-03T08:00')))).toEqual([]);
    expect(dossierDeadlineState(d.state, vn('2026-04-01T08:00'), calendar)).toBeNull();
  });

  it('refusal at reception needs a reason (form 03) and is final', () => {
    const d = new Driver(communeSingleStep(24));
    d.do('applicant', { action: 'submit' }, '2026-03-02T08:00');
    expect(d.try('otherDesk', { action: 'refuse', reason: 'x' }, '2026-03-02T09:00')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(d.try('desk', { action: 'refuse', reason: '  ' }, '2026-03-02T09:00')).toMatchObject({ ok: false, code: 'invalid' });
    d.do('desk', { action: 'refuse', reason: 'Không thuộc thẩm quyền' }, '2026-03-02T09:00');
    expect(d.state.status).toBe(3);
    expect(ALLOWED[3]).toEqual([]);
  });

  it('rates once, only after the result is returned, only by the applicant', () => {
    const d = new Driver(communeSingleStep(24));
    d.do('applicant', { action: 'submit' }, '2026-03-02T08:00');
    d.do('desk', { action: 'receive' }, '2026-03-02T09:00');
    d.do('desk', { action: 'assign' }, '2026-03-02T09:00');
    d.do('specialist', { action: 'forward' }, '2026-03-02T10:00');
    d.do('leader', { action: 'sign' }, '2026-03-02T11:00');
    d.do('leader', { action: 'issue_result' }, '2026-03-02T11:00');
    expect(d.try('applicant', { action: 'rate', rating: 'satisfied' }, '2026-03-02T13:00')).toMatchObject({ ok: false, code: 'not_allowed_in_status' });
    d.do('desk', { action: 'return_result' }, '2026-03-02T14:00');
    expect(d.try('otherCitizen', { action: 'rate', rating: 'satisfied' }, '2026-03-02T15:00')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(d.try('applicant', { action: 'rate', rating: 'great' as never }, '2026-03-02T15:00')).toMatchObject({ ok: false, code: 'invalid' });
    d.do('applicant', { action: 'rate', rating: 'not_satisfied' }, '2026-03-02T15:00');
    expect(d.try('applicant', { action: 'rate', rating: 'satisfied' }, '2026-03-02T16:00')).toMatchObject({ ok: false, code: 'precondition' });
    expect(d.state.rating).toBe('not_satisfied');
  });

  it('refuses an action dated before the last event', () => {
    const d = new Driver(communeSingleStep(24));
    d.do('applicant', { action: 'submit' }, '2026-03-02T08:00');
    expect(d.try('desk', { action: 'receive' }, '2026-03-02T07:59')).toMatchObject({ ok: false, code: 'invalid' });
  });
});
