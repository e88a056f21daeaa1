/**
 * `motcua generate`: a realistic province-year of dossiers (the dossiers module's simulator), then the
 * IOC rollups rebuilt from them. A command of the composition root: it spans two modules.
 */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { withDb } from './db.ts';
import { generate } from './generate.ts';

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

export function registerGenerateCommand(program: Command): void {
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
