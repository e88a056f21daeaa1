/** Small text helpers for the catalogue importer. Pure. (Diacritics: platform/text.ts.) */
import { stripDiacritics } from '../../platform/text.ts';

/** NFC, invisible characters removed, every run of whitespace (incl. NBSP, tabs, newlines) → one space. */
export function clean(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u200b-\u200f\u2060\ufeff]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Like clean(), but null/blank → null. */
export function cleanOrNull(s: string | null | undefined): string | null {
  if (s == null) return null;
  const c = clean(s);
  return c === '' ? null : c;
}

/** "Thành lập và hoạt động (hộ kinh doanh)" → "THANH_LAP_VA_HOAT_DONG_HO_KINH_DOANH". */
export function slug(s: string, maxLength = 40): string {
  const full = stripDiacritics(s)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (full.length <= maxLength) return full;
  return full.slice(0, maxLength).replace(/_[^_]*$/, '');
}

/** Unique values, first occurrence wins, order kept. */
export function uniq<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}
