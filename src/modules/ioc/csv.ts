/**
 * Every IOC table as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs show the
 * Vietnamese names; cells that would start a formula are prefixed with an apostrophe).
 */
import type { IndexScore } from './index766.ts';

type Row = Record<string, unknown>;

/** Nested objects become dotted columns: { ratings: { rated: 3 } } → ratings.rated. */
export function flatten(row: Row, prefix = ''): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) Object.assign(out, flatten(v as Row, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = v;
  }
  return out;
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = v instanceof Date ? v.toISOString() : Array.isArray(v) ? v.join(' ') : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(rows: Row[]): string {
  const flat = rows.map((r) => flatten(r));
  const columns: string[] = [];
  for (const r of flat) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
  const lines = [columns.map(cell).join(','), ...flat.map((r) => columns.map((c) => cell(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One row per entity: its score, then each group's and each indicator's points (empty = no data). */
export function indexRows(items: ({ rank?: number; id: string; name: string } & IndexScore)[]): Row[] {
  return items.map((e) => {
    const row: Row = { rank: e.rank, id: e.id, name: e.name, score: e.score, scorableMax: e.scorableMax, normalized: e.normalized };
    for (const g of e.groups) row[`${g.key}`] = g.points;
    for (const g of e.groups) for (const i of g.indicators) row[`${g.key}.${i.key}`] = i.points;
    return row;
  });
}

/** The figures of one entity as rows: figure, value, previous period, change. */
export function summaryRows(s: { figures: object; previous: { figures: object }; trend: Record<string, number | null> }): Row[] {
  const now = flatten(s.figures as Row);
  const before = flatten(s.previous.figures as Row);
  return Object.keys(now).map((k) => ({ figure: k, value: now[k], previous: before[k], change: s.trend[k] ?? null }));
}

/** The index of one entity as rows: group, indicator, max, points, ratio, numerator, denominator, status. */
export function indicatorRows(index: IndexScore): Row[] {
  return index.groups.flatMap((g) => g.indicators.map((i) => ({
    group: g.key, groupName: g.name.vi, indicator: i.key, name: i.name.vi, max: i.max, points: i.points, ratio: i.ratio,
    numerator: i.numerator, denominator: i.denominator, status: i.status,
  })));
}

