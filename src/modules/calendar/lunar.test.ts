import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumberToYmd, ymdToDayNumber } from './dates.ts';
import { leapMonthOf, lunarToSolar, solarToLunar } from './lunar.ts';

const tet = (year: number, tz?: number) => lunarToSolar({ day: 1, month: 1, year, leap: false }, tz);

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    [2024, { y: 2024, m: 2, d: 10 }],
    [2025, { y: 2025, m: 1, d: 29 }],
    [2026, { y: 2026, m: 2, d: 17 }],
    [2027, { y: 2027, m: 2, d: 6 }],
  ])('Tết %i', (year, expected) => {
    expect(tet(year)).toEqual(expected);
    expect(solarToLunar(expected)).toEqual({ day: 1, month: 1, year, leap: false });
  });

  it('differs from the Chinese calendar (UTC+8) where a new moon falls between 16:00 and 17:00 UTC', () => {
    expect(tet(1985)).toEqual({ y: 1985, m: 1, d: 21 });
    expect(tet(1985, 8)).toEqual({ y: 1985, m: 2, d: 20 });
    expect(tet(2007)).toEqual({ y: 2007, m: 2, d: 17 });
    expect(tet(2007, 8)).toEqual({ y: 2007, m: 2, d: 18 });
  });

  it('finds Hùng Kings day (10/3 lunar)', () => {
    expect(lunarToSolar({ day: 10, month: 3, year: 2025, leap: false })).toEqual({ y: 2025, m: 4, d: 7 });
    expect(lunarToSolar({ day: 10, month: 3, year: 2026, leap: false })).toEqual({ y: 2026, m: 4, d: 26 });
  });

  it('handles leap months', () => {
    expect(leapMonthOf(2020)).toBe(4);
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2026)).toBeNull();
    expect(solarToLunar({ y: 2020, m: 5, d: 23 })).toEqual({ day: 1, month: 4, year: 2020, leap: true });
    expect(lunarToSolar({ day: 15, month: 8, year: 2025, leap: false })).toEqual({ y: 2025, m: 10, d: 6 });
  });

  it('puts the last days of the lunar year in the previous lunar year', () => {
    expect(solarToLunar({ y: 2026, m: 2, d: 16 })).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(solarToLunar({ y: 2025, m: 1, d: 28 })).toEqual({ day: 29, month: 12, year: 2024, leap: false });
  });

  it('rejects lunar dates that do not exist', () => {
    expect(() => lunarToSolar({ day: 1, month: 5, year: 2026, leap: true })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 30, month: 12, year: 2025, leap: false })).toThrow(RangeError); // a 29-day month
    expect(() => lunarToSolar({ day: 0, month: 1, year: 2026, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 1, year: 1800, leap: false })).toThrow(RangeError);
  });

  const dayInRange = fc.integer({
    min: ymdToDayNumber({ y: 1900, m: 3, d: 1 }),
    max: ymdToDayNumber({ y: 2199, m: 12, d: 30 }), // n + 1 stays in range
  });

  it('round-trips solar → lunar → solar (property)', () => {
    fc.assert(
      fc.property(dayInRange, (n) => {
        const solar = dayNumberToYmd(n);
        expect(lunarToSolar(solarToLunar(solar))).toEqual(solar);
      }),
      { numRuns: 300 },
    );
  });

  it('advances one lunar day per solar day, months of 29 or 30 days (property)', () => {
    fc.assert(
      fc.property(dayInRange, (n) => {
        const today = solarToLunar(dayNumberToYmd(n));
        const tomorrow = solarToLunar(dayNumberToYmd(n + 1));
        if (tomorrow.day === 1) expect([29, 30]).toContain(today.day);
        else expect(tomorrow).toEqual({ ...today, day: today.day + 1 });
      }),
      { numRuns: 300 },
    );
  });
});
