/**
 * The generator: a small province-year on the test database (COPY on PostgreSQL, multi-row INSERT on
 * PGlite), consistent with the lifecycle, with the intended rhythm and mix, and rollups (rebuilt by
 * `generate`) that agree with plain GROUP BY queries over the raw tables.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED, TARGETS } from '../src/modules/dossiers/lifecycle.ts';
import { generate, type GenerateResult } from '../src/cli/generate.ts';
import { parsePeriod } from '../src/modules/ioc/model.ts';
import { plainFigures } from '../bench/ioc-plain.ts';
import { sumsByKey } from '../src/modules/ioc/store.ts';
import { inputsOf } from '../src/modules/ioc/figures.ts';
import { scoreIndex } from '../src/modules/ioc/index766.ts';
import { freshDatabase } from './helpers.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let result: GenerateResult;
const NOW = new Date('2026-11-22T05:00:00Z');

beforeAll(async () => {
  database = await freshDatabase();
  result = await generate(database, { dossiers: 3000, year: 2026, seed: 'test', now: NOW, databaseUrl: database.url });
});
afterAll(() => database.close());

const one = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(database.db)).rows[0]!;

describe('generate', () => {
  it('loads the dossiers and their history in bulk and rebuilds the rollups', async () => {
    expect(result).toMatchObject({ dossiers: 3000, method: database.url ? 'copy' : 'insert', rebuild: { dossiers: 3000 } });
    const counts = await one(sql<{ d: number; h: number; future: number }>`select (select count(*)::int from dossiers) d,
      (select count(*)::int from dossier_history) h, (select count(*)::int from dossier_history where occurred_at > ${NOW}) future`);
    expect(counts).toEqual({ d: 3000, h: result.historyRows, future: 0 });
    expect(result.historyRows / 3000).toBeGreaterThan(4);
  });

  it('writes histories the lifecycle allows, and columns that are their reduction', async () => {
    const rows = (await sql<{ dossier_id: string; seq: number; action: string; status: number }>`
      select dossier_id, seq, action, status from dossier_history order by dossier_id, seq`.execute(database.db)).rows;
    let prev: { dossier_id: string; status: number } | null = null;
    for (const r of rows) {
      const from = prev?.dossier_id === r.dossier_id ? prev.status : null;
      if (from === null) expect(['submit', 'register_counter']).toContain(r.action);
      else expect(ALLOWED[from as keyof typeof ALLOWED] as readonly string[]).toContain(r.action);
      expect(TARGETS[r.action as keyof typeof TARGETS] as readonly number[]).toContain(r.status);
      prev = r;
    }
    const mismatched = await one(sql<{ n: number }>`select count(*)::int n from dossiers d
      where d.status <> (select status from dossier_history h where h.dossier_id = d.id order by seq desc limit 1)
         or d.version <> (select max(seq) from dossier_history h where h.dossier_id = d.id)`);
    expect(mismatched.n).toBe(0);
  });

  it('has quiet weekends, the Tết dip, about 40 % online and a realistic share of late dossiers', async () => {
    const r = await one(sql<{ weekend: number; feb: number; jan: number; online: number; late: number; electronic: number; supplements: number }>`
      select avg((extract(isodow from submitted_at at time zone 'Asia/Ho_Chi_Minh') >= 6)::int)::float8 weekend,
        count(*) filter (where submitted_at >= '2026-02-01T00:00+07' and submitted_at < '2026-03-01T00:00+07')::float8 feb,
        count(*) filter (where submitted_at >= '2026-01-01T00:00+07' and submitted_at < '2026-02-01T00:00+07')::float8 jan,
        avg((channel = 2)::int)::float8 online,
        (count(*) filter (where result_at > due_at))::float8 / count(*) filter (where result_at is not null) late,
        (select avg((data->>'electronic')::boolean::int)::float8 from dossier_history where action = 'return_result') electronic,
        (select count(distinct dossier_id)::float8 from dossier_history where action = 'request_supplement') / count(*) supplements
      from dossiers`);
    expect(r.weekend).toBeLessThan(0.06);
    expect(r.feb / r.jan).toBeLessThan(0.9);
    expect(r.online).toBeGreaterThan(0.33);
    expect(r.online).toBeLessThan(0.48);
    expect(r.late).toBeGreaterThan(0.03);
    expect(r.late).toBeLessThan(0.2);
    expect(r.electronic).toBeGreaterThan(0.6);
    expect(r.supplements).toBeGreaterThan(0.03);
  });

  it('gives rollups that agree with plain GROUP BY over the raw tables', async () => {
    const period = parsePeriod('2026')!;
    const plain = await plainFigures(database.db, 'agency', period);
    const rolled = await sumsByKey(database.db, { scope: '', level: 'agency', from: period.from, to: period.to });
    expect(plain.length).toBeGreaterThan(10);
    for (const p of plain) {
      const t = rolled.get(p.key)!;
      expect({ key: p.key, received: t.received, online: t.received_online, settled: t.settled, early: t.early, onTime: t.on_time, late: t.late, rated: t.rated_very_satisfied + t.rated_satisfied + t.rated_not_satisfied })
        .toEqual({ key: p.key, received: p.received, online: p.received_online, settled: p.settled, early: p.early, onTime: p.on_time, late: p.late, rated: p.rated });
    }
  });

  it('gives the demo IOC digitisation, reuse and electronic certified copies to score (not "no data")', async () => {
    const year = (await sumsByKey(database.db, { scope: '', level: 'province', from: '2026-01-01', to: '2026-12-01' })).get('')!;
    const inputs = inputsOf(year, [], null);
    const digitisation = scoreIndex(inputs).groups.find((g) => g.key === 'digitisation')!;
    const by = Object.fromEntries(digitisation.indicators.map((i) => [i.key, i]));
    for (const k of ['digitised', 'reused', 'certified_copies']) expect(by[k]!.status, k).toBe('scored');
    // Plausible shares: online dossiers are digital, ~7 in 10 paper ones scanned; ~1 in 10 reused; ~6 in 10 copies electronic.
    expect(by.digitised!.ratio).toBeGreaterThan(0.7);
    expect(by.digitised!.ratio).toBeLessThan(0.95);
    expect(by.reused!.ratio).toBeGreaterThan(0.03);
    expect(by.reused!.ratio).toBeLessThan(0.25);
    expect(by.certified_copies!.denominator).toBeGreaterThan(0);
    expect(by.certified_copies!.ratio).toBeGreaterThan(0.3);
  });

  it('moves the daily code sequences past the generated codes', async () => {
    const r = await one(sql<{ behind: number }>`select count(*)::int behind from dossiers d
      where not exists (select 1 from dossier_sequences s where s.agency_id = d.desk_agency_id
        and s.day = (d.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date and s.last >= split_part(d.code, '-', 3)::int)`);
    expect(r.behind).toBe(0);
  });
});
