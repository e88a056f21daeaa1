/** Vietnamese text helpers, generic (no module's vocabulary). Pure. */

/** Marks removed, đ → d, Đ → D (left decomposed). */
const unmark = (s: string): string => s.normalize('NFD').replace(/\p{Mn}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/** "Đồng Thuận" → "Dong Thuan" (case kept). */
export function stripDiacritics(s: string): string {
  return unmark(s).normalize('NFC');
}

/** Vietnamese text folding for search: lower case, no diacritics, đ → d, single spaces. */
export function fold(s: string): string {
  return unmark(s)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
