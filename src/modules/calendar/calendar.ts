/**
 * The working calendar of an agency: working days, office hours, and the time-limit rules of the
 * one-stop mechanism (Decree 118/2025/NĐ-CP). Pure: the clock is always an argument.
 *
 * Conventions (see also working-time.ts):
 * - time limits are counted in office time; one working day = `hoursPerDay` (8 h by default);
 * - a deadline landing exactly on a block end stays there (17:00, 11:30), not at the next opening;
 * - a dossier received strictly after the cut-off (15:00) of a working day, or on a day that is not a
 *   working day, counts from the next working day's opening; otherwise from its reception, or the
 *   next opening if received outside office hours (e.g. 12:00 → 13:30);
 * - a deadline is overdue strictly after it (finishing at the due instant is on time), and nearing
 *   due when at most `nearingDueHours` of office time remain (default: one working day, inclusive).
 */
import { HOUR_MS, fromLocalMs, isoToDayNumber, toLocalMs, DAY_MS } from './dates.ts';
import type { IsoDate } from './dates.ts';
import { createDayResolver } from './day-status.ts';
import type { DayResolver } from './day-status.ts';
import { DEFAULT_HOLIDAY_RULES, DEFAULT_WEEKEND_DAYS } from './holidays.ts';
import type { HolidayRules } from './holidays.ts';
import { resolveOfficeHours } from './office-hours.ts';
import type { OfficeHours, OfficeHoursConfig } from './office-hours.ts';
import { OFFICIAL_SCHEDULES } from './schedules.ts';
import type { DayStatus, YearSchedule } from './types.ts';
import { addWorkingMs, nextOpeningMs, nextWorkingDayOpeningMs, workingMsBetween } from './working-time.ts';
import type { WorkingTimeContext } from './working-time.ts';

export interface CalendarOptions {
  /** Published schedules overriding the computed holidays. Default: OFFICIAL_SCHEDULES; [] = rules only. */
  schedules?: readonly YearSchedule[];
  /** The agency's office hours. Default 07:00–11:30, 13:30–17:00, cut-off 15:00. */
  officeHours?: OfficeHoursConfig;
  holidayRules?: HolidayRules;
  /** Weekly rest days, 0 = Sunday … 6 = Saturday. Default Saturday and Sunday. */
  weekendDays?: readonly number[];
  /** Office hours left at or below which a deadline is nearing due. Default: one working day. */
  nearingDueHours?: number;
}

export type DeadlineState = 'on_time' | 'nearing_due' | 'overdue';

export interface WorkingCalendar {
  readonly officeHours: OfficeHours;
  readonly hoursPerDay: number;
  /** Throws RangeError for anything but a real 'YYYY-MM-DD'. */
  isWorkingDay(date: IsoDate): DayStatus;
  /** Days off (beyond ordinary weekends) and make-up days of a year, and where they come from. */
  yearPlan(year: number): ReturnType<DayResolver['year']>;
  addWorkingHours(start: Date, hours: number): Date;
  addWorkingDays(start: Date, days: number): Date;
  /** Office hours between a and b; negative if b is before a. */
  workingHoursBetween(a: Date, b: Date): number;
  /** The first instant at or after `at` within office hours. */
  nextOpening(at: Date): Date;
  receptionClockStart(receivedAt: Date): Date;
  dueAt(receivedAt: Date, workingDays: number): Date;
  /** The due date moved by the office time spent waiting on the applicant. */
  extendForPause(dueAt: Date, pausedFrom: Date, resumedAt: Date): Date;
  deadlineState(dueAt: Date, now: Date, opts?: { nearingDueHours?: number }): DeadlineState;
}

function checkAmount(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what} must be a finite number ≥ 0, got ${value}`);
}

export function createCalendar(opts: CalendarOptions = {}): WorkingCalendar {
  const hours = resolveOfficeHours(opts.officeHours);
  const resolver = createDayResolver({
    schedules: opts.schedules ?? OFFICIAL_SCHEDULES,
    holidayRules: opts.holidayRules ?? DEFAULT_HOLIDAY_RULES,
    weekendDays: opts.weekendDays ?? DEFAULT_WEEKEND_DAYS,
  });
  const ctx: WorkingTimeContext = { isWorking: resolver.isWorking, hours };
  const defaultNearing = opts.nearingDueHours ?? hours.hoursPerDay;
  checkAmount(defaultNearing, 'nearingDueHours');

  const addWorkingHours = (start: Date, h: number): Date => {
    checkAmount(h, 'Working hours');
    return fromLocalMs(addWorkingMs(ctx, toLocalMs(start), Math.round(h * HOUR_MS)));
  };
  const addWorkingDays = (start: Date, days: number): Date => {
    checkAmount(days, 'Working days');
    return addWorkingHours(start, days * hours.hoursPerDay);
  };
  const workingHoursBetween = (a: Date, b: Date): number =>
    workingMsBetween(ctx, toLocalMs(a), toLocalMs(b)) / HOUR_MS;

  const receptionClockStart = (receivedAt: Date): Date => {
    const local = toLocalMs(receivedAt);
    const day = Math.floor(local / DAY_MS);
    if (!resolver.isWorking(day) || local - day * DAY_MS > hours.cutoff) {
      return fromLocalMs(nextWorkingDayOpeningMs(ctx, day));
    }
    return fromLocalMs(nextOpeningMs(ctx, local));
  };

  return {
    officeHours: hours,
    hoursPerDay: hours.hoursPerDay,
    isWorkingDay: (date) => resolver.status(isoToDayNumber(date)),
    yearPlan: (year) => resolver.year(year),
    addWorkingHours,
    addWorkingDays,
    workingHoursBetween,
    nextOpening: (at) => fromLocalMs(nextOpeningMs(ctx, toLocalMs(at))),
    receptionClockStart,
    dueAt: (receivedAt, workingDays) => addWorkingDays(receptionClockStart(receivedAt), workingDays),
    extendForPause: (dueAt, pausedFrom, resumedAt) => {
      if (resumedAt.getTime() < pausedFrom.getTime()) throw new RangeError('A pause cannot end before it starts');
      const paused = workingMsBetween(ctx, toLocalMs(pausedFrom), toLocalMs(resumedAt));
      return fromLocalMs(addWorkingMs(ctx, toLocalMs(dueAt), paused));
    },
    deadlineState: (dueAt, now, stateOpts) => {
      const nearing = stateOpts?.nearingDueHours ?? defaultNearing;
      checkAmount(nearing, 'nearingDueHours');
      if (toLocalMs(now) > toLocalMs(dueAt)) return 'overdue';
      const left = workingMsBetween(ctx, toLocalMs(now), toLocalMs(dueAt));
      return left <= Math.round(nearing * HOUR_MS) ? 'nearing_due' : 'on_time';
    },
  };
}
