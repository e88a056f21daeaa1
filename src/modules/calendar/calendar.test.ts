import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar.ts';
import { formatVN, parseVnDateTime } from './dates.ts';

const cal = createCalendar();
const at = (s: string) => parseVnDateTime(s);
const vn = (d: Date) => formatVN(d);

describe('addWorkingHours / addWorkingDays', () => {
  it('skips Tết 2026', () => {
    expect(vn(cal.addWorkingDays(at('2026-02-12T09:00:00+07:00'), 3))).toBe('2026-02-24T09:00:00+07:00');
  });

  it('keeps a deadline that lands exactly on a block end at that end', () => {
    expect(vn(cal.addWorkingHours(at('2026-03-10T07:00'), 8))).toBe('2026-03-10T17:00:00+07:00');
    expect(vn(cal.addWorkingHours(at('2026-03-10T07:00'), 4.5))).toBe('2026-03-10T11:30:00+07:00');
    expect(vn(cal.addWorkingDays(at('2026-03-10T07:00'), 1))).toBe('2026-03-10T17:00:00+07:00');
  });

  it('jumps over lunch, evenings and weekends', () => {
    expect(vn(cal.addWorkingHours(at('2026-03-10T10:30'), 2))).toBe('2026-03-10T14:30:00+07:00');
    expect(vn(cal.addWorkingHours(at('2026-03-13T16:00'), 2))).toBe('2026-03-16T08:00:00+07:00'); // Fri → Mon
    expect(vn(cal.addWorkingHours(at('2026-03-10T10:00'), 0.25))).toBe('2026-03-10T10:15:00+07:00');
  });

  it('starts counting at the next opening when starting outside office hours', () => {
    expect(vn(cal.addWorkingHours(at('2026-03-10T18:00'), 1))).toBe('2026-03-11T08:00:00+07:00');
    expect(vn(cal.addWorkingHours(at('2026-03-10T12:00'), 1))).toBe('2026-03-10T14:30:00+07:00');
    expect(vn(cal.addWorkingHours(at('2026-03-14T09:00'), 1))).toBe('2026-03-16T08:00:00+07:00'); // Saturday
    expect(vn(cal.addWorkingHours(at('2026-03-10T11:30'), 1))).toBe('2026-03-10T14:30:00+07:00');
  });

  it('returns the start unchanged for 0 hours', () => {
    expect(vn(cal.addWorkingHours(at('2026-03-14T09:00'), 0))).toBe('2026-03-14T09:00:00+07:00');
  });

  it('counts make-up Saturdays as working days', () => {
    expect(vn(cal.addWorkingDays(at('2025-04-25T09:00'), 1))).toBe('2025-04-26T09:00:00+07:00');
    expect(vn(cal.addWorkingDays(at('2025-04-29T09:00'), 1))).toBe('2025-05-05T09:00:00+07:00'); // 30/4–4/5 off
  });

  it('rejects negative or non-finite amounts and invalid dates', () => {
    expect(() => cal.addWorkingHours(at('2026-03-10T09:00'), -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(at('2026-03-10T09:00'), Number.NaN)).toThrow(RangeError);
    expect(() => cal.addWorkingHours(new Date(Number.NaN), 1)).toThrow(RangeError);
  });
});

describe('workingHoursBetween', () => {
  it('measures office time and is antisymmetric', () => {
    expect(cal.workingHoursBetween(at('2026-03-13T16:00'), at('2026-03-16T08:00'))).toBe(2);
    expect(cal.workingHoursBetween(at('2026-03-16T08:00'), at('2026-03-13T16:00'))).toBe(-2);
    expect(cal.workingHoursBetween(at('2026-03-10T11:00'), at('2026-03-10T14:00'))).toBe(1);
    expect(cal.workingHoursBetween(at('2026-02-13T17:00'), at('2026-02-23T07:00'))).toBe(0);
  });
});

describe('reception and due dates', () => {
  it('counts a dossier received after 15:00 from the next working day', () => {
    expect(vn(cal.receptionClockStart(at('2026-03-10T15:30')))).toBe('2026-03-11T07:00:00+07:00');
    expect(vn(cal.receptionClockStart(at('2026-03-13T15:30')))).toBe('2026-03-16T07:00:00+07:00');
  });

  it('counts from reception up to 15:00 included, or from the next opening', () => {
    expect(vn(cal.receptionClockStart(at('2026-03-10T15:00')))).toBe('2026-03-10T15:00:00+07:00');
    expect(vn(cal.receptionClockStart(at('2026-03-10T09:12')))).toBe('2026-03-10T09:12:00+07:00');
    expect(vn(cal.receptionClockStart(at('2026-03-10T12:00')))).toBe('2026-03-10T13:30:00+07:00');
    expect(vn(cal.receptionClockStart(at('2026-03-10T06:00')))).toBe('2026-03-10T07:00:00+07:00');
  });

  it('counts a dossier received on a non-working day from the next working day', () => {
    expect(vn(cal.receptionClockStart(at('2026-02-16T09:00')))).toBe('2026-02-23T07:00:00+07:00');
    expect(vn(cal.receptionClockStart(at('2026-03-14T08:00')))).toBe('2026-03-16T07:00:00+07:00');
    expect(vn(cal.receptionClockStart(at('2025-04-26T09:00')))).toBe('2025-04-26T09:00:00+07:00'); // make-up day
  });

  it('computes due dates', () => {
    expect(vn(cal.dueAt(at('2026-03-10T10:00'), 5))).toBe('2026-03-17T10:00:00+07:00');
    expect(vn(cal.dueAt(at('2026-03-10T15:30'), 1))).toBe('2026-03-11T17:00:00+07:00');
    expect(vn(cal.dueAt(at('2026-03-10T15:30'), 0))).toBe('2026-03-11T07:00:00+07:00');
  });

  it('moves the due date by the office time of a pause', () => {
    const due = at('2026-03-20T10:00');
    expect(vn(cal.extendForPause(due, at('2026-03-12T10:00'), at('2026-03-13T10:00')))).toBe('2026-03-23T10:00:00+07:00');
    expect(vn(cal.extendForPause(due, at('2026-03-14T10:00'), at('2026-03-15T10:00')))).toBe('2026-03-20T10:00:00+07:00');
    expect(() => cal.extendForPause(due, at('2026-03-13T10:00'), at('2026-03-12T10:00'))).toThrow(RangeError);
  });
});

describe('deadlineState', () => {
  const due = at('2026-03-23T09:00'); // Monday
  it('is nearing due within one working day, overdue strictly after', () => {
    expect(cal.deadlineState(due, at('2026-03-19T16:00'))).toBe('on_time');
    expect(cal.deadlineState(due, at('2026-03-20T09:00'))).toBe('nearing_due'); // exactly 8 h left
    expect(cal.deadlineState(due, at('2026-03-23T09:00'))).toBe('nearing_due');
    expect(cal.deadlineState(due, at('2026-03-23T09:01'))).toBe('overdue');
  });

  it('takes the threshold from the options', () => {
    expect(cal.deadlineState(due, at('2026-03-20T09:00'), { nearingDueHours: 4 })).toBe('on_time');
    expect(createCalendar({ nearingDueHours: 16 }).deadlineState(due, at('2026-03-19T09:00'))).toBe('nearing_due');
  });
});

describe('agency office hours', () => {
  const agency = createCalendar({
    officeHours: { blocks: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }], receptionCutoff: '16:00' },
  });
  it('uses the agency blocks and cut-off', () => {
    expect(agency.hoursPerDay).toBe(8);
    expect(vn(agency.addWorkingHours(at('2026-03-10T11:00'), 2))).toBe('2026-03-10T14:00:00+07:00');
    expect(vn(agency.receptionClockStart(at('2026-03-10T15:30')))).toBe('2026-03-10T15:30:00+07:00');
    expect(vn(agency.receptionClockStart(at('2026-03-10T07:00')))).toBe('2026-03-10T08:00:00+07:00');
  });

  it('rejects invalid office hours', () => {
    expect(() => createCalendar({ officeHours: { blocks: [] } })).toThrow(RangeError);
    expect(() => createCalendar({ officeHours: { blocks: [{ start: '13:00', end: '12:00' }] } })).toThrow(RangeError);
    expect(() => createCalendar({ officeHours: { blocks: [{ start: '7h', end: '12:00' }] } })).toThrow(RangeError);
    expect(() =>
      createCalendar({ officeHours: { blocks: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '17:00' }] } }),
    ).toThrow(RangeError);
  });
});

describe('formatVN / parseVnDateTime', () => {
  it('formats with the +07:00 offset whatever the input offset', () => {
    expect(formatVN(new Date('2026-02-24T02:00:00Z'))).toBe('2026-02-24T09:00:00+07:00');
    expect(formatVN(new Date('2026-02-23T20:30:15.900Z'))).toBe('2026-02-24T03:30:15+07:00');
    expect(formatVN(at('2026-02-24T09:00:00-05:00'))).toBe('2026-02-24T21:00:00+07:00');
    expect(at('2026-02-24T09:00').toISOString()).toBe('2026-02-24T02:00:00.000Z');
  });

  it('rejects malformed date-times', () => {
    for (const s of ['2026-02-24', '2026-02-30T09:00', '2026-02-24T25:00', 'yesterday', '2026-02-24T09:00+7']) {
      expect(() => at(s), s).toThrow(RangeError);
    }
  });
});
