/**
 * Working-time arithmetic on "local milliseconds" (epoch ms shifted to Vietnam time, see dates.ts).
 *
 * Office time is the union of the office-hours blocks of every working day. Conventions:
 * - a block is half-open for starting, [start, end): at 11:30 sharp the next time that counts is 13:30;
 * - a result that lands exactly on a block end stays there: 8 h from 07:00 is 17:00 the same day,
 *   not 07:00 the next working day. So a positive addition always ends in (start, end] of a block;
 * - adding 0 returns the start unchanged, so add(add(t, a), b) = add(t, a + b) for all a, b ≥ 0.
 */
import { DAY_MS } from './dates.ts';
import type { OfficeHours } from './office-hours.ts';

export interface WorkingTimeContext {
  isWorking(dayNumber: number): boolean;
  hours: OfficeHours;
}

/** Guard against configurations without any working day (e.g. every weekday a weekend). */
const MAX_IDLE_DAYS = 3 * 366;

function tooIdle(): never {
  throw new RangeError(`No working day within ${MAX_IDLE_DAYS} days: check the calendar configuration`);
}

/** The instant `ms` of office time after `startLocal` (counting starts at the next opening). */
export function addWorkingMs(ctx: WorkingTimeContext, startLocal: number, ms: number): number {
  if (ms === 0) return startLocal;
  const { blocks } = ctx.hours;
  const dayTotal = blocks.reduce((sum, b) => sum + b.end - b.start, 0);
  let day = Math.floor(startLocal / DAY_MS);
  let timeOfDay = startLocal - day * DAY_MS;
  let remaining = ms;
  for (let idle = 0; ; day++, timeOfDay = 0) {
    if (!ctx.isWorking(day)) {
      if (++idle > MAX_IDLE_DAYS) tooIdle();
      continue;
    }
    idle = 0;
    if (timeOfDay === 0 && remaining > dayTotal) {
      remaining -= dayTotal; // a whole working day, skipped at once
      continue;
    }
    for (const b of blocks) {
      if (timeOfDay >= b.end) continue;
      const from = Math.max(timeOfDay, b.start);
      const available = b.end - from;
      if (remaining <= available) return day * DAY_MS + from + remaining;
      remaining -= available;
    }
  }
}

/** Office time between two instants; negative when `toLocal` is before `fromLocal`. */
export function workingMsBetween(ctx: WorkingTimeContext, fromLocal: number, toLocal: number): number {
  if (toLocal < fromLocal) return -workingMsBetween(ctx, toLocal, fromLocal);
  let total = 0;
  const lastDay = Math.floor(toLocal / DAY_MS);
  for (let day = Math.floor(fromLocal / DAY_MS); day <= lastDay; day++) {
    if (!ctx.isWorking(day)) continue;
    for (const b of ctx.hours.blocks) {
      const start = Math.max(day * DAY_MS + b.start, fromLocal);
      const end = Math.min(day * DAY_MS + b.end, toLocal);
      if (end > start) total += end - start;
    }
  }
  return total;
}

/** The first instant at or after `local` that lies in a block [start, end) of a working day. */
export function nextOpeningMs(ctx: WorkingTimeContext, local: number): number {
  let day = Math.floor(local / DAY_MS);
  let timeOfDay = local - day * DAY_MS;
  for (let idle = 0; ; day++, timeOfDay = 0) {
    if (!ctx.isWorking(day)) {
      if (++idle > MAX_IDLE_DAYS) tooIdle();
      continue;
    }
    for (const b of ctx.hours.blocks) {
      if (timeOfDay < b.end) return day * DAY_MS + Math.max(timeOfDay, b.start);
    }
  }
}

/** The opening (first block start) of the first working day after `dayNumber`. */
export function nextWorkingDayOpeningMs(ctx: WorkingTimeContext, dayNumber: number): number {
  return nextOpeningMs(ctx, (dayNumber + 1) * DAY_MS);
}
