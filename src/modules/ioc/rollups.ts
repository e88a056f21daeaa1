/**
 * Keeping the rollups: incrementally from the outbox (the `ioc` consumer), or recomputed from the raw
 * history (`npx motcua ioc rebuild`, and after `generate`). Both read dossier events as `Fact`s and
 * fold them with the same `contributions`, so they give the same rows.
 */
import { sql } from 'kysely';
import type { Db, Executor, Tx } from '../../db/index.ts';
import { eventIdsFrom, isTopic, lockCursor, setCursor, type EventHandler, type OutboxEvent } from '../../platform/consumers.ts';
import type { WorkingCalendar } from '../calendar/index.ts';
import { agencyCalendar, countDossiers, dossierFactsOf, historyPages, isDossierAction, receptionOf, type DossierFacts, type HistoryFacts } from '../dossiers/index.ts';
import { documentFacts, documentIssued, documentReused } from '../results/index.ts';
import { ACTIONS_WITH_DATA, Deltas, DOCUMENT_FACTS, NEEDS_RECEPTION, type Fact, type RollupRow } from './model.ts';
import { addOnlineMonths, addRollups, clearRollups } from './store.ts';

export const IOC_CONSUMER = 'ioc';

/** A lifecycle event of the outbox as a fact (null for other events, e.g. step escalations). */
export function factFromEvent(e: OutboxEvent): (Fact & { deskAgencyId: string }) | null {
  if (!isDossierAction(e)) return null;
  const p = e.payload;
  return {
    dossierId: e.aggregateId, action: p.action, from: p.from, to: p.to, at: e.occurredAt,
    dueAt: p.dueAt === null ? null : new Date(p.dueAt), procedureCode: p.procedureCode, agencyId: p.handlingAgencyId, deskAgencyId: p.deskAgencyId,
    communeCode: p.communeCode || null, channel: p.channel, data: p.data ?? null, receivedAt: null,
  };
}

/** A fact of the results module about a dossier (see DOCUMENT_FACTS), with the dossier's attributes. */
function documentFact(d: DossierFacts, fact: 'reuse' | 'certified_copy', at: Date): Fact & { deskAgencyId: string } {
  return {
    dossierId: d.id, action: fact === 'reuse' ? DOCUMENT_FACTS.reuse : DOCUMENT_FACTS.certifiedCopy, from: null, to: 0, at, dueAt: null,
    procedureCode: d.procedure_code, agencyId: d.handling_agency_id, deskAgencyId: d.desk_agency_id, communeCode: d.commune_code,
    channel: d.channel, data: null, receivedAt: null,
  };
}

/** The results module's events the rollups count: a dossier's reuse of stored documents, its first certified copy. */
function documentEventOf(e: OutboxEvent): { dossierId: string; fact: 'reuse' | 'certified_copy'; at: Date } | null {
  if (isTopic(e, documentReused)) return { dossierId: e.payload.dossierId, fact: 'reuse', at: e.occurredAt };
  if (isTopic(e, documentIssued) && e.payload.kind === 'certified_copy' && e.payload.first === true) return { dossierId: e.payload.dossierId, fact: 'certified_copy', at: e.occurredAt };
  return null;
}

/** The calendar of each desk (office hours), remembered per run. */
function calendars(db: Executor) {
  const known = new Map<string, WorkingCalendar>();
  return async (deskId: string) => {
    let c = known.get(deskId);
    if (!c) known.set(deskId, (c = await agencyCalendar(db, deskId)));
    return c;
  };
}

/**
 * The consumer's handler: folds a batch of outbox events into the rollups inside the cursor's
 * transaction (everything it reads goes through that transaction: PGlite has a single connection).
 */
export function iocHandler(): EventHandler {
  return async (tx: Tx, events: OutboxEvent[]) => {
    const facts = events.map(factFromEvent).filter((f) => f !== null);
    const docs = events.map(documentEventOf).filter((d) => d !== null);
    const dossiers = await dossierFactsOf(tx, docs.map((d) => d.dossierId));
    for (const d of docs) {
      const row = dossiers.get(d.dossierId);
      if (row) facts.push(documentFact(row, d.fact, d.at));
    }
    const reception = await receptionOf(tx, [...new Set(facts.filter((f) => NEEDS_RECEPTION.has(f.action)).map((f) => f.dossierId))]);
    const calendarOf = calendars(tx);
    const deltas = new Deltas();
    for (const f of facts) {
      if (NEEDS_RECEPTION.has(f.action)) f.receivedAt = reception.get(f.dossierId)?.receivedAt ?? null;
      deltas.add(f, await calendarOf(f.deskAgencyId));
    }
    await addRollups(tx, deltas.rows.values());
    await addOnlineMonths(tx, deltas.online.values());
  };
}

/** Folds one dossier's history (in seq order) into facts: the status before each event, the due date after it. */
export function factsFromHistory(d: DossierFacts, history: HistoryFacts[]): Fact[] {
  let from: number | null = null;
  let dueAt: Date | null = null;
  return history.map((h) => {
    if (h.due_at) dueAt = new Date(h.due_at);
    const f: Fact = {
      dossierId: d.id, action: h.action, from, to: h.status, at: new Date(h.occurred_at), dueAt, procedureCode: d.procedure_code,
      agencyId: d.handling_agency_id, communeCode: d.commune_code, channel: d.channel, data: h.data,
      receivedAt: d.received_at ? new Date(d.received_at) : null,
    };
    from = h.status;
    return f;
  });
}

export interface RebuildResult {
  dossiers: number;
  events: number;
  rows: number;
}

/**
 * Recomputes every rollup from the dossiers' histories (read through the dossiers module) in one
 * repeatable-read transaction and puts the `ioc` cursor where that snapshot ends: at the horizon of
 * the snapshot, skipping the events above it that the snapshot already saw. Replaying the outbox from there adds each event once.
 */
export async function rebuildRollups(db: Db, opts: { pageSize?: number; progress?: (done: number, total: number) => void } = {}): Promise<RebuildResult> {
  const pageSize = opts.pageSize ?? 5000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().setIsolationLevel('repeatable read').execute(async (tx) => {
        const { rows: [h] } = await sql<{ h: string }>`select pg_snapshot_xmin(pg_current_snapshot())::text as h`.execute(tx);
        const horizon = h!.h;
        const total = await countDossiers(tx);
        await lockCursor(tx, IOC_CONSUMER);
        const calendarOf = calendars(tx);
        const deltas = new Deltas();
        let done = 0;
        let events = 0;
        const docFacts = new Map<string, { fact: 'reuse' | 'certified_copy'; at: Date }[]>();
        for (const f of await documentFacts(tx)) docFacts.set(f.dossierId, [...(docFacts.get(f.dossierId) ?? []), f]);
        // Only these actions' facts read the history's data (ratings, electronic returns, digitisation at reception).
        for await (const page of historyPages(tx, { pageSize, withData: ACTIONS_WITH_DATA })) {
          for (const d of page.dossiers) {
            const cal = await calendarOf(d.desk_agency_id);
            for (const f of factsFromHistory(d, page.history.get(d.id) ?? [])) {
              deltas.add(f, cal);
              events++;
            }
            for (const f of docFacts.get(d.id) ?? []) {
              deltas.add(documentFact(d, f.fact, f.at), cal);
              events++;
            }
          }
          done += page.dossiers.length;
          opts.progress?.(done, total);
        }
        await clearRollups(tx);
        // In key order, so that the rows read together (one scope and level) sit on the same pages.
        const byKey = (r: RollupRow) => `${r.scope}\u0000${r.level}\u0000${r.month}\u0000${r.key}`;
        await addRollups(tx, [...deltas.rows.values()].sort((a, b) => (byKey(a) < byKey(b) ? -1 : 1)));
        await addOnlineMonths(tx, deltas.online.values());
        const skip = [...await eventIdsFrom(tx, horizon, 'dossier'), ...await eventIdsFrom(tx, horizon, 'document')].sort((a, b) => a - b);
        await setCursor(tx, IOC_CONSUMER, { txid: horizon, id: 0, skip });
        await sql`analyze ioc_rollups`.execute(tx);
        return { dossiers: done, events, rows: deltas.rows.size };
      });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt >= 5 || (code !== '40001' && code !== '40P01')) throw err;
    }
  }
}
