/**
 * Properties of the working-time arithmetic. The deadline convention being checked: a positive
 * addition ends inside office time of a working day, in (block start, block end]: a result exactly
 * at a block end (11:30, 17:00) stays there.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createCalendar } from './calendar.ts';
import { formatVN, parseVnDateTime } from './dates.ts';

const cal = createCalendar();
const MIN = 60_000;
const FROM = parseVnDateTime('2024-01-01T00:00').getTime();
const TO = parseVnDateTime('2027-12-31T23:59').getTime();

/** Any minute from 2024 to 2027. */
const instant = fc.integer({ min: 0, max: (TO - FROM) / MIN }).map((m) => new Date(FROM + m * MIN));
/** Up to 40 working days, in whole minutes. */
const hours = fc.integer({ min: 0, max: 40 * 8 * 60 }).map((m) => m / 60);
const positiveHours = fc.integer({ min: 1, max: 40 * 8 * 60 }).map((m) => m / 60);

const BLOCKS = [
  [7 * 60, 11 * 60 + 30],
  [13 * 60 + 30, 17 * 60],
] as const;

function localParts(d: Date): { date: string; minuteOfDay: number } {
  const s = formatVN(d);
  return { date: s.slice(0, 10), minuteOfDay: Number(s.slice(11, 13)) * 60 + Number(s.slice(14, 16)) };
}

describe('working-time properties', () => {
  it('a positive addition ends on a working day within (block start, block end]', () => {
    fc.assert(
      fc.property(instant, positiveHours, (start, h) => {
        const due = cal.addWorkingHours(start, h);
        const { date, minuteOfDay } = localParts(due);
        expect(cal.isWorkingDay(date).working).toBe(true);
        expect(BLOCKS.some(([s, e]) => minuteOfDay > s && minuteOfDay <= e)).toBe(true);
        expect(due.getTime()).toBeGreaterThan(start.getTime());
      }),
    );
  });

  it('adding a then b equals adding a + b', () => {
    fc.assert(
      fc.property(instant, hours, hours, (start, a, b) => {
        expect(cal.addWorkingHours(cal.addWorkingHours(start, a), b).getTime()).toBe(cal.addWorkingHours(start, a + b).getTime());
      }),
    );
  });

  it('workingHoursBetween inverts addWorkingHours (start inside office hours, and in fact anywhere)', () => {
    fc.assert(
      fc.property(instant, hours, (anyStart, h) => {
        const inside = cal.nextOpening(anyStart);
        expect(cal.workingHoursBetween(inside, cal.addWorkingHours(inside, h))).toBe(h);
        expect(cal.workingHoursBetween(anyStart, cal.addWorkingHours(anyStart, h))).toBe(h);
      }),
    );
  });

  it('workingHoursBetween is additive and adding is monotonic', () => {
    fc.assert(
      fc.property(instant, instant, instant, hours, hours, (x, y, z, h1, h2) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const sum = cal.workingHoursBetween(a, b) + cal.workingHoursBetween(b, c);
        expect(sum).toBeCloseTo(cal.workingHoursBetween(a, c), 9);
        const [lo, hi] = h1 <= h2 ? [h1, h2] : [h2, h1];
        expect(cal.addWorkingHours(a, lo).getTime()).toBeLessThanOrEqual(cal.addWorkingHours(a, hi).getTime());
      }),
      { numRuns: 50 },
    );
  });

  it('a due date is never before reception, and is in office time of a working day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30 }), (received, days) => {
        const due = cal.dueAt(received, days);
        expect(due.getTime()).toBeGreaterThan(received.getTime());
        const { date, minuteOfDay } = localParts(due);
        expect(cal.isWorkingDay(date).working).toBe(true);
        expect(BLOCKS.some(([s, e]) => minuteOfDay > s && minuteOfDay <= e)).toBe(true);
        expect(cal.workingHoursBetween(cal.receptionClockStart(received), due)).toBe(days * 8);
      }),
    );
  });
});

describe('independence from the host time zone', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  const zones = ['UTC', 'America/New_York', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Australia/Lord_Howe'];

  it('gives the same results whatever process.env.TZ is', () => {
    fc.assert(
      fc.property(instant, hours, fc.constantFrom(...zones), (start, h, zone) => {
        const compute = () => {
          const c = createCalendar();
          const due = c.addWorkingHours(start, h);
          return [formatVN(due), formatVN(c.receptionClockStart(start)), c.workingHoursBetween(start, due), c.isWorkingDay(formatVN(start).slice(0, 10))];
        };
        process.env.TZ = 'UTC';
        const reference = compute();
        process.env.TZ = zone;
        expect(compute()).toEqual(reference);
      }),
      { numRuns: 60 },
    );
  });

  it('really switches the host time zone (the property above is not vacuous)', () => {
    process.env.TZ = 'America/New_York';
    expect(new Date('2026-01-15T12:00:00Z').getTimezoneOffset()).toBe(300);
    process.env.TZ = 'Pacific/Kiritimati';
    expect(new Date('2026-01-15T12:00:00Z').getTimezoneOffset()).toBe(-840);
  });
});
