/**
 * Operational figures and the index inputs of one entity for one period, from its rollup totals and
 * the catalogue. Pure. Rates are fractions (0..1) rounded to 4 places; null = not computable or no data.
 */
import { HOURS_PER_WORKING_DAY } from '../dossiers/index.ts';
import { INPUTS, type Inputs } from './index766.ts';
import type { Totals } from './model.ts';
import type { ProcInfo } from './reference.ts';

export interface Figures {
  received: number;
  receivedOnline: number;
  receivedPostal: number;
  /** Received dossiers submitted online. */
  onlineShare: number | null;
  settled: number;
  refused: number;
  early: number;
  onTime: number;
  late: number;
  /** (early + on time) / settled with a due date. */
  onTimeRate: number | null;
  /** late / settled with a due date. */
  lateRate: number | null;
  /** Received and not yet settled or stopped at the end of the period. */
  inProgress: number;
  /** Open dossiers past their due date now (only for the period containing today; else null). */
  overdueOpen: number | null;
  /** overdueOpen / inProgress. */
  overdueOpenRate: number | null;
  withdrawn: number;
  returned: number;
  /** Results returned electronically / returns that say how (null: no producer of that flag yet). */
  electronicReturnShare: number | null;
  supplements: number;
  rescheduled: number;
  /** Average working days from reception (clock start) to result, supplement waits included. */
  avgProcessingDays: number | null;
  ratings: { verySatisfied: number; satisfied: number; notSatisfied: number; rated: number; satisfiedShare: number | null };
  /** Procedures of the entity offering fully-online service (catalogue). */
  fullyOnlineProcedureShare: number | null;
}

/** Mean processing time of the settled dossiers in working days (8 working hours), 2 decimals. */
export function avgProcessingDays(t: Pick<Totals, 'processing_minutes' | 'processing_count'>): number | null {
  return t.processing_count > 0 ? Math.round((t.processing_minutes / 60 / HOURS_PER_WORKING_DAY / t.processing_count) * 100) / 100 : null;
}

export const rate = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null);

export function figuresOf(t: Totals, extra: { inProgress: number; overdueOpen: number | null; procedures: ProcInfo[] }): Figures {
  const timed = t.early + t.on_time + t.late;
  const rated = t.rated_very_satisfied + t.rated_satisfied + t.rated_not_satisfied;
  const procs = extra.procedures;
  return {
    received: t.received,
    receivedOnline: t.received_online,
    receivedPostal: t.received_postal,
    onlineShare: rate(t.received_online, t.received),
    settled: t.settled,
    refused: t.refused,
    early: t.early,
    onTime: t.on_time,
    late: t.late,
    onTimeRate: rate(t.early + t.on_time, timed),
    lateRate: rate(t.late, timed),
    inProgress: extra.inProgress,
    overdueOpen: extra.overdueOpen,
    overdueOpenRate: extra.overdueOpen === null ? null : rate(extra.overdueOpen, extra.inProgress),
    withdrawn: t.withdrawn,
    returned: t.returned,
    electronicReturnShare: rate(t.returned_electronic, t.returned_known),
    supplements: t.supplements,
    rescheduled: t.rescheduled,
    avgProcessingDays: avgProcessingDays(t),
    ratings: {
      verySatisfied: t.rated_very_satisfied, satisfied: t.rated_satisfied, notSatisfied: t.rated_not_satisfied, rated,
      satisfiedShare: rate(t.rated_very_satisfied + t.rated_satisfied, rated),
    },
    fullyOnlineProcedureShare: rate(procs.filter((p) => p.onlineLevel === 'full').length, procs.length),
  };
}

/**
 * The index inputs. Catalogue-based ones come from the entity's procedures; `onlineUsed` is the number
 * of its online procedures with at least one online dossier in the period (null when unknown, e.g. per
 * commune). Everything the platform does not produce yet is null.
 */
export function inputsOf(t: Totals, procs: ProcInfo[], onlineUsed: number | null): Inputs {
  const inputs = Object.fromEntries(INPUTS.map((k) => [k, null])) as Inputs;
  const online = procs.filter((p) => p.onlineLevel !== null).length;
  Object.assign(inputs, {
    procedures: procs.length,
    procedures_online: online,
    procedures_complete: procs.filter((p) => p.complete).length,
    procedures_with_fees: procs.filter((p) => p.hasFees).length,
    online_services: online,
    online_services_used: onlineUsed,
    received: t.received,
    received_online: t.received_online,
    settled_timed: t.early + t.on_time + t.late,
    early_on_time: t.early + t.on_time,
    rated: t.rated_very_satisfied + t.rated_satisfied + t.rated_not_satisfied,
    rated_satisfied: t.rated_very_satisfied + t.rated_satisfied,
    // Only returns that say whether they were electronic count; none → no data, not 0.
    returned_known: t.returned_known > 0 ? t.returned_known : null,
    returned_electronic: t.returned_known > 0 ? t.returned_electronic : null,
    // Digitisation: received online or scanned whole at the counter; reused stored documents; certified copies.
    digitised: t.digitised,
    reused: t.reused,
    certified_copies_requested: t.certified_requested,
    certified_copies_electronic: t.certified_electronic,
  } satisfies Partial<Inputs>);
  return inputs;
}

/** Whether a period saw any dossier: received, settled or still open. */
export function hasDossiers(f: Figures): boolean {
  return f.received > 0 || f.settled > 0 || f.inProgress > 0;
}

/**
 * Change against the previous period: absolute difference of each numeric figure (null when either is
 * null). Nothing is compared with a period without dossiers (a first year is not "up 2,913").
 */
export function trendOf(now: Figures, before: Figures): Record<string, number | null> {
  const comparable = hasDossiers(before);
  const change = (v: unknown, b: unknown) => (comparable && typeof v === 'number' && typeof b === 'number' ? Math.round((v - b) * 10_000) / 10_000 : null);
  const out: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(now)) {
    if (typeof v === 'number' || v === null) out[k] = change(v, (before as unknown as Record<string, unknown>)[k]);
  }
  out.satisfiedShare = change(now.ratings.satisfiedShare, before.ratings.satisfiedShare);
  return out;
}
