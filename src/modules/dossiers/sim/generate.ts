/**
 * The dossier simulator behind `npx motcua generate --dossiers N --year Y [--seed S]`: a realistic
 * province-year of dossiers and their processing history, bulk-loaded (COPY on PostgreSQL, batched
 * multi-row INSERT on PGlite). Generated dossiers do not go through the outbox: whoever keeps figures
 * from dossier events rebuilds them afterwards (the caller runs the IOC rebuild). The daily code
 * sequences are moved past the generated codes so live intake goes on after them.
 */
import type { Database } from '../../../db/index.ts';
import { createCalendar } from '../../calendar/index.ts';
import { allAdminUnits, allAgencies, currentProcedures, type AgencyKind } from '../../catalog/index.ts';
import { procedureWorkingDays, processForProcedure } from '../workflow-templates.ts';
import { dossierCode, vnDay } from '../model.ts';
import { generateDossier, type GeneratedDossier, type ProcEntry, type World } from './dossier.ts';
import { planDays, rng, Weighted } from './plan.ts';
import { openSink } from './sink.ts';

export interface GenerateDossiersOptions {
  dossiers: number;
  year: number;
  seed?: string;
  /** Nothing later than this is generated (default: now). */
  now?: Date;
  /** PostgreSQL connection string for COPY (null: PGlite, multi-row INSERT). */
  databaseUrl: string | null;
  progress?: (phase: 'dossiers', done: number, total: number) => void;
}

export interface GenerateDossiersResult {
  dossiers: number;
  historyRows: number;
  method: 'copy' | 'insert';
  seconds: number;
}

async function worldOf(database: Database, seed: string, now: Date): Promise<World> {
  const { db } = database;
  const r = rng(`${seed}:world`);
  const [agencies, allUnits, procs] = await Promise.all([allAgencies(db), allAdminUnits(db), currentProcedures(db)]);
  const units = allUnits.filter((u) => ['commune', 'ward', 'special_zone'].includes(u.type));
  const byKindUnit = new Map(agencies.map((a) => [`${a.kind}|${a.unit_code ?? ''}`, a.id]));
  const fixed: Partial<Record<AgencyKind, string>> = {};
  for (const a of agencies) if (a.unit_code === null && !(a.kind in fixed)) fixed[a.kind as AgencyKind] = a.id;
  const unitWeight = { ward: 3, commune: 1, special_zone: 0.3 } as Record<string, number>;
  const communes = new Weighted(units.map((u) => u.code), units.map((u) => (unitWeight[u.type] ?? 1) * (0.6 + 0.8 * r())));
  const entries: ProcEntry[] = procs.map(({ data, version }) => {
    const channels = ['direct', 'online', 'postal'] as const;
    return {
      p: { ...data, version }, online: data.onlineLevel !== null,
      process: Object.fromEntries(channels.map((c) => [c, processForProcedure(data, { channel: c })])) as ProcEntry['process'],
      workingDays: Object.fromEntries(channels.map((c) => [c, procedureWorkingDays(data, c)])) as ProcEntry['workingDays'],
    };
  });
  const ranks = entries.map(() => r());
  const order = [...ranks].sort((a, b) => a - b);
  const weight = (e: ProcEntry, i: number) => (order.indexOf(ranks[i]!) + 1) ** -0.9 * (e.p.level === 'commune' ? 2 : 1);
  const online = entries.filter((e) => e.online);
  const profiles = new Map<string, { lateP: number; notSatisfiedP: number }>();
  return {
    procedures: new Weighted(entries, entries.map(weight)),
    onlineProcedures: new Weighted(online, online.map((e) => weight(e, entries.indexOf(e)))),
    communes, byKindUnit, fixed, now, cal: createCalendar(),
    profile: (id) => {
      let p = profiles.get(id);
      if (!p) {
        const pr = rng(`${seed}:agency:${id}`);
        profiles.set(id, (p = { lateP: 0.03 + 0.17 * pr(), notSatisfiedP: 0.02 + 0.1 * pr() }));
      }
      return p;
    },
  };
}

export async function generateDossiers(database: Database, opts: GenerateDossiersOptions): Promise<GenerateDossiersResult> {
  const started = performance.now();
  const seed = opts.seed ?? 'motcua';
  const now = opts.now ?? new Date();
  const world = await worldOf(database, seed, now);
  const days = planDays(opts.year, opts.dossiers, now, world.cal);
  if (!days.length) throw new Error(`year ${opts.year} has not started yet`);
  const r = rng(`${seed}:dossiers:${opts.year}`);
  // Codes continue the desks' daily sequences (live intake may already have used some numbers).
  const seqs = new Map<string, number>();
  const existing = await database.db.selectFrom('dossier_sequences').select(['agency_id', 'day', 'last'])
    .where('day', '>=', `${opts.year}-01-01`).where('day', '<=', `${opts.year}-12-31`).execute();
  for (const s of existing) seqs.set(`${s.agency_id}|${s.day}`, s.last);

  const sink = await openSink(database, opts.databaseUrl);
  let done = 0;
  let historyRows = 0;
  try {
    let batch: (GeneratedDossier & { code: string })[] = [];
    for (const day of days) {
      for (let i = 0; i < day.count; i++) {
        let d: GeneratedDossier | null = null;
        for (let tries = 0; !d && tries < 20; tries++) d = generateDossier(world, day, r);
        if (!d) continue;
        const iso = vnDay(d.submittedAt).iso;
        const key = `${d.deskId}|${iso}`;
        const n = (seqs.get(key) ?? 0) + 1;
        seqs.set(key, n);
        batch.push({ ...d, code: dossierCode(d.deskId, d.submittedAt, n) });
        historyRows += d.history.length;
        if (batch.length >= sink.batchSize) {
          await sink.write(batch);
          done += batch.length;
          batch = [];
          opts.progress?.('dossiers', done, opts.dossiers);
        }
      }
    }
    await sink.write(batch);
    done += batch.length;
    opts.progress?.('dossiers', done, opts.dossiers);
    await sink.sequences([...seqs].map(([k, last]) => {
      const [agency, day] = k.split('|') as [string, string];
      return { agency, day, last };
    }));
    await sink.finish();
  } catch (err) {
    await sink.abort();
    if ((err as { code?: string }).code === '23505') throw new Error(`dossiers of seed "${seed}" are already there: generate with another --seed`);
    throw err;
  }
  return { dossiers: done, historyRows, method: sink.method, seconds: Math.round((performance.now() - started) / 100) / 10 };
}
