import { describe, expect, it } from 'vitest';
import { computeDefaultDaysOff, DEFAULT_HOLIDAY_RULES } from './holidays.ts';

const dates = (year: number, rules = DEFAULT_HOLIDAY_RULES) => computeDefaultDaysOff(year, rules).map((d) => d.date);

/**
 * shared/data/vn-public-holidays-2024-2027.json (python-holidays), all entries except the announced
 * swap of 2024-04-29, which lives in the 2024 published schedule.
 */
const SHARED_DATA: Record<number, string[]> = {
  2024: ['01-01', '02-08', '02-09', '02-10', '02-11', '02-12', '02-13', '02-14', '04-18', '04-30', '05-01', '09-02', '09-03'],
  2025: ['01-01', '01-27', '01-28', '01-29', '01-30', '01-31', '02-01', '04-07', '04-30', '05-01', '09-01', '09-02'],
  2026: ['01-01', '02-16', '02-17', '02-18', '02-19', '02-20', '04-26', '04-27', '04-30', '05-01', '09-01', '09-02'],
  2027: ['01-01', '02-04', '02-05', '02-06', '02-07', '02-08', '02-09', '02-10', '04-16', '04-30', '05-01', '05-03', '09-02', '09-03'],
};

describe('computed default holidays (Labour Code 2019 Art. 112)', () => {
  it.each([2024, 2025, 2026, 2027])('reproduces the shared holiday data for %i', (year) => {
    expect(dates(year)).toEqual(SHARED_DATA[year]?.map((md) => `${year}-${md}`));
  });

  it('names days in Vietnamese and English and marks substitutes', () => {
    const y2026 = computeDefaultDaysOff(2026);
    expect(y2026.find((d) => d.date === '2026-02-16')).toMatchObject({ nameVi: 'Tết Nguyên Đán', kind: 'statutory' });
    expect(y2026.find((d) => d.date === '2026-04-27')).toMatchObject({
      nameVi: 'Nghỉ bù Giỗ Tổ Hùng Vương',
      nameEn: "Hùng Kings' Commemoration Day (substitute day)",
      kind: 'substitute',
    });
    expect(y2026.find((d) => d.date === '2026-09-02')).toMatchObject({ nameVi: 'Quốc khánh', nameEn: 'National Day' });
  });

  it('gives weekend holidays back on the next working day (2022)', () => {
    // New Year on Saturday, Hùng Kings on Sunday 10 Apr, 30 Apr and 1 May on a weekend.
    expect(dates(2022)).toEqual(
      ['01-01', '01-03', '01-31', '02-01', '02-02', '02-03', '02-04', '04-10', '04-11', '04-30', '05-01', '05-02', '05-03', '09-01', '09-02'].map(
        (md) => `2022-${md}`,
      ),
    );
  });

  it('takes the Tết pattern and the National Day side from the rules', () => {
    const rules = {
      ...DEFAULT_HOLIDAY_RULES,
      tet: { offsets: [-2, -1, 0, 1, 2], substituteOffsets: [] },
      nationalDay: { ...DEFAULT_HOLIDAY_RULES.nationalDay, adjacent: 'after' as const },
    };
    const y2027 = dates(2027, rules);
    // Tết 2027 (Sat 6 Feb): 4–8 Feb, the weekend days given back on Tue 9 and Wed 10.
    expect(y2027.filter((d) => d.startsWith('2027-02'))).toEqual(['2027-02-04', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10']);
    expect(dates(2026, rules).filter((d) => d.startsWith('2026-09'))).toEqual(['2026-09-02', '2026-09-03']);
  });
});
