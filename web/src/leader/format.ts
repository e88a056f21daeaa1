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

export type PeriodKind = 'month' | 'quarter' | 'year';

/** '2026' | '2026-Q1' | '2026-03' → its kind, year and quarter or month number (1 for a year). */
export function periodParts(period: string): { kind: PeriodKind; year: number; n: number } {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return { kind: 'quarter', year: Number(q[1]), n: Number(q[2]) };
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return { kind: 'month', year: Number(m[1]), n: Number(m[2]) };
  return { kind: 'year', year: Number(period.slice(0, 4)), n: 1 };
}

/** A period in words, through the resources' `ioc.periods`. */
export function periodLabel(period: string, t: (key: string, values: Record<string, unknown>) => string): string {
  const { kind, year, n } = periodParts(period);
  return t(`ioc.periods.${kind}`, { n, year });
}
