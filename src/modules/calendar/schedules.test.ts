import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar.ts';
import { OFFICIAL_SCHEDULES } from './schedules.ts';
import type { YearSchedule } from './types.ts';

const cal = createCalendar();
const working = (date: string) => cal.isWorkingDay(date).working;

describe('isWorkingDay with the published schedules', () => {
  it('reports reasons in Vietnamese and English', () => {
    expect(cal.isWorkingDay('2026-02-16')).toMatchObject({ working: false, reason: 'Tết Nguyên Đán' });
    expect(cal.isWorkingDay('2026-03-14')).toMatchObject({ working: false, reason: 'Thứ Bảy', reasonEn: 'Saturday' });
    expect(cal.isWorkingDay('2026-03-15')).toMatchObject({ working: false, reason: 'Chủ Nhật', reasonEn: 'Sunday' });
    expect(cal.isWorkingDay('2026-03-16')).toMatchObject({ working: true, reason: 'Ngày làm việc', reasonEn: 'Working day' });
    expect(cal.isWorkingDay('2025-04-26')).toEqual({
      date: '2025-04-26',
      working: true,
      reason: 'Ngày làm bù',
      reasonEn: 'Make-up working day',
      kind: 'make_up',
    });
  });

  it('2025: Tết 25 Jan – 2 Feb, Hùng Kings 7 Apr, 30/4–2/5 with Sat 26 Apr worked, National Day 30 Aug – 2 Sep', () => {
    for (const d of ['2025-01-01', '2025-01-27', '2025-01-31', '2025-04-07', '2025-04-30', '2025-05-01', '2025-05-02', '2025-09-01', '2025-09-02']) {
      expect(working(d), d).toBe(false);
    }
    expect(cal.isWorkingDay('2025-01-25').reason).toBe('Tết Nguyên Đán');
    expect(cal.isWorkingDay('2025-05-02').reason).toBe('Nghỉ hoán đổi (làm bù ngày 26/04/2025)');
    expect(working('2025-02-03')).toBe(true);
    expect(working('2025-04-26')).toBe(true);
    // Notice 6150/TB-BLĐTBXH: the 2025 Tết break is 5 Tết days + 4 weekend days, with no make-up day,
    // so Saturday 8 Feb 2025 stayed a rest day.
    expect(cal.isWorkingDay('2025-02-08')).toMatchObject({ working: false, reason: 'Thứ Bảy' });
  });

  it('2026: New Year 1–4 Jan with Sat 10 Jan worked, Tết 14–22 Feb, Hùng Kings → Mon 27 Apr, 30/4–1/5, 1–2 Sep', () => {
    for (const d of ['2026-01-01', '2026-01-02', '2026-02-16', '2026-02-20', '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02']) {
      expect(working(d), d).toBe(false);
    }
    expect(cal.isWorkingDay('2026-02-14').reason).toBe('Tết Nguyên Đán');
    expect(cal.isWorkingDay('2026-04-27').reason).toBe('Nghỉ bù Giỗ Tổ Hùng Vương');
    expect(working('2026-01-10')).toBe(true);
    expect(working('2026-02-13')).toBe(true);
    expect(working('2026-02-23')).toBe(true);
    expect(working('2026-04-28')).toBe(true);
  });

  it('2024: the swap of Mon 29 Apr with Sat 4 May', () => {
    expect(working('2024-04-29')).toBe(false);
    expect(working('2024-05-04')).toBe(true);
    expect(working('2024-02-14')).toBe(false);
  });

  it('falls back to the computed default for a year without a schedule', () => {
    expect(cal.yearPlan(2027).source).toBe('computed');
    expect(cal.yearPlan(2026).source).toBe('schedule');
    expect(cal.isWorkingDay('2027-02-04')).toMatchObject({ working: false, reason: 'Nghỉ bù Tết Nguyên Đán' });
    expect(working('2027-05-03')).toBe(false);
    expect(working('2027-05-04')).toBe(true);
  });

  it('uses rules only when given no schedules', () => {
    const rulesOnly = createCalendar({ schedules: [] });
    expect(rulesOnly.isWorkingDay('2025-05-02').working).toBe(true);
    expect(rulesOnly.isWorkingDay('2025-04-26').working).toBe(false);
    expect(rulesOnly.isWorkingDay('2026-01-02').working).toBe(true);
  });

  it('rejects invalid dates and inconsistent schedules', () => {
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => cal.isWorkingDay('16/02/2026')).toThrow(RangeError);
    const base: YearSchedule = { year: 2030, sources: ['test'], daysOff: [], makeUpWorkdays: [] };
    expect(() => createCalendar({ schedules: [base, base] })).toThrow(/Two schedules/);
    expect(() => createCalendar({ schedules: [{ ...base, makeUpWorkdays: [{ date: '2030-01-02', replaces: '2030-01-03' }] }] })).toThrow(
      /not a weekly rest day/,
    );
    expect(() =>
      createCalendar({ schedules: [{ ...base, daysOff: [{ date: '2031-01-01', nameVi: 'x', nameEn: 'x', kind: 'statutory' }] }] }),
    ).toThrow(/another year/);
  });

  it('keeps every published entry consistent: swapped days point at a make-up day of the same schedule', () => {
    for (const s of OFFICIAL_SCHEDULES) {
      expect(s.sources.length).toBeGreaterThan(0);
      const swapped = s.daysOff.filter((d) => d.kind === 'swapped').map((d) => d.date);
      expect(swapped.sort()).toEqual(s.makeUpWorkdays.map((m) => m.replaces).sort());
    }
  });
});
