/** The `motcua` command line for a province's IT team: the platform's commands, then each module's. */
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/index.ts';
import { migrate } from '../db/migrate.ts';
import { withDb } from './db.ts';
import { systemClock } from '../platform/clock.ts';
import { buildServices, type CliContext } from '../platform/module.ts';
import { readSeed } from '../modules/catalog/index.ts';
import { MODULES } from '../modules/index.ts';
import { demoAccounts, seedDemo } from './seed.ts';
import { registerGenerateCommand } from './generate-command.ts';
import { registerAdminCommand } from './admin-command.ts';
import { loadSeed } from '../modules/catalog/index.ts';

const config = loadConfig();

function bar(label: string) {
  const b = new cliProgress.SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta}s`, stream: process.stderr, noTTYOutput: true, notTTYSchedule: 1000 }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) { b.start(total, 0); started = true; }
      b.update(done);
    },
    stop: () => { if (started) b.stop(); },
  };
}

const cli: CliContext = {
  config,
  withDb: (fn) => withDb(fn, config),
  bar,
  services: (d) => buildServices(MODULES, { db: d.db, clock: systemClock, config }),
};

const program = new Command('motcua').description('motcua: one-stop public services platform').showHelpAfterError();

program.command('migrate').description('apply database migrations').action(async () => {
  const d = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir, poolSize: 1 });
  try {
    const applied = await migrate(d);
    console.log(applied.length ? `migrated: ${applied.join(', ')}` : 'database schema is up to date');
  } finally {
    await d.close();
  }
});

const notInProduction = (what: string) => {
  if (config.environment === 'production') throw new Error(`${what} is for the demo; MOTCUA_ENV=production`);
};

program.command('seed').description('load the demo province (catalogue and demo accounts); --catalog-only: units, agencies and procedures only (production)')
  .option('--catalog-only', 'load the catalogue only: no demo accounts, no PKI')
  .action((o: { catalogOnly?: boolean }) => withDb(async (d) => {
    const b = bar('procedures');
    if (o.catalogOnly) {
      const r = await loadSeed(d.db, readSeed(), systemClock.now(), b.update);
      b.stop();
      console.log(`seeded ${r.units} units, ${r.agencies} agencies, procedures: ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged`);
      return;
    }
    notInProduction('`seed` with demo accounts');
    await seedDemo(d.db, config, systemClock, { log: (m) => console.log(m), progress: b.update });
    b.stop();
  }));

program.command('demo-accounts').description('list the demo accounts and their password').option('--json')
  .action((o: { json?: boolean }) => {
    notInProduction('`demo-accounts`');
    const accounts = demoAccounts(readSeed(), config.demoPassword);
    if (o.json) return console.log(JSON.stringify(accounts, null, 2));
    for (const a of accounts) console.log(`${a.username.padEnd(22)} ${a.password}  ${a.kind === 'citizen' ? 'công dân' : a.roles.join(',')}  ${a.agencyName ?? ''}`);
  });

for (const m of MODULES) m.commands?.(program, cli);
registerGenerateCommand(program);
registerAdminCommand(program, config);

program.parseAsync(process.argv).catch((err: Error & { type?: string }) => {
  if (!config.databaseUrl && /Aborted\(\)/.test(String(err.message ?? err))) {
    // PGlite aborts when another process holds its files and serves no socket (a server still starting).
    console.error(`motcua: the embedded database in ${config.pgliteDir} is held by another process that does not share it (a server still starting?); wait for it, or stop it, and run the command again.\n` +
      `motcua: cơ sở dữ liệu nhúng trong ${config.pgliteDir} đang bị một tiến trình khác giữ (máy chủ đang khởi động?); hãy đợi hoặc dừng tiến trình đó rồi chạy lại lệnh.`);
    process.exitCode = 75;
    return;
  }
  console.error(`motcua: ${err.message}`);
  process.exitCode = 2;
});
