/**
 * The default public holidays of a year, computed from Labour Code 2019 Art. 112 (45/2019/QH14):
 * New Year 1 Jan (1 day), Tết (5 days), Hùng Kings 10/3 lunar (1), 30 April (1), 1 May (1),
 * National Day 2 Sep plus one adjacent day (2). Art. 112(3): a holiday falling on a weekly rest day
 * gives a day off on the next working day (nghỉ bù).
 *
 * Which 5 days make Tết and which day joins 2 September are chosen by the Prime Minister each year;
 * here they are rules in `HolidayRules`, and the published schedule (schedules.ts) overrides the
 * computed result for the years it covers.
 */
import { dayNumberToIso, weekdayOf, ymdToDayNumber } from './dates.ts';
import { lunarToSolar } from './lunar.ts';
import type { DayOff } from './types.ts';

export interface HolidayName {
  nameVi: string;
  nameEn: string;
}

export const HOLIDAY_NAMES = {
  newYear: { nameVi: 'Tết Dương lịch', nameEn: "New Year's Day" },
  tet: { nameVi: 'Tết Nguyên Đán', nameEn: 'Lunar New Year (Tết)' },
  hungKings: { nameVi: 'Giỗ Tổ Hùng Vương', nameEn: "Hùng Kings' Commemoration Day" },
  reunification: { nameVi: 'Ngày Chiến thắng', nameEn: 'Reunification Day' },
  labourDay: { nameVi: 'Ngày Quốc tế Lao động', nameEn: 'International Labour Day' },
  nationalDay: { nameVi: 'Quốc khánh', nameEn: 'National Day' },
} as const satisfies Record<string, HolidayName>;

export type AdjacentSide = 'before' | 'after';
/** Indexed by weekday, 0 = Sunday … 6 = Saturday. */
export type ByWeekday<T> = readonly [T, T, T, T, T, T, T];

export interface HolidayRules {
  /** Holidays on a fixed Gregorian date (National Day apart, see `nationalDay`). */
  solar: readonly { month: number; day: number; name: HolidayName }[];
  /** Holidays on a fixed lunar date (Tết apart, see `tet`). */
  lunar: readonly { month: number; day: number; name: HolidayName }[];
  tet: {
    /** Days off as offsets from lunar 1/1 (offset -1 is the last day of the old lunar year). */
    offsets: readonly number[];
    /**
     * Where Tết days that fall on a weekend are given back, as offsets from lunar 1/1 in order of
     * preference (taken only if a free weekday); once used up, the next working days after Tết.
     */
    substituteOffsets: readonly number[];
  };
  nationalDay: {
    month: number;
    day: number;
    name: HolidayName;
    /** The second day: before (1 Sep) or after (3 Sep), fixed or by the weekday of 2 September. */
    adjacent: AdjacentSide | ByWeekday<AdjacentSide>;
  };
}

/**
 * Defaults reproduce the common government pattern and the shared holiday data for 2024–2027:
 * - Tết = the last day of the lunar year + days 1–4 of month 1; weekend Tết days are given back on the
 *   day before the eve, then day 5, then day 6, then two days before the eve (Tết 2024: 8–14 Feb);
 * - 2 September joins the side that makes the longer break (2024: 2–3 Sep, 2025/2026: 1–2 Sep,
 *   2027: 2–3 Sep).
 */
export const DEFAULT_HOLIDAY_RULES: HolidayRules = {
  solar: [
    { month: 1, day: 1, name: HOLIDAY_NAMES.newYear },
    { month: 4, day: 30, name: HOLIDAY_NAMES.reunification },
    { month: 5, day: 1, name: HOLIDAY_NAMES.labourDay },
  ],
  lunar: [{ month: 3, day: 10, name: HOLIDAY_NAMES.hungKings }],
  tet: { offsets: [-1, 0, 1, 2, 3], substituteOffsets: [-2, 4, 5, -3] },
  nationalDay: {
    month: 9,
    day: 2,
    name: HOLIDAY_NAMES.nationalDay,
    //        Sun      Mon      Tue       Wed       Thu      Fri       Sat
    adjacent: ['after', 'after', 'before', 'before', 'after', 'before', 'before'],
  },
};

export const DEFAULT_WEEKEND_DAYS: readonly number[] = [6, 0];

interface Statutory {
  day: number;
  name: HolidayName;
  tet?: boolean;
}

function substituteName(name: HolidayName): HolidayName {
  return { nameVi: `Nghỉ bù ${name.nameVi}`, nameEn: `${name.nameEn} (substitute day)` };
}

/**
 * The computed days off of a Gregorian year: statutory days (also those on a weekend) and the
 * weekdays given back for statutory days that fell on a weekend. Sorted by date.
 */
export function computeDefaultDaysOff(
  year: number,
  rules: HolidayRules = DEFAULT_HOLIDAY_RULES,
  weekendDays: readonly number[] = DEFAULT_WEEKEND_DAYS,
): DayOff[] {
  const isWeekend = (day: number): boolean => weekendDays.includes(weekdayOf(day));
  const others: Statutory[] = [];
  for (const h of rules.solar) others.push({ day: ymdToDayNumber({ y: year, m: h.month, d: h.day }), name: h.name });
  for (const h of rules.lunar) {
    const date = lunarToSolar({ day: h.day, month: h.month, year, leap: false });
    others.push({ day: ymdToDayNumber(date), name: h.name });
  }
  const nd = rules.nationalDay;
  const ndDay = ymdToDayNumber({ y: year, m: nd.month, d: nd.day });
  const side = typeof nd.adjacent === 'string' ? nd.adjacent : nd.adjacent[weekdayOf(ndDay)];
  others.push({ day: ndDay, name: nd.name }, { day: side === 'before' ? ndDay - 1 : ndDay + 1, name: nd.name });

  const tetStart = ymdToDayNumber(lunarToSolar({ day: 1, month: 1, year, leap: false }));
  const tetDays = rules.tet.offsets.map((offset) => tetStart + offset);

  const off = new Map<number, DayOff>();
  const owed: Statutory[] = []; // statutory days on a weekend, or on another holiday
  const isFree = (day: number): boolean => !isWeekend(day) && !off.has(day);
  for (const s of [...tetDays.map((day) => ({ day, name: HOLIDAY_NAMES.tet, tet: true })), ...others]) {
    if (!isFree(s.day)) owed.push(s);
    if (!off.has(s.day)) off.set(s.day, { date: dayNumberToIso(s.day), ...s.name, kind: 'statutory' });
  }
  const giveBack = (day: number, name: HolidayName): void => {
    off.set(day, { date: dayNumberToIso(day), ...substituteName(name), kind: 'substitute' });
  };
  const nextFree = (after: number): number => {
    let day = after + 1;
    while (!isFree(day)) day++;
    return day;
  };

  // Tết first: its days are given back by the Tết rule, then after Tết.
  let owedTet = owed.filter((s) => s.tet).length;
  for (const offset of rules.tet.substituteOffsets) {
    if (owedTet === 0) break;
    if (isFree(tetStart + offset)) {
      giveBack(tetStart + offset, HOLIDAY_NAMES.tet);
      owedTet--;
    }
  }
  let last = Math.max(...tetDays);
  for (; owedTet > 0; owedTet--) {
    last = nextFree(last);
    giveBack(last, HOLIDAY_NAMES.tet);
  }
  // Others (Art. 112(3)): the next working day, in date order.
  const owedOthers = owed.filter((s) => !s.tet).sort((a, b) => a.day - b.day);
  for (const s of owedOthers) giveBack(nextFree(s.day), s.name);

  return [...off.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
