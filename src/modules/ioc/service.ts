/**
 * IOC use cases: the Decision 766 index, the operational figures and the dashboard's data, for the
 * province, an agency, a procedure or a commune, per month, quarter or year — all read from the
 * rollups (plus the open dossiers past due, derived from the dossiers' due dates when asked).
 *
 * Access: province admins see everything; an agency leader sees only their agency (the agency
 * itself, and procedures and communes counted within it).
 */
import type { Executor } from '../../db/index.ts';
import type { Principal } from '../../platform/auth.ts';
import { AppError } from '../../platform/errors.ts';
import { cursorUpdatedAt } from '../../platform/consumers.ts';
import { figuresOf, inputsOf, trendOf, type Figures } from './figures.ts';
import { scoreIndex, type IndexScore } from './index766.ts';
import { monthsOf, parsePeriod, periodEnd, previousPeriod, zeroTotals, type Level, type Period, type Totals } from './model.ts';
import { nameOf, proceduresOf, reference } from './reference.ts';
import { inProgressByKey, inProgressByLevel, onlineUsedByScope, overdueOpenByLevel, sumsByKey, sumsByLevel } from './store.ts';
import { vnDateOf } from '../calendar/index.ts';
import { monthlySeries } from './series.ts';
import { IOC_CONSUMER } from './rollups.ts';

export interface IocQuery {
  level?: Level;
  /** Default: the current year (in Vietnam, by the server's clock). */
  period?: string;
  id?: string;
}

export interface Scoped {
  level: Level;
  /** '' = province-wide rollups; an agency id = within that agency. */
  scope: string;
  id?: string;
  period: Period;
}

export interface EntityResult {
  id: string;
  name: string;
  totals: Totals;
  figures: Figures;
  index: IndexScore;
}

/** Who may open the operations centre at all: a province admin, or the leader of an agency. */
export function mayOpenIoc(actor: Principal | null): actor is Principal {
  if (!actor || actor.kind !== 'officer') return false;
  return actor.roles.includes('province_admin') || (actor.roles.includes('agency_leader') && actor.agencyId !== null);
}

/** What the caller may see: a province admin anything, an agency leader their agency only. */
export function scopeFor(actor: Principal | null, q: IocQuery, now: Date): Scoped {
  const period = parsePeriod(q.period ?? vnDateOf(now).slice(0, 4));
  if (!period) throw new AppError('validation', 'period must be YYYY, YYYY-Qn or YYYY-MM', { errors: [{ pointer: '/query/period', detail: 'YYYY, YYYY-Qn or YYYY-MM' }] });
  if (!mayOpenIoc(actor)) throw new AppError('forbidden');
  if (actor.roles.includes('province_admin')) return { level: q.level ?? 'province', scope: '', id: q.level === 'province' || !q.level ? undefined : q.id, period };
  const own = actor.agencyId;
  if (!actor.roles.includes('agency_leader') || !own) throw new AppError('forbidden');
  const level = q.level ?? 'agency';
  if (level === 'province') throw new AppError('forbidden', 'an agency leader sees their own agency only (level=agency)');
  if (level === 'agency') {
    if (q.id !== undefined && q.id !== own) throw new AppError('forbidden', 'an agency leader sees their own agency only');
    return { level, scope: '', id: own, period };
  }
  return { level, scope: own, id: q.id, period };
}

/** True when `now` falls inside the period (open dossiers past due are only known for today). */
export function isCurrent(p: Period, now: Date): boolean {
  return periodEnd(p) > now && periodEnd(previousPeriod(p)) <= now;
}

/** Per-request memo of shared look-ups (one query per scope and period serves every level). */
export type Memo = Map<string, Promise<unknown>>;
function memoised<T>(memo: Memo, key: string, load: () => Promise<T>): Promise<T> {
  let hit = memo.get(key) as Promise<T> | undefined;
  if (!hit) memo.set(key, (hit = load()));
  return hit;
}

const monthMask = (p: Period) => monthsOf(p).reduce((mask, m) => mask | (1 << (Number(m.slice(5, 7)) - 1)), 0);

/** Every entity of the level in scope with activity in the period (or the one asked for), scored. */
export async function entities(db: Executor, s: Scoped, now: Date, memo: Memo = new Map()): Promise<EntityResult[]> {
  const { scope, level, period } = s;
  const key = level === 'province' ? '' : s.id;
  const usedScope = level === 'province' ? scope : level === 'agency' ? null : undefined;
  // One entity: its own rows only; a table: every level of the scope at once (the memo shares them).
  const one = <T>(rows: Promise<Map<string, T>>) => rows.then((m) => new Map([[level, m]]));
  const [ref, sums, inProgress, overdue, used] = await Promise.all([
    reference(db),
    key !== undefined
      ? memoised(memo, `sums|${scope}|${period.label}|${level}|${key}`, () => one(sumsByKey(db, { scope, level, from: period.from, to: period.to, key })))
      : memoised(memo, `sums|${scope}|${period.label}`, () => sumsByLevel(db, scope, period.from, period.to)),
    key !== undefined
      ? memoised(memo, `open|${scope}|${period.to}|${level}|${key}`, () => one(inProgressByKey(db, { scope, level, to: period.to, key })))
      : memoised(memo, `open|${scope}|${period.to}`, () => inProgressByLevel(db, scope, period.to)),
    isCurrent(period, now) ? memoised(memo, `overdue|${scope}`, () => overdueOpenByLevel(db, now, scope)) : Promise.resolve(null),
    usedScope === undefined ? Promise.resolve(null)
      : memoised(memo, `online|${usedScope ?? '*'}|${period.label}`, () => onlineUsedByScope(db, period.year, monthMask(period), usedScope)),
  ]);
  const levelSums = sums.get(level) ?? new Map<string, Totals>();
  const levelOpen = inProgress.get(level) ?? new Map<string, number>();
  const levelOverdue = overdue?.get(level) ?? new Map<string, number>();
  const keys = key !== undefined ? [key] : [...new Set([...levelSums.keys(), ...levelOpen.keys()])].filter((k) => k !== '');
  return keys.map((k) => {
    const totals = levelSums.get(k) ?? zeroTotals();
    const procedures = proceduresOf(ref, level, k, scope);
    const onlineUsed = level === 'procedure'
      ? (totals.received_online > 0 && procedures[0]?.onlineLevel ? 1 : 0)
      : level === 'commune' ? null : (used?.get(level === 'agency' ? k : scope) ?? 0);
    const figures = figuresOf(totals, { inProgress: levelOpen.get(k) ?? 0, overdueOpen: overdue ? (levelOverdue.get(k) ?? 0) : null, procedures });
    return { id: k, name: nameOf(ref, level, k), totals, figures, index: scoreIndex(inputsOf(totals, procedures, onlineUsed)) };
  });
}

const byScore = (a: EntityResult, b: EntityResult) =>
  (b.index.normalized ?? -1) - (a.index.normalized ?? -1) || (b.figures.onTimeRate ?? -1) - (a.figures.onTimeRate ?? -1) || a.id.localeCompare(b.id);

export async function iocIndex(db: Executor, s: Scoped, now: Date) {
  const items = (await entities(db, s, now, new Map())).sort(byScore);
  return { period: s.period.label, level: s.level, items: items.map((e, i) => ({ rank: i + 1, id: e.id, name: e.name, ...e.index })) };
}

/** One row of a table by agency, procedure or commune. */
export function tableRow(e: EntityResult, rank?: number) {
  const f = e.figures;
  return {
    ...(rank !== undefined && { rank }), id: e.id, name: e.name, score: e.index.normalized, received: f.received, settled: f.settled,
    inProgress: f.inProgress, early: f.early, onTime: f.onTime, late: f.late, onTimeRate: f.onTimeRate, lateRate: f.lateRate,
    overdueOpen: f.overdueOpen, onlineShare: f.onlineShare, electronicReturnShare: f.electronicReturnShare,
    avgProcessingDays: f.avgProcessingDays, supplements: f.supplements, satisfiedShare: f.ratings.satisfiedShare,
  };
}

const topLate = (list: EntityResult[], n = 10) =>
  list.filter((e) => e.figures.late > 0).sort((a, b) => b.figures.late - a.figures.late || (b.figures.lateRate ?? 0) - (a.figures.lateRate ?? 0)).slice(0, n).map((e) => tableRow(e));

/** The scope inside which an entity's breakdown tables are counted (null: no breakdown). */
function innerScope(s: Scoped): string | null {
  if (s.level === 'province') return '';
  if (s.level === 'agency') return s.id ?? null;
  return null;
}

async function single(db: Executor, s: Scoped, now: Date, memo: Memo = new Map()) {
  const prevPeriod = previousPeriod(s.period);
  const inner = innerScope(s);
  const [entity, previous, procedures, agencies] = await Promise.all([
    entities(db, s, now, memo).then((l) => l[0]!),
    entities(db, { ...s, period: prevPeriod }, now, memo).then((l) => l[0]!),
    inner === null ? Promise.resolve([]) : entities(db, { level: 'procedure', scope: inner, period: s.period }, now, memo),
    s.level === 'province' ? entities(db, { level: 'agency', scope: '', period: s.period }, now, memo) : Promise.resolve([]),
  ]);
  return {
    entity, procedures,
    summary: {
      period: s.period.label, level: s.level, id: entity.id, name: entity.name, figures: entity.figures,
      previous: { period: prevPeriod.label, figures: previous.figures }, trend: trendOf(entity.figures, previous.figures),
      topLateProcedures: topLate(procedures),
      agencyRanking: agencies.sort(byScore).map((e, i) => tableRow(e, i + 1)),
    },
  };
}

/** One entity's figures with the previous period and the breakdowns; or, without an id, the table of the level. */
export async function iocFigures(db: Executor, s: Scoped, now: Date) {
  if (s.level === 'province' || s.id !== undefined) return (await single(db, s, now)).summary;
  const list = await entities(db, s, now);
  return { period: s.period.label, level: s.level, items: list.sort(byScore).map((e, i) => tableRow(e, i + 1)) };
}

/** Everything the dashboard shows for one entity and period, in one call. */
export async function iocDashboard(db: Executor, s: Scoped, now: Date) {
  if (s.level !== 'province' && s.id === undefined) {
    throw new AppError('validation', 'id is required for this level', { errors: [{ pointer: '/query/id', detail: 'required for this level' }] });
  }
  const inner = innerScope(s);
  const memo: Memo = new Map();
  const [one, communes, monthly, cursor] = await Promise.all([
    single(db, s, now, memo),
    inner === null ? Promise.resolve([]) : entities(db, { level: 'commune', scope: inner, period: s.period }, now, memo),
    monthlySeries(db, s),
    cursorUpdatedAt(db, IOC_CONSUMER),
  ]);
  return {
    ...one.summary,
    index: one.entity.index,
    monthly,
    procedures: one.procedures.sort(byScore).map((e, i) => tableRow(e, i + 1)),
    communes: communes.sort(byScore).map((e, i) => tableRow(e, i + 1)),
    asOf: now.toISOString(),
    dataUpdatedAt: cursor ? cursor.toISOString() : null,
  };
}
