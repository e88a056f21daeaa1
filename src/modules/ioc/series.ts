/** The dashboard's trend: one entity's figures month by month over the 12 months ending with the period. */
import type { Executor } from '../../db/index.ts';
import { avgProcessingDays, rate } from './figures.ts';
import type { Scoped } from './service.ts';
import { inProgressByKey, sumsByMonth } from './store.ts';

const shift = (month: string, by: number): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
};

export async function monthlySeries(db: Executor, s: Scoped) {
  const from = shift(s.period.to, -11);
  const key = s.level === 'province' ? '' : (s.id ?? '');
  const [rows, before] = await Promise.all([
    sumsByMonth(db, { scope: s.scope, level: s.level, from, to: s.period.to, key }),
    inProgressByKey(db, { scope: s.scope, level: s.level, to: shift(from, -1), key }),
  ]);
  const byMonth = new Map(rows.map((r) => [r.month, r.totals]));
  let inProgress = before.get(key) ?? 0;
  const out = [];
  for (let i = 0; i < 12; i++) {
    const month = shift(from, i).slice(0, 7);
    const t = byMonth.get(month);
    inProgress += t ? t.opened - t.closed : 0;
    const timed = t ? t.early + t.on_time + t.late : 0;
    out.push({
      month,
      received: t?.received ?? 0,
      receivedOnline: t?.received_online ?? 0,
      settled: t?.settled ?? 0,
      late: t?.late ?? 0,
      inProgress,
      onTimeRate: t ? rate(t.early + t.on_time, timed) : null,
      onlineShare: t ? rate(t.received_online, t.received) : null,
      avgProcessingDays: t ? avgProcessingDays(t) : null,
    });
  }
  return out;
}
