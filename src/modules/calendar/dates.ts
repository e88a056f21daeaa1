/**
 * Calendar dates and Vietnam local time, independent of the host time zone.
 *
 * Vietnam (Asia/Ho_Chi_Minh) is UTC+7 all year (no daylight saving time), so local time is computed
 * by adding a fixed offset to the epoch and reading the UTC fields: never `getHours()` & co., which
 * depend on the host's TZ.
 *
 * A "day number" is the number of days since 1970-01-01 of a calendar date (the local date in
 * Vietnam when it comes from an instant).
 */

/** A calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export const VN_UTC_OFFSET_HOURS = 7;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const VN_OFFSET_MS = VN_UTC_OFFSET_HOURS * HOUR_MS;

export const WEEKDAY_VI = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;
export const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function ymdToDayNumber({ y, m, d }: Ymd): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function dayNumberToYmd(dayNumber: number): Ymd {
  const t = new Date(dayNumber * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function formatYmd({ y, m, d }: Ymd): IsoDate {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** Parses 'YYYY-MM-DD' (a real Gregorian date, years 1000–9999); throws RangeError otherwise. */
export function parseIsoDate(s: string): Ymd {
  const match = ISO_DATE_RE.exec(s);
  if (!match) throw new RangeError(`Invalid date "${s}": expected YYYY-MM-DD`);
  const ymd = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  const back = dayNumberToYmd(ymdToDayNumber(ymd));
  if (ymd.y < 1000 || back.y !== ymd.y || back.m !== ymd.m || back.d !== ymd.d) {
    throw new RangeError(`Invalid date "${s}": no such calendar day`);
  }
  return ymd;
}

export function isoToDayNumber(s: IsoDate): number {
  return ymdToDayNumber(parseIsoDate(s));
}

export function dayNumberToIso(dayNumber: number): IsoDate {
  return formatYmd(dayNumberToYmd(dayNumber));
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Milliseconds since 1970-01-01T00:00 Vietnam local time ("local epoch"), for arithmetic. */
export function toLocalMs(date: Date): number {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError('Invalid Date');
  return t + VN_OFFSET_MS;
}

export function fromLocalMs(localMs: number): Date {
  return new Date(localMs - VN_OFFSET_MS);
}

/** The calendar date in Vietnam at this instant. */
export function vnDateOf(date: Date): IsoDate {
  return dayNumberToIso(Math.floor(toLocalMs(date) / DAY_MS));
}

/** ISO 8601 with the +07:00 offset, to the second: `2026-02-24T09:00:00+07:00`. */
export function formatVN(date: Date): string {
  const local = Math.floor(toLocalMs(date) / 1000) * 1000;
  const t = new Date(local);
  const day = formatYmd({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
  return `${day}T${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}:${pad2(t.getUTCSeconds())}+07:00`;
}

/** 'dd/mm/yyyy', the usual Vietnamese way of writing a date. */
export function formatDayVi(s: IsoDate): string {
  const { y, m, d } = parseIsoDate(s);
  return `${pad2(d)}/${pad2(m)}/${y}`;
}

const DATE_TIME_RE =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Parses an ISO 8601 date-time. Without an offset the time is taken as Vietnam time (+07:00), never
 * as the host's local time. Throws RangeError on anything else.
 */
export function parseVnDateTime(s: string): Date {
  const match = DATE_TIME_RE.exec(s.trim());
  if (!match) throw new RangeError(`Invalid date-time "${s}": expected e.g. 2026-02-12T09:00:00+07:00`);
  const [, day = '', hh = '', mi = '', ss = '00', frac = '', zone = '+07:00'] = match;
  const dayNumber = isoToDayNumber(day);
  const [h, min, sec] = [Number(hh), Number(mi), Number(ss)];
  if (h > 23 || min > 59 || sec > 59) throw new RangeError(`Invalid time in "${s}"`);
  let offsetMin = 0;
  if (zone !== 'Z') {
    const [oh, om] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
    if (oh > 23 || om > 59) throw new RangeError(`Invalid offset in "${s}"`);
    offsetMin = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const ms = Number(frac.padEnd(3, '0'));
  const utcMs = dayNumber * DAY_MS + ((h * 60 + min - offsetMin) * 60 + sec) * 1000 + ms;
  return new Date(utcMs);
}
