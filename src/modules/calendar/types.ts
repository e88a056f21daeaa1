/** Shared types of the calendar module. */
import type { IsoDate } from './dates.ts';

/**
 * Why a weekday is off:
 * - statutory: a public holiday of Labour Code 2019 Art. 112 (even if it falls on a weekend);
 * - substitute: nghỉ bù, a weekday off because a statutory day fell on a weekly rest day;
 * - swapped: hoán đổi, a working day moved to a make-up Saturday to join two breaks;
 * - block_weekend: a weekly rest day inside an announced holiday block (shown with the block's name).
 */
export type DayOffKind = 'statutory' | 'substitute' | 'swapped' | 'block_weekend';

export interface DayOff {
  date: IsoDate;
  nameVi: string;
  nameEn: string;
  kind: DayOffKind;
}

/** A weekly rest day that is worked to pay back a swapped day (ngày làm bù). */
export interface MakeUpWorkday {
  date: IsoDate;
  /** The working day that was taken off in exchange. */
  replaces: IsoDate;
}

/** The schedule the Government published for one year, for civil servants (cán bộ, công chức, viên chức). */
export interface YearSchedule {
  year: number;
  /** The documents the entries come from, for whoever checks them. */
  sources: readonly string[];
  /** Every day off of the year other than ordinary weekends (weekend days inside blocks may be listed). */
  daysOff: readonly DayOff[];
  makeUpWorkdays: readonly MakeUpWorkday[];
}

export type DayStatusKind = 'working' | 'make_up' | 'weekend' | 'day_off';

export interface DayStatus {
  date: IsoDate;
  working: boolean;
  /** Vietnamese reason: "Ngày làm việc", "Thứ Bảy", "Chủ Nhật", "Ngày làm bù", or the holiday's name. */
  reason: string;
  reasonEn: string;
  kind: DayStatusKind;
}
