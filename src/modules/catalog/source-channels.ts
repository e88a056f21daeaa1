/**
 * Channels (Cách thức thực hiện) of a source record → ProcedureChannel[]. Pure.
 *
 * Time limits, per source entry:
 *  - "Ngày làm việc"                → working days as printed (rounded up);
 *  - no unit, value given, not flagged ambiguous → read as working days (the portal's default unit);
 *  - "Ngày" (calendar days)         → ceil(days × 5/7): a conservative working-day equivalent;
 *  - "Giờ" (hours)                  → ceil(hours / 8): one 8-hour working day per started 8 hours;
 *  - anything else / ambiguous / none → no time.
 * A channel listed several times (one line per case) keeps the LONGEST limit, so no case is ever
 * reported late for a limit the law grants, and every printed time is kept in `timeText`.
 * A channel with no usable time falls back to the procedure-level processingDays; with none at all
 * workingDays stays null and the dossier lifecycle applies its default. `workingDaysFrom` flags every
 * figure that was not printed as working days (calendar_days, hours, unspecified_unit, procedure).
 */
import type { Channel, ProcedureChannel } from './model.ts';
import type { SourceChannel, SourceProcedure } from './source-types.ts';
import { clean, cleanOrNull, uniq } from './text.ts';

const CHANNEL_ORDER: readonly Channel[] = ['direct', 'online', 'postal'];

type DaysFrom = NonNullable<ProcedureChannel['workingDaysFrom']>;

/** Working days and, when not printed as working days, where the figure comes from. */
export function workingDaysOf(
  value: number | null, unit: string | null, ambiguous = false,
): { days: number; from?: DaysFrom } | null {
  if (ambiguous || value == null || !Number.isFinite(value) || value <= 0) return null;
  const u = unit == null ? '' : clean(unit).toLowerCase();
  if (u === '') return { days: Math.ceil(value), from: 'unspecified_unit' };
  if (u.includes('ngày làm việc')) return { days: Math.ceil(value) };
  if (u.startsWith('ngày')) return { days: Math.ceil((value * 5) / 7), from: 'calendar_days' };
  if (u.includes('giờ')) return { days: Math.ceil(value / 8), from: 'hours' };
  return null;
}

export function toWorkingDays(value: number | null, unit: string | null, ambiguous = false): number | null {
  return workingDaysOf(value, unit, ambiguous)?.days ?? null;
}

function processingDaysFallback(raw: SourceProcedure): { days: number; from: DaysFrom } | null {
  const unit = raw.processingDaysUnit === 'calendar_days' ? 'Ngày' : 'Ngày làm việc';
  const d = workingDaysOf(raw.processingDays, unit);
  return d ? { days: d.days, from: 'procedure' } : null;
}

function feeText(e: SourceChannel): string | null {
  const fee = cleanOrNull(e.fee);
  const note = cleanOrNull(e.feeNote);
  const main = fee == null ? null : fee + (cleanOrNull(e.feeUnit) ?? '');
  if (main && note) return `${main} (${note})`;
  return main ?? note;
}

/**
 * Two tax procedures have an empty `channels` array although `channelsRaw` lists the channels
 * ("Trực tuyếnKhôngMiễn phí…"): recover the channel names, "Miễn phí" as fee 0, and no time
 * (their time cell reads "Không" or describes an automatic electronic reply).
 */
export function recoverChannels(channelsRaw: string | null): SourceChannel[] {
  if (!channelsRaw) return [];
  const labels: Record<string, Channel> = { 'Trực tuyến': 'online', 'Dịch vụ bưu chính': 'postal', 'Trực tiếp': 'direct' };
  // A label starts the text or is glued to the previous cell ("…cấp tỉnh, xãTrực tuyếnHệ thống…").
  const parts = channelsRaw.split(/(?<=^|\S)(Trực tuyến|Dịch vụ bưu chính|Trực tiếp)(?=\S)/u);
  const out: SourceChannel[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const channel = labels[parts[i] as string];
    const rest = clean(parts[i + 1] ?? '');
    if (!channel) continue;
    const free = /^(?:Không(?: có thông tin)?)?Miễn phí/u.test(rest);
    out.push({
      channel, time: null, timeValue: null, timeUnit: null,
      fee: free ? 'Miễn phí' : null, feeUnit: null, feeVND: free ? 0 : null, feeNote: null,
    });
  }
  return out;
}

export function mapChannels(raw: SourceProcedure): ProcedureChannel[] {
  let entries = raw.channels.length > 0 ? raw.channels : recoverChannels(raw.channelsRaw);
  // The online channel is offered only when the source says so (keeps channels and onlineLevel consistent).
  if (!raw.onlineSubmission) entries = entries.filter((e) => e.channel !== 'online');
  const fallback = processingDaysFallback(raw);
  const out: ProcedureChannel[] = [];
  for (const channel of CHANNEL_ORDER) {
    const es = entries.filter((e) => e.channel === channel);
    if (es.length === 0) continue;
    const limits = es
      .map((e) => workingDaysOf(e.timeValue, e.timeUnit, e.ambiguous === true))
      .filter((d): d is NonNullable<typeof d> => d != null);
    const longest = limits.reduce<(typeof limits)[number] | null>((a, b) => (a == null || b.days > a.days ? b : a), null);
    const limit = longest ?? fallback;
    const texts = uniq(es.map((e) => cleanOrNull(e.time)).filter((t): t is string => t != null));
    const fees = uniq(es.map(feeText).filter((t): t is string => t != null));
    out.push({
      channel,
      workingDays: limit?.days ?? null,
      ...(limit?.from ? { workingDaysFrom: limit.from } : {}),
      timeText: texts.length > 0 ? texts.join('; ') : null,
      feeVND: es.find((e) => e.feeVND != null)?.feeVND ?? null,
      feeText: fees.length > 0 ? fees.join(' | ') : null,
    });
  }
  return out;
}

/**
 * Where to submit in person, when the direct channel's text says so ("Nộp hồ sơ trực tiếp tại Công
 * an cấp xã", "Trực tiếp tại trụ sở …"). null when the source does not say.
 */
export function whereToSubmit(raw: SourceProcedure): string | null {
  for (const e of raw.channels) {
    if (e.channel !== 'direct' || !e.feeNote) continue;
    const m = /(?:^|[\s(\-)+])((?:Nộp(?: hồ sơ)? cho|(?:Nộp|Trực tiếp)[^.;\n]{0,40}?\stại)\s[^.;\n]{3,200})/u.exec(e.feeNote);
    if (m?.[1]) return clean(m[1].split(/\s[-–]\s/u)[0] as string).replace(/tại tại/u, 'tại');
  }
  return null;
}
