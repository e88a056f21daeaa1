/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically for UTC+7 (105°E).
 *
 * Method (the classic one used for Vietnamese calendars):
 * - a lunar month starts on the local day of the new moon;
 * - month 11 is the month containing the December solstice;
 * - when 13 new moons separate two months 11, the first month after month 11 that contains no
 *   principal solar term (the sun's longitude crossing a multiple of 30°) is a leap month and takes
 *   the number of the month before it.
 * New moons and solar longitude use the truncated series from J. Meeus, "Astronomical Algorithms",
 * accurate to minutes between 1900 and 2199, the supported range.
 *
 * The Chinese calendar applies the same rules at UTC+8, which moves some new moons across midnight:
 * Tết 1985 fell on 21 January in Vietnam but 20 February in China. `timeZoneHours` exists so tests can
 * show that; the platform always uses 7.
 */
import { dayNumberToYmd, ymdToDayNumber } from './dates.ts';
import type { Ymd } from './dates.ts';

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  /** True for the intercalary month (tháng nhuận) that repeats `month`. */
  leap: boolean;
}

export const VN_LUNAR_TIME_ZONE = 7;
export const LUNAR_MIN_YEAR = 1900;
export const LUNAR_MAX_YEAR = 2199;

const JD_UNIX_EPOCH = 2440588; // Julian day number of 1970-01-01
const SYNODIC_MONTH = 29.530588853;
const NEW_MOON_EPOCH = 2415021.076998695; // the new moon of 1900-01-01 (Meeus' k = 0), Julian days
const RAD = Math.PI / 180;

/** Julian date (TT ≈ UT) of the k-th new moon after 1900-01-01 (Meeus, ch. "Phases of the Moon"). */
function newMoonJd(k: number): number {
  const t = k / 1236.85; // Julian centuries since 1900
  const t2 = t * t;
  const t3 = t2 * t;
  const mean =
    2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3 +
    0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD;
  const moonLatitude = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD;
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly) +
    0.0021 * Math.sin(2 * sunAnomaly) -
    0.4068 * Math.sin(moonAnomaly) +
    0.0161 * Math.sin(2 * moonAnomaly) -
    0.0004 * Math.sin(3 * moonAnomaly) +
    0.0104 * Math.sin(2 * moonLatitude) -
    0.0051 * Math.sin(sunAnomaly + moonAnomaly) -
    0.0074 * Math.sin(sunAnomaly - moonAnomaly) +
    0.0004 * Math.sin(2 * moonLatitude + sunAnomaly) -
    0.0004 * Math.sin(2 * moonLatitude - sunAnomaly) -
    0.0006 * Math.sin(2 * moonLatitude + moonAnomaly) +
    0.001 * Math.sin(2 * moonLatitude - moonAnomaly) +
    0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - deltaT;
}

/** Apparent geometric longitude of the sun in radians [0, 2π) at Julian date `jd` (Meeus, ch. 25). */
function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525; // Julian centuries since J2000
  const t2 = t * t;
  const anomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const center =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(anomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly) +
    0.00029 * Math.sin(3 * anomaly);
  const longitude = (meanLongitude + center) * RAD;
  return longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
}

/** Julian day number of the local day on which the k-th new moon falls. */
function newMoonDay(k: number, tz: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + tz / 24);
}

/** Which 30° sector (0–11) the sun is in at the start of local day `jdn`; 9 = the December solstice. */
function sunSector(jdn: number, tz: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - tz / 24) / Math.PI) * 6);
}

/** Julian day number of the first day of lunar month 11 of Gregorian year `y`. */
function month11Start(y: number, tz: number): number {
  const dec31 = ymdToDayNumber({ y, m: 12, d: 31 }) + JD_UNIX_EPOCH;
  const k = Math.floor((dec31 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  const candidate = newMoonDay(k, tz);
  // A new moon after the solstice (sun already past 270°) starts month 12: take the one before.
  return sunSector(candidate, tz) >= 9 ? newMoonDay(k - 1, tz) : candidate;
}

interface MonthSpan {
  month: number;
  leap: boolean;
  /** Lunar year the month belongs to. */
  year: number;
  start: number; // Julian day number of day 1
  length: number; // 29 or 30
}

/**
 * The lunar months from month 11 of Gregorian year y-1 up to (not including) month 11 of year y:
 * months 11 and 12 of lunar year y-1, then months 1–10 of lunar year y, with any leap month.
 */
function monthsBefore11(y: number, tz: number): MonthSpan[] {
  const a11 = month11Start(y - 1, tz);
  const b11 = month11Start(y, tz);
  const k0 = Math.round((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  const count = Math.round((b11 - a11) / SYNODIC_MONTH); // 12, or 13 in a leap year
  const starts = Array.from({ length: count + 1 }, (_, i) => newMoonDay(k0 + i, tz));
  let leapIndex = -1;
  if (count === 13) {
    // The first month without a principal term: the sun stays in the same sector from its start to
    // the next month's start.
    for (let i = 1; i < count && leapIndex < 0; i++) {
      if (sunSector(starts[i] ?? 0, tz) === sunSector(starts[i + 1] ?? 0, tz)) leapIndex = i;
    }
  }
  const months: MonthSpan[] = [];
  let month = 10;
  for (let i = 0; i < count; i++) {
    const leap = i === leapIndex;
    if (!leap) month = (month % 12) + 1;
    const start = starts[i] ?? 0;
    months.push({ month, leap, year: month >= 11 ? y - 1 : y, start, length: (starts[i + 1] ?? 0) - start });
  }
  return months;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`Year ${year} is outside the supported range ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);
  }
}

/** The lunar date of a Gregorian date (Vietnamese calendar unless another time zone is given). */
export function solarToLunar(date: Ymd, timeZoneHours: number = VN_LUNAR_TIME_ZONE): LunarDate {
  checkYear(date.y);
  const jdn = ymdToDayNumber(date) + JD_UNIX_EPOCH;
  const span = jdn < month11Start(date.y, timeZoneHours) ? date.y : date.y + 1;
  const month = monthsBefore11(span, timeZoneHours).find((m) => jdn >= m.start && jdn < m.start + m.length);
  if (!month) throw new RangeError('Lunar month not found'); // unreachable: the spans tile the days
  return { day: jdn - month.start + 1, month: month.month, year: month.year, leap: month.leap };
}

/** The Gregorian date of a lunar date; throws RangeError for a day or leap month that does not exist. */
export function lunarToSolar(lunar: LunarDate, timeZoneHours: number = VN_LUNAR_TIME_ZONE): Ymd {
  const { day, month, year, leap } = lunar;
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new RangeError(`Invalid lunar date ${day}/${month}/${year}`);
  }
  const span = month >= 11 ? year + 1 : year;
  const found = monthsBefore11(span, timeZoneHours).find((m) => m.month === month && m.leap === leap);
  if (!found) throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
  if (day > found.length) throw new RangeError(`Lunar month ${month}/${year} has only ${found.length} days`);
  return dayNumberToYmd(found.start + day - 1 - JD_UNIX_EPOCH);
}

/** The leap month of a lunar year (its number), or null. */
export function leapMonthOf(year: number, timeZoneHours: number = VN_LUNAR_TIME_ZONE): number | null {
  checkYear(year);
  const all = [...monthsBefore11(year, timeZoneHours), ...monthsBefore11(year + 1, timeZoneHours)];
  return all.find((m) => m.leap && m.year === year)?.month ?? null;
}
