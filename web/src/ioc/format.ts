/** Number formats of the dashboard: counts, shares (0..1 → %), scores, month labels; '—' for no data. */
import { locale } from '../ui/format.ts';

export function count(n: number | null | undefined, lang: string): string {
  return n === null || n === undefined ? '—' : new Intl.NumberFormat(locale(lang)).format(n);
}

export function share(x: number | null | undefined, lang: string): string {
  return x === null || x === undefined ? '—' : new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(x);
}

export function score(x: number | null | undefined, lang: string): string {
  return x === null || x === undefined ? '—' : new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(x);
}

/** '2026-03' → 'T3/2026' (vi) or 'Mar 2026' (en). */
export function monthLabel(month: string, lang: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (lang !== 'en') return `T${m}/${y}`;
  return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** '2026' | '2026-Q1' | '2026-03' in words, through the resources' `ioc.periods`. */
export function periodLabel(period: string, t: (key: string, values: Record<string, unknown>) => string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return t('ioc.periods.quarter', { n: q[2], year: q[1] });
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return t('ioc.periods.month', { n: Number(m[2]), year: m[1] });
  return t('ioc.periods.year', { year: period });
}
