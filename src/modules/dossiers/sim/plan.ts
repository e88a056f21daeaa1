/**
 * The shape of a generated province-year, deterministic from a seed:
 * - days: weekday rhythm (Monday busiest), quiet weekends and days off (online submissions only),
 *   a seasonal curve by month, a rush in the two weeks before Tết and a slow restart after it
 *   (Tết from the Vietnamese lunar calendar; days off from the published schedules);
 * - communes: there is no population data in the repository, so communes are weighted by a proxy:
 *   wards ×3, communes ×1, the special zone ×0.3, each times a seeded factor in [0.6, 1.4];
 * - procedures: a seeded Zipf-like popularity (rank^-0.9), commune-level ones ×2 (civil status,
 *   residence… are the bulk of a province's dossiers);
 * - agencies: a seeded lateness (3–20 % of results late) and satisfaction per handling agency.
 */
import { createCalendar, DAY_MS, HOUR_MS, lunarToSolar, VN_UTC_OFFSET_HOURS, type WorkingCalendar } from '../../calendar/index.ts';

/** sfc32 seeded from a string: fast, deterministic, good enough for synthetic data. */
export function rng(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  const mix = () => {
    for (let i = 0; i < seed.length; i++) {
      h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
      h = (h << 13) | (h >>> 19);
    }
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  let a = mix(), b = mix(), c = mix(), d = mix();
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** Picks from weighted items in O(log n). */
export class Weighted<T> {
  private readonly cum: number[] = [];
  constructor(readonly items: readonly T[], weights: readonly number[]) {
    let s = 0;
    for (const w of weights) this.cum.push((s += w));
    if (!items.length || s <= 0) throw new Error('nothing to pick from');
  }
  pick(r: number): T {
    const x = r * this.cum[this.cum.length - 1]!;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

const SEASON = [1.05, 0.85, 1.0, 1.0, 1.0, 1.05, 1.12, 1.1, 0.95, 1.0, 1.02, 1.15];
const WEEKDAY = [0, 1.15, 1.05, 1.0, 1.0, 0.95, 0]; // Sunday … Saturday (weekends handled as days off)

export interface DayPlan {
  /** Midnight in Vietnam, as an instant. */
  start: Date;
  iso: string;
  working: boolean;
  count: number;
}

/** Dossiers per day for `total` dossiers from 1 January of `year` up to `until` (largest-remainder rounding). */
export function planDays(year: number, total: number, until: Date, cal: WorkingCalendar = createCalendar()): DayPlan[] {
  const tet = lunarToSolar({ year, month: 1, day: 1, leap: false });
  const tetDay = Date.UTC(tet.y, tet.m - 1, tet.d);
  const days: (DayPlan & { w: number })[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += DAY_MS) {
    const start = new Date(t - VN_UTC_OFFSET_HOURS * HOUR_MS);
    if (start.getTime() >= until.getTime()) break;
    const iso = new Date(t).toISOString().slice(0, 10);
    const working = cal.isWorkingDay(iso).working;
    const date = new Date(t);
    const fromTet = (t - tetDay) / DAY_MS;
    let w = working ? WEEKDAY[date.getUTCDay()] || 1 : 0.12;
    w *= SEASON[date.getUTCMonth()]!;
    if (fromTet >= -16 && fromTet < -3) w *= 1.3; // the rush before Tết
    if (fromTet >= 5 && fromTet < 19) w *= 0.7; // the slow restart after it
    days.push({ start, iso, working, count: 0, w });
  }
  const sum = days.reduce((a, d) => a + d.w, 0);
  const exact = days.map((d) => (total * d.w) / sum);
  days.forEach((d, i) => (d.count = Math.floor(exact[i]!)));
  let left = total - days.reduce((a, d) => a + d.count, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    days[i]!.count++;
  }
  return days.map(({ w: _w, ...d }) => d);
}

const ONLINE_HOURS = [0.2, 0.1, 0.05, 0.05, 0.1, 0.3, 0.8, 1.5, 2.2, 2.4, 2.2, 1.6, 1.0, 1.3, 1.8, 2.0, 1.9, 1.5, 1.2, 1.6, 2.0, 1.9, 1.2, 0.6];
const onlineHour = new Weighted(ONLINE_HOURS.map((_, h) => h), ONLINE_HOURS);

/** A submission time on the day: office hours at the counter, all day (evening peak) online. */
export function timeOfDay(day: DayPlan, online: boolean, r: () => number): Date {
  let minutes: number;
  if (online) minutes = onlineHour.pick(r()) * 60 + Math.floor(r() * 60);
  else {
    const m = Math.floor(r() * 420); // 7 hours of office time: 07:00–11:30, 13:30–16:00 (counters close at 16:00)
    minutes = m < 270 ? 420 + m : 810 + (m - 270);
  }
  return new Date(day.start.getTime() + minutes * 60_000 + Math.floor(r() * 60) * 1000);
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng', 'Đỗ', 'Ngô', 'Hồ', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quang', 'Xuân', 'Thu'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy'];

/** A synthetic applicant: a name and a well-formed 12-digit personal ID number of the province (045). */
export function applicant(r: () => number): { name: string; idNumber: string } {
  const pick = (list: string[]) => list[Math.floor(r() * list.length)]!;
  const born = 1950 + Math.floor(r() * 56);
  const female = r() < 0.5;
  const century = (born >= 2000 ? 2 : 0) + (female ? 1 : 0);
  const serial = String(Math.floor(r() * 1e6)).padStart(6, '0');
  return { name: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`, idNumber: `045${century}${String(born % 100).padStart(2, '0')}${serial}` };
}

/**
 * A UUIDv7 (RFC 9562: 48-bit millisecond timestamp, then random bits from the seeded generator):
 * dossiers generated in time order get ids in index order, so the bulk load appends to the primary
 * keys instead of writing all over them.
 */
export function uuid7(at: Date, r: () => number): string {
  const ts = at.getTime().toString(16).padStart(12, '0');
  const rand = (n: number) => Math.floor(r() * 16 ** n).toString(16).padStart(n, '0');
  return `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${rand(3)}-${'89ab'[Math.floor(r() * 4)]}${rand(3)}-${rand(6)}${rand(6)}`;
}
