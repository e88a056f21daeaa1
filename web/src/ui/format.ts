/** Dates in Vietnam time (the legal time of every deadline), money in VND, sizes in KB/MB. */
const TZ = 'Asia/Ho_Chi_Minh';
export const locale = (lang: string) => (lang === 'en' ? 'en-GB' : 'vi-VN');

export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
}

/** Parts of a date-time in Vietnam time (form 01 writes "… giờ … phút, ngày … tháng … năm …"). */
export function vnParts(iso: string): { hour: string; minute: string; day: string; month: string; year: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ, hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric', hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { hour: get('hour'), minute: get('minute'), day: get('day'), month: get('month'), year: get('year') };
}

export function formatVND(amount: number | null | undefined, lang: string): string {
  if (amount === null || amount === undefined) return '—';
  return new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(amount);
}

export function formatSize(bytes: number, lang: string): string {
  const n = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${n.format(bytes / 1024)} KB`;
  return `${n.format(bytes / 1024 / 1024)} MB`;
}

/** A `datetime-local` value in Vietnam time → ISO instant. */
export function vnLocalToIso(value: string): string {
  return new Date(`${value}:00+07:00`).toISOString();
}
