/**
 * Whether a calendar day is a working day: the published schedule for its year if there is one,
 * otherwise the computed default; then weekly rest days. Make-up Saturdays are working days.
 */
import { WEEKDAY_EN, WEEKDAY_VI, dayNumberToIso, isoToDayNumber, weekdayOf } from './dates.ts';
import type { IsoDate } from './dates.ts';
import { computeDefaultDaysOff } from './holidays.ts';
import type { HolidayRules } from './holidays.ts';
import type { DayOff, DayStatus, MakeUpWorkday, YearSchedule } from './types.ts';

export interface DayResolverOptions {
  schedules: readonly YearSchedule[];
  holidayRules: HolidayRules;
  weekendDays: readonly number[];
}

export interface DayResolver {
  /** Fast path for the arithmetic: is this day number (days since 1970-01-01) a working day? */
  isWorking(dayNumber: number): boolean;
  status(dayNumber: number): DayStatus;
  /** The days off (other than ordinary weekends) and make-up days of a year, sorted by date. */
  year(year: number): { source: 'schedule' | 'computed'; daysOff: DayOff[]; makeUpWorkdays: MakeUpWorkday[] };
}

interface YearPlan {
  source: 'schedule' | 'computed';
  daysOff: Map<IsoDate, DayOff>;
  makeUps: Map<IsoDate, MakeUpWorkday>;
}

const byDate = <T extends { date: IsoDate }>(a: T, b: T): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

function checkSchedules(schedules: readonly YearSchedule[], weekendDays: readonly number[]): void {
  const years = new Set<number>();
  for (const s of schedules) {
    if (years.has(s.year)) throw new Error(`Two schedules for year ${s.year}`);
    years.add(s.year);
    const off = new Set<IsoDate>();
    for (const d of s.daysOff) {
      if (!d.date.startsWith(`${s.year}-`)) throw new Error(`Schedule ${s.year}: day off ${d.date} is in another year`);
      isoToDayNumber(d.date); // throws on an invalid date
      off.add(d.date);
    }
    for (const m of s.makeUpWorkdays) {
      if (!m.date.startsWith(`${s.year}-`)) throw new Error(`Schedule ${s.year}: make-up day ${m.date} is in another year`);
      if (!weekendDays.includes(weekdayOf(isoToDayNumber(m.date)))) {
        throw new Error(`Schedule ${s.year}: make-up day ${m.date} is not a weekly rest day`);
      }
      if (off.has(m.date)) throw new Error(`Schedule ${s.year}: ${m.date} is both a day off and a make-up day`);
    }
  }
}

export function createDayResolver(opts: DayResolverOptions): DayResolver {
  const { schedules, holidayRules, weekendDays } = opts;
  checkSchedules(schedules, weekendDays);
  const plans = new Map<number, YearPlan>();

  const plan = (year: number): YearPlan => {
    let p = plans.get(year);
    if (!p) {
      const published = schedules.find((s) => s.year === year);
      const daysOff = published ? published.daysOff : computeDefaultDaysOff(year, holidayRules, weekendDays);
      p = {
        source: published ? 'schedule' : 'computed',
        daysOff: new Map(daysOff.map((d) => [d.date, d])),
        makeUps: new Map((published?.makeUpWorkdays ?? []).map((m) => [m.date, m])),
      };
      plans.set(year, p);
    }
    return p;
  };

  const status = (dayNumber: number): DayStatus => {
    const date = dayNumberToIso(dayNumber);
    const p = plan(Number(date.slice(0, 4)));
    if (p.makeUps.has(date)) return { date, working: true, reason: 'Ngày làm bù', reasonEn: 'Make-up working day', kind: 'make_up' };
    const off = p.daysOff.get(date);
    if (off) return { date, working: false, reason: off.nameVi, reasonEn: off.nameEn, kind: 'day_off' };
    const weekday = weekdayOf(dayNumber);
    if (weekendDays.includes(weekday)) {
      return { date, working: false, reason: WEEKDAY_VI[weekday] ?? '', reasonEn: WEEKDAY_EN[weekday] ?? '', kind: 'weekend' };
    }
    return { date, working: true, reason: 'Ngày làm việc', reasonEn: 'Working day', kind: 'working' };
  };

  return {
    status,
    isWorking: (dayNumber) => status(dayNumber).working,
    year: (year) => {
      const p = plan(year);
      return { source: p.source, daysOff: [...p.daysOff.values()].sort(byDate), makeUpWorkdays: [...p.makeUps.values()].sort(byDate) };
    },
  };
}
