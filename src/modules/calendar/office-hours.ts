/**
 * Office hours of an agency: the blocks of a working day (Vietnam local time) and the reception
 * cut-off after which a dossier counts from the next working day.
 */
import { HOUR_MS, MINUTE_MS } from './dates.ts';

/** 'HH:MM', 24-hour clock, Vietnam local time. */
export type ClockTime = string;

export interface OfficeHoursConfig {
  /** Default 07:00–11:30 and 13:30–17:00. */
  blocks?: readonly { start: ClockTime; end: ClockTime }[];
  /** A dossier received strictly after this time counts from the next working day. Default 15:00. */
  receptionCutoff?: ClockTime;
  /** Working hours making one working day. Default: the length of the blocks (8 h by default). */
  hoursPerDay?: number;
}

export interface OfficeHours {
  /** Milliseconds since local midnight, sorted, non-overlapping, start < end. */
  blocks: readonly { start: number; end: number }[];
  cutoff: number;
  hoursPerDay: number;
}

export const DEFAULT_OFFICE_HOURS = {
  blocks: [
    { start: '07:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
  receptionCutoff: '15:00',
} as const satisfies OfficeHoursConfig;

const CLOCK_RE = /^([01]\d|2[0-4]):([0-5]\d)$/;

export function parseClockTime(s: ClockTime): number {
  const match = CLOCK_RE.exec(s);
  const ms = match ? (Number(match[1]) * 60 + Number(match[2])) * MINUTE_MS : NaN;
  if (!match || ms > 24 * HOUR_MS) throw new RangeError(`Invalid time of day "${s}": expected HH:MM`);
  return ms;
}

export function resolveOfficeHours(config: OfficeHoursConfig = {}): OfficeHours {
  const blocks = (config.blocks ?? DEFAULT_OFFICE_HOURS.blocks).map((b) => ({
    start: parseClockTime(b.start),
    end: parseClockTime(b.end),
  }));
  if (blocks.length === 0) throw new RangeError('Office hours need at least one block');
  blocks.forEach((b, i) => {
    const previous = blocks[i - 1];
    if (b.start >= b.end) throw new RangeError('An office-hours block must start before it ends');
    if (previous && b.start < previous.end) throw new RangeError('Office-hours blocks must be in order and not overlap');
  });
  const cutoff = parseClockTime(config.receptionCutoff ?? DEFAULT_OFFICE_HOURS.receptionCutoff);
  const blockHours = blocks.reduce((sum, b) => sum + b.end - b.start, 0) / HOUR_MS;
  const hoursPerDay = config.hoursPerDay ?? blockHours;
  if (!(hoursPerDay > 0) || !Number.isFinite(hoursPerDay)) throw new RangeError('hoursPerDay must be a positive number');
  return { blocks, cutoff, hoursPerDay };
}
