/**
 * IOC rollups, pure: the metrics kept per month, what each dossier event contributes to them, and
 * periods (month, quarter, year). The live consumer (outbox events) and the rebuild (raw history) both
 * turn what they read into `Fact`s and fold them with `contributions`, so both give the same rows.
 */
import { DAY_MS, HOUR_MS, VN_UTC_OFFSET_HOURS, vnDateOf, type WorkingCalendar } from '../calendar/index.ts';

/** The rollup columns, in table order. Every one is a count or a sum: months add up. */
export const METRICS = [
  'received', 'received_online', 'received_postal', 'opened', 'closed', 'settled', 'refused', 'early', 'on_time', 'late',
  'withdrawn', 'returned', 'returned_known', 'returned_electronic', 'rated_very_satisfied', 'rated_satisfied',
  'rated_not_satisfied', 'supplements', 'rescheduled', 'processing_minutes', 'processing_count',
  'digitised', 'reused', 'certified_requested', 'certified_electronic',
] as const;
export type Metric = (typeof METRICS)[number];
export type Totals = Record<Metric, number>;
export const zeroTotals = (): Totals => Object.fromEntries(METRICS.map((m) => [m, 0])) as Totals;
const INDEX = new Map(METRICS.map((m, i) => [m, i]));

export const LEVELS = ['province', 'agency', 'procedure', 'commune'] as const;
export type Level = (typeof LEVELS)[number];

/** One dossier event as the rollups see it (from an outbox payload or from a history row). */
export interface Fact {
  dossierId: string;
  action: string;
  from: number | null;
  to: number;
  at: Date;
  /** The dossier's due date after the event (NgayHenTra), null when it has none. */
  dueAt: Date | null;
  procedureCode: string;
  /** The handling agency: the one accountable for the processing time. */
  agencyId: string;
  communeCode: string | null;
  channel: number;
  data: Record<string, unknown> | null;
  /** When the dossier was received (null if never): needed by issue_result and accept_withdrawal. */
  receivedAt: Date | null;
}

/** The facts from signed documents that count in the rollups, named apart from every lifecycle action. */
export const DOCUMENT_FACTS = { reuse: 'document:reuse', certifiedCopy: 'document:certified_copy' } as const;

/** Actions whose history `data` the rollups read. */
export const ACTIONS_WITH_DATA = ['rate', 'return_result', 'receive', 'register_counter', 'issue_result'] as const;

/** Actions whose facts need the dossier's reception time and desk calendar. */
export const NEEDS_RECEPTION = new Set(['issue_result', 'accept_withdrawal']);

/** The first day of the event's month in Vietnam time, 'YYYY-MM-01'. */
export function monthOf(at: Date): string {
  const day = Math.floor((at.getTime() + VN_OFFSET_MS) / DAY_MS);
  let m = months.get(day);
  if (m === undefined) {
    if (months.size > 100_000) months.clear();
    months.set(day, (m = `${vnDateOf(at).slice(0, 7)}-01`));
  }
  return m;
}
const VN_OFFSET_MS = VN_UTC_OFFSET_HOURS * HOUR_MS;
const months = new Map<number, string>();

/** Early: the result came on a day before the due day; on time: by the due instant; late: after it. */
export function timing(at: Date, dueAt: Date): 'early' | 'on_time' | 'late' {
  if (at > dueAt) return 'late';
  return vnDateOf(at) < vnDateOf(dueAt) ? 'early' : 'on_time';
}

/** What one event adds to the metrics of its month (empty for events that change no figure). */
export function contributions(f: Fact, cal: WorkingCalendar): Partial<Totals> {
  switch (f.action) {
    case 'receive':
    case 'register_counter':
      return {
        received: 1, opened: 1, received_online: f.channel === 2 ? 1 : 0, received_postal: f.channel === 3 ? 1 : 0,
        // Online dossiers are electronic from the start; a counter one is digitised when its reception says so.
        digitised: f.channel === 2 || f.data?.digitised === true ? 1 : 0,
        certified_requested: f.data?.certification === true ? 1 : 0,
        // A reception may say how many components came from the applicant's store (DuocTaiSuDung in the
        // national sync; the demo generator writes it); intake through the platform is counted from the
        // results module's reuse records instead (DOCUMENT_FACTS.reuse), never both for one dossier.
        ...(typeof f.data?.reusedComponents === 'number' && f.data.reusedComponents > 0 && { reused: 1 }),
      };
    // Not lifecycle actions: facts of the results module (a dossier that reused stored documents; its first electronic certified copy).
    case DOCUMENT_FACTS.reuse:
      return { reused: 1 };
    case DOCUMENT_FACTS.certifiedCopy:
      return { certified_electronic: 1 };
    case 'refuse':
      return { settled: 1, refused: 1 };
    case 'issue_result': {
      const out: Partial<Totals> = { settled: 1, closed: 1 };
      // Likewise a result may say it was given as electronic certified copies (the demo generator).
      if (typeof f.data?.certifiedCopies === 'number' && f.data.certifiedCopies > 0) out.certified_electronic = 1;
      if (f.dueAt) out[timing(f.at, f.dueAt)] = 1;
      if (f.receivedAt) {
        const hours = cal.workingHoursBetween(cal.receptionClockStart(f.receivedAt), f.at);
        out.processing_minutes = Math.max(0, Math.round(hours * 60));
        out.processing_count = 1;
      }
      return out;
    }
    case 'accept_withdrawal':
      return { withdrawn: 1, closed: f.receivedAt ? 1 : 0 };
    case 'return_result': {
      const electronic = f.data?.electronic;
      return typeof electronic === 'boolean'
        ? { returned: 1, returned_known: 1, returned_electronic: electronic ? 1 : 0 }
        : { returned: 1 };
    }
    case 'rate': {
      const r = f.data?.rating;
      return r === 'very_satisfied' || r === 'satisfied' || r === 'not_satisfied' ? { [`rated_${r}`]: 1 } : {};
    }
    case 'request_supplement':
      return { supplements: 1 };
    case 'reschedule':
      return { rescheduled: 1 };
    default:
      return {};
  }
}

export interface RollupRow {
  scope: string;
  level: Level;
  key: string;
  month: string;
  values: number[];
}

/** The rollup rows a fact counts in: the province, its agency, procedure and commune, province-wide and within the agency. */
export function rowKeys(f: Fact): [scope: string, level: Level, key: string][] {
  const keys: [string, Level, string][] = [
    ['', 'province', ''], ['', 'agency', f.agencyId], ['', 'procedure', f.procedureCode], [f.agencyId, 'procedure', f.procedureCode],
  ];
  if (f.communeCode) keys.push(['', 'commune', f.communeCode], [f.agencyId, 'commune', f.communeCode]);
  return keys;
}

/** Sums event contributions per rollup row (a batch, or a whole rebuild), and the months with online dossiers. */
export class Deltas {
  readonly rows = new Map<string, RollupRow>();
  /** `${scope}\u0000${procedure}\u0000${year}` → bit mask of months (bit m-1 = month m). */
  readonly online = new Map<string, { scope: string; procedureCode: string; year: number; months: number }>();

  add(f: Fact, cal: WorkingCalendar): void {
    const c = contributions(f, cal);
    const entries = Object.entries(c).filter(([, v]) => v !== 0) as [Metric, number][];
    if (!entries.length) return;
    const month = monthOf(f.at);
    if (c.received_online) {
      const year = Number(month.slice(0, 4));
      const bit = 1 << (Number(month.slice(5, 7)) - 1);
      for (const scope of ['', f.agencyId]) {
        const id = `${scope}\u0000${f.procedureCode}\u0000${year}`;
        const o = this.online.get(id);
        if (o) o.months |= bit;
        else this.online.set(id, { scope, procedureCode: f.procedureCode, year, months: bit });
      }
    }
    for (const [scope, level, key] of rowKeys(f)) {
      const id = `${scope}\u0000${level}\u0000${key}\u0000${month}`;
      let row = this.rows.get(id);
      if (!row) this.rows.set(id, (row = { scope, level, key, month, values: new Array<number>(METRICS.length).fill(0) }));
      for (const [m, v] of entries) row.values[INDEX.get(m)!]! += v;
    }
  }
}

export interface Period {
  label: string;
  kind: 'month' | 'quarter' | 'year';
  year: number;
  /** First and last month, 'YYYY-MM-01'. */
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthKey = (y: number, m: number) => `${y}-${pad(m)}-01`;

/** A period in a request: years 1900–2999 (PostgreSQL has no year 0; the figures start long after 1900). */
export const PERIOD_PATTERN = '^(19|2[0-9])[0-9]{2}(-(0[1-9]|1[0-2])|-Q[1-4])?$';

/** '2026', '2026-Q1' or '2026-03'; null otherwise. */
export function parsePeriod(s: string): Period | null {
  const m = /^(\d{4})(?:-(\d{2})|-Q([1-4]))?$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return { label: s, kind: 'month', year, from: monthKey(year, month), to: monthKey(year, month) };
  }
  if (m[3]) {
    const q = Number(m[3]);
    return { label: s, kind: 'quarter', year, from: monthKey(year, 3 * q - 2), to: monthKey(year, 3 * q) };
  }
  return { label: s, kind: 'year', year, from: monthKey(year, 1), to: monthKey(year, 12) };
}

/** The period just before (previous month, quarter or year). */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'year') return parsePeriod(String(p.year - 1))!;
  const month = Number(p.from.slice(5, 7));
  if (p.kind === 'quarter') {
    const q = (month + 2) / 3;
    return parsePeriod(q === 1 ? `${p.year - 1}-Q4` : `${p.year}-Q${q - 1}`)!;
  }
  return parsePeriod(month === 1 ? `${p.year - 1}-12` : `${p.year}-${pad(month - 1)}`)!;
}

/** The months of a period, 'YYYY-MM-01'. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  for (let m = Number(p.from.slice(5, 7)); m <= Number(p.to.slice(5, 7)); m++) out.push(monthKey(p.year, m));
  return out;
}

/** The instant the period ends (exclusive): midnight in Vietnam after its last month. */
export function periodEnd(p: Period): Date {
  const [y, m] = p.to.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1) - VN_OFFSET_MS);
}
