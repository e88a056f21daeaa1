/** `motcua ioc rebuild`, `motcua ioc consume` and `motcua generate`: the operations centre's data. */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { withDb } from './db.ts';
import { catchUp } from '../platform/consumers.ts';
import { generate } from './generate.ts';
import { IOC_CONSUMER, iocHandler, rebuildRollups } from '../modules/ioc/index.ts';

function bars() {
  const multi = new cliProgress.MultiBar({
    format: '{phase} [{bar}] {percentage}% | {value}/{total} | ETA {eta}s', stream: process.stderr, noTTYOutput: true, notTTYSchedule: 2000,
    hideCursor: true, clearOnComplete: false,
  }, cliProgress.Presets.shades_classic);
  const started = new Map<string, cliProgress.SingleBar>();
  return {
    update(phase: string, done: number, total: number) {
      let b = started.get(phase);
      if (!b) started.set(phase, (b = multi.create(total, 0, { phase: phase.padEnd(8) })));
      b.setTotal(Math.max(total, done));
      b.update(done, { phase: phase.padEnd(8) });
    },
    stop: () => multi.stop(),
  };
}

const positive = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number`);
  return n;
};

export function registerIocCommands(program: Command): void {
  const ioc = program.command('ioc').description('Intelligent Operations Center (Decision 766 index, dashboards)');

  ioc.command('rebuild').description('recompute every IOC rollup from the raw dossier history (the live consumer continues after it)')
    .option('--json').action((o: { json?: boolean }) => withDb(async (d) => {
      const b = bars();
      const t0 = performance.now();
      const r = await rebuildRollups(d.db, { progress: (done, total) => b.update('dossiers', done, total) });
      b.stop();
      const seconds = Math.round((performance.now() - t0) / 100) / 10;
      if (o.json) console.log(JSON.stringify({ ...r, seconds }));
      else console.log(`rebuilt IOC rollups: ${r.dossiers} dossiers, ${r.events} events → ${r.rows} rows in ${seconds}s`);
    }));

  ioc.command('consume').description('apply the pending dossier events to the rollups once (the server does this continuously)')
    .action(() => withDb(async (d) => {
      const n = await catchUp(d.db, IOC_CONSUMER, iocHandler(), { timeoutMs: 600_000 });
      console.log(`applied ${n} outbox events`);
    }));

  program.command('generate').description('fill the database with a realistic province-year of dossiers (bulk load), then rebuild the IOC rollups')
    .requiredOption('--dossiers <n>', 'how many dossiers', positive('--dossiers'))
    .requiredOption('--year <year>', 'calendar year (up to today when it is the current year)', positive('--year'))
    .option('--seed <seed>', 'same seed, same data', 'motcua')
    .option('--json')
    .action((o: { dossiers: number; year: number; seed: string; json?: boolean }) => withDb(async (d, { databaseUrl: url }) => {
      const b = bars();
      const r = await generate(d, { dossiers: o.dossiers, year: o.year, seed: o.seed, databaseUrl: url, progress: (phase, done, total) => b.update(phase, done, total) });
      b.stop();
      if (o.json) return console.log(JSON.stringify(r));
      console.log(`generated ${r.dossiers} dossiers and ${r.historyRows} history rows (${r.method === 'copy' ? 'COPY' : 'multi-row INSERT'}), `
        + `rollups rebuilt (${r.rebuild.rows} rows) in ${r.seconds}s`);
    }));
}
