/**
 * Published holiday schedules for civil servants (cán bộ, công chức, viên chức), which override the
 * computed default (holidays.ts) for the years they cover.
 *
 * THIS IS DATA TO BE CHECKED EVERY YEAR. The Government announces each year's schedule piecemeal
 * (Tết and National Day around October–December of the year before, New Year in December, swaps for
 * 30/4–1/5 in spring), through the Government Office (VPCP) and the Ministry of Home Affairs (BNV;
 * before 2025 the Ministry of Labour, MoLISA/BLĐTBXH). When a new notice appears, update the year
 * here; a year missing from this list falls back to the computed default. A year listed here must
 * list every day off that is not an ordinary weekend.
 *
 * "shared data" below = shared/data/vn-public-holidays-2024-2027.json (python-holidays, MIT).
 */
import { dayNumberToIso, isoToDayNumber, weekdayOf } from './dates.ts';
import type { IsoDate } from './dates.ts';
import { HOLIDAY_NAMES } from './holidays.ts';
import type { HolidayName } from './holidays.ts';
import type { DayOff, DayOffKind, MakeUpWorkday, YearSchedule } from './types.ts';

const { newYear, tet, hungKings, reunification, labourDay, nationalDay } = HOLIDAY_NAMES;

function day(date: IsoDate, name: HolidayName, kind: DayOffKind = 'statutory'): DayOff {
  return { date, ...name, kind };
}

/** A holiday block from..to inclusive: weekdays get `kind`, Saturdays and Sundays 'block_weekend'. */
function block(from: IsoDate, to: IsoDate, name: HolidayName, kind: DayOffKind = 'statutory'): DayOff[] {
  const days: DayOff[] = [];
  for (let n = isoToDayNumber(from); n <= isoToDayNumber(to); n++) {
    const weekend = weekdayOf(n) === 0 || weekdayOf(n) === 6;
    days.push(day(dayNumberToIso(n), name, weekend ? 'block_weekend' : kind));
  }
  return days;
}

function swappedName(makeUp: IsoDate): HolidayName {
  const [y, m, d] = makeUp.split('-');
  return {
    nameVi: `Nghỉ hoán đổi (làm bù ngày ${d}/${m}/${y})`,
    nameEn: `Day off swapped with the make-up working day ${makeUp}`,
  };
}

/** A working day taken off and worked back on a weekly rest day. */
function swap(dayOff: IsoDate, makeUp: IsoDate): { off: DayOff; makeUp: MakeUpWorkday } {
  return { off: day(dayOff, swappedName(makeUp), 'swapped'), makeUp: { date: makeUp, replaces: dayOff } };
}

const swap2024 = swap('2024-04-29', '2024-05-04');
const swap2025 = swap('2025-05-02', '2025-04-26');
const swap2026 = swap('2026-01-02', '2026-01-10');

export const OFFICIAL_SCHEDULES: readonly YearSchedule[] = [
  {
    year: 2024,
    sources: [
      'shared data (python-holidays): statutory days, substitutes 8 and 14 Feb, swap 29 Apr ↔ Sat 4 May',
      'Tết Giáp Thìn: civil servants off Thu 8 – Wed 14 Feb 2024 (5 Tết days + 2 weekly rest days)',
    ],
    daysOff: [
      day('2024-01-01', newYear),
      ...block('2024-02-08', '2024-02-14', tet),
      day('2024-04-18', hungKings),
      swap2024.off,
      day('2024-04-30', reunification),
      day('2024-05-01', labourDay),
      day('2024-09-02', nationalDay),
      day('2024-09-03', nationalDay),
    ],
    makeUpWorkdays: [swap2024.makeUp],
  },
  {
    year: 2025,
    sources: [
      'Notice 6150/TB-BLĐTBXH of 03/12/2024 (after VPCP dispatch 8726/VPCP-KGVX of 26/11/2024): Tết Sat 25 Jan – Sun 2 Feb 2025 = 5 Tết days (Mon 27 – Fri 31 Jan) + 4 weekly rest days, no make-up day; National Day Sat 30 Aug – Tue 2 Sep (1 and 2 Sep); Fri 2 May swapped with Sat 26 Apr',
      'Labour Code Art. 112 / shared data: New Year Wed 1 Jan; Hùng Kings Mon 7 Apr 2025',
    ],
    daysOff: [
      day('2025-01-01', newYear),
      ...block('2025-01-25', '2025-02-02', tet),
      day('2025-04-07', hungKings),
      day('2025-04-30', reunification),
      day('2025-05-01', labourDay),
      swap2025.off,
      ...block('2025-08-30', '2025-09-02', nationalDay),
    ],
    makeUpWorkdays: [swap2025.makeUp],
  },
  {
    year: 2026,
    sources: [
      'VPCP dispatch 12729/VPCP-KGVX of 25/12/2025 (on BNV proposal 12556/BNV-CVL): New Year Thu 1 – Sun 4 Jan 2026, Fri 2 Jan swapped with Sat 10 Jan',
      'VPCP dispatch 9859/VPCP-KGVX of 13/10/2025 (on BNV proposal 8764/BNV-CVL): Tết Sat 14 – Sun 22 Feb 2026 = 5 Tết days (16–20 Feb) + 4 weekly rest days',
      'Labour Code Art. 112(3) / shared data: Hùng Kings Sun 26 Apr → Mon 27 Apr off; 30 Apr and 1 May (Thu, Fri)',
      'shared data: National Day 1 and 2 Sep (Tue, Wed). BNV had proposed also swapping Mon 31 Aug with Sat 22 Aug; not confirmed as approved: check',
    ],
    daysOff: [
      day('2026-01-01', newYear),
      swap2026.off,
      ...block('2026-02-14', '2026-02-22', tet),
      day('2026-04-26', hungKings),
      day('2026-04-27', { nameVi: `Nghỉ bù ${hungKings.nameVi}`, nameEn: `${hungKings.nameEn} (substitute day)` }, 'substitute'),
      day('2026-04-30', reunification),
      day('2026-05-01', labourDay),
      day('2026-09-01', nationalDay),
      day('2026-09-02', nationalDay),
    ],
    makeUpWorkdays: [swap2026.makeUp],
  },
];
