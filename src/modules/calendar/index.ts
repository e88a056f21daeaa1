/**
 * Calendar module: Vietnamese lunar calendar, public holidays, published schedules and working-time
 * arithmetic for time limits. Pure and deterministic: no I/O, the clock is always an argument.
 */
import { defineModule } from '../../platform/module.ts';
import { registerCalendarCommands } from './cli.ts';

export { createCalendar } from './calendar.ts';
export type { CalendarOptions, DeadlineState, WorkingCalendar } from './calendar.ts';
export {
  formatVN,
  formatDayVi,
  parseIsoDate,
  parseVnDateTime,
  vnDateOf,
  DAY_MS,
  HOUR_MS,
  VN_UTC_OFFSET_HOURS,
  WEEKDAY_EN,
  WEEKDAY_VI,
} from './dates.ts';
export type { IsoDate, Ymd } from './dates.ts';
export { computeDefaultDaysOff, DEFAULT_HOLIDAY_RULES, DEFAULT_WEEKEND_DAYS, HOLIDAY_NAMES } from './holidays.ts';
export type { AdjacentSide, ByWeekday, HolidayName, HolidayRules } from './holidays.ts';
export { leapMonthOf, lunarToSolar, solarToLunar, LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from './lunar.ts';
export type { LunarDate } from './lunar.ts';
export { DEFAULT_OFFICE_HOURS, resolveOfficeHours } from './office-hours.ts';
export type { ClockTime, OfficeHours, OfficeHoursConfig } from './office-hours.ts';
export { OFFICIAL_SCHEDULES } from './schedules.ts';
export type { DayOff, DayOffKind, DayStatus, DayStatusKind, MakeUpWorkday, YearSchedule } from './types.ts';

/** The working-time calendar: pure rules, no tables; its commands answer working-day questions. */
export const calendarModule = defineModule({
  name: 'calendar',
  tables: [],
  commands: (program) => registerCalendarCommands(program),
});
