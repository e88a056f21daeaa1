/**
 * `motcua calendar …`: working-day questions from the command line.
 *
 *   calendar is-working-day 2026-02-16 [--json]
 *   calendar add-working-days 2026-02-12T09:00:00+07:00 3 [--json]
 *
 * Bad input prints a message on stderr and exits with code 2 (through commander's `error`, so an
 * `exitOverride` set by the caller is honoured).
 */
import { Command } from 'commander';
import { createCalendar, type WorkingCalendar } from './calendar.ts';
import { formatDayVi, formatVN, parseVnDateTime, vnDateOf, WEEKDAY_VI } from './dates.ts';
import type { DayStatus } from './types.ts';

const INPUT_ERROR = { exitCode: 2, code: 'motcua.calendar.invalidInput' } as const;

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

function weekdayVi(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return WEEKDAY_VI[new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).getUTCDay()] ?? '';
}

function isWorkingDayCommand(cmd: Command, calendar: () => WorkingCalendar): void {
  cmd
    .command('is-working-day')
    .description('Cho biết một ngày có phải ngày làm việc không / whether a date is a working day')
    .argument('<date>', 'ngày dạng YYYY-MM-DD')
    .option('--json', 'in kết quả dạng JSON')
    .action(function (this: Command, date: string, options: { json?: boolean }) {
      let status: DayStatus;
      try {
        status = calendar().isWorkingDay(date);
      } catch {
        this.error(`Ngày không hợp lệ / invalid date: ${date} (cần dạng YYYY-MM-DD)`, INPUT_ERROR);
      }
      if (options.json) {
        print(JSON.stringify({ date: status.date, working: status.working, reason: status.reason }));
        return;
      }
      const day = `Ngày ${formatDayVi(status.date)} (${weekdayVi(status.date)})`;
      if (!status.working) print(`${day} không phải ngày làm việc: ${status.reason}.`);
      else if (status.kind === 'make_up') print(`${day} là ngày làm việc (ngày làm bù).`);
      else print(`${day} là ngày làm việc.`);
    });
}

function addWorkingDaysCommand(cmd: Command, calendar: () => WorkingCalendar): void {
  cmd
    .command('add-working-days')
    .description('Cộng số ngày làm việc vào một thời điểm / add working days to an instant')
    .argument('<start>', 'thời điểm ISO 8601, ví dụ 2026-02-12T09:00:00+07:00 (không có múi giờ: giờ Việt Nam)')
    .argument('<days>', 'số ngày làm việc (≥ 0, có thể lẻ, ví dụ 0.5)')
    .option('--json', 'in kết quả dạng JSON')
    .action(function (this: Command, start: string, days: string, options: { json?: boolean }) {
      let from: Date;
      try {
        from = parseVnDateTime(start);
      } catch {
        this.error(`Thời điểm không hợp lệ / invalid start: ${start} (ví dụ 2026-02-12T09:00:00+07:00)`, INPUT_ERROR);
      }
      const count = /^\d+(\.\d+)?$/.test(days.trim()) ? Number(days) : NaN;
      if (!Number.isFinite(count)) {
        this.error(`Số ngày không hợp lệ / invalid number of days: ${days} (cần một số ≥ 0)`, INPUT_ERROR);
      }
      let due: Date;
      try {
        due = calendar().addWorkingDays(from, count);
      } catch (err) {
        this.error(`Không tính được hạn / cannot compute: ${(err as Error).message}`, INPUT_ERROR);
      }
      const iso = formatVN(due);
      if (options.json) {
        print(JSON.stringify({ due: iso }));
        return;
      }
      const date = vnDateOf(due);
      print(`Hạn: ${iso.slice(11, 16)} ${weekdayVi(date)}, ngày ${formatDayVi(date)} (${iso}).`);
    });
}

export function registerCalendarCommands(program: Command): void {
  let cached: WorkingCalendar | undefined;
  const calendar = (): WorkingCalendar => (cached ??= createCalendar());
  const cmd = program
    .command('calendar')
    .description('Lịch làm việc: ngày nghỉ lễ, ngày làm bù, cộng ngày làm việc / working calendar');
  isWorkingDayCommand(cmd, calendar);
  addWorkingDaysCommand(cmd, calendar);
}
