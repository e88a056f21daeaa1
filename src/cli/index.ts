/** The `motcua` command line for a province's IT team. */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/index.ts';
import { migrate } from '../db/migrate.ts';
import { withDb } from './db.ts';
import { systemClock } from '../platform/clock.ts';
import { verifyAudit } from '../platform/audit.ts';
import { importProcedures, readSeed } from '../modules/catalog/service.ts';
import { mapSourceFile } from '../modules/catalog/source.ts';
import { createOfficer } from '../modules/identity/service.ts';
import { registerCalendarCommands } from './calendar.ts';
import { registerPkiCommands } from './pki.ts';
import { registerIocCommands } from './ioc.ts';
import { escalateLateSteps } from '../modules/dossiers/escalation.ts';
import { demoAccounts, seedDemo } from './seed.ts';
import { jobsModule } from '../modules/jobs/index.ts';

const config = loadConfig();

function bar(label: string) {
  const b = new cliProgress.SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta}s`, stream: process.stderr, noTTYOutput: true, notTTYSchedule: 1000 }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) { b.start(total, 0); started = true; }
      b.update(done);
    },
    stop: () => started && b.stop(),
  };
}

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

program.command('seed').description('load the demo province (catalogue and demo accounts)').action(() => withDb(async (d) => {
  const b = bar('procedures');
  await seedDemo(d.db, config, systemClock, { log: (m) => console.log(m), progress: b.update });
  b.stop();
}));

program.command('import').description('import data').command('procedures <file>')
  .description('import procedures in the national portal export format (see seed/README.md)')
  .action((file: string) => withDb(async (d) => {
    const seed = readSeed();
    const procedures = mapSourceFile(JSON.parse(readFileSync(file, 'utf8')), seed.units);
    const b = bar('procedures');
    const counts = await importProcedures(d.db, procedures, [], systemClock.now(), { kind: 'system', id: null }, b.update);
    b.stop();
    console.log(`imported ${procedures.length}: ${counts.created} new, ${counts.updated} new versions, ${counts.unchanged} unchanged`);
  }));

program.command('user').description('manage accounts').command('create')
  .requiredOption('--username <name>').requiredOption('--password <password>')
  .requiredOption('--role <roles>', 'comma-separated: counter_officer, specialist, agency_leader, agency_admin, province_admin')
  .requiredOption('--agency <id>', 'agency electronic ID').option('--full-name <name>')
  .action((o: { username: string; password: string; role: string; agency: string; fullName?: string }) => withDb(async (d) => {
    const u = await createOfficer(d.db, config, systemClock, {
      username: o.username, password: o.password, fullName: o.fullName ?? o.username, agencyId: o.agency, roles: o.role.split(',').map((r) => r.trim()),
    });
    console.log(`created officer ${u.username} (${u.id})`);
  }));

program.command('demo-accounts').description('list the demo accounts and their password').option('--json')
  .action((o: { json?: boolean }) => {
    const accounts = demoAccounts(readSeed(), config.demoPassword);
    if (o.json) return console.log(JSON.stringify(accounts, null, 2));
    for (const a of accounts) console.log(`${a.username.padEnd(22)} ${a.password}  ${a.kind === 'citizen' ? 'công dân' : a.roles.join(',')}  ${a.agencyName ?? ''}`);
  });

program.command('audit').description('audit log').command('verify').description('recompute the hash chains; report the first tampered entry')
  .option('--json')
  .action((o: { json?: boolean }) => withDb(async (d) => {
    const r = await verifyAudit(d.db);
    if (o.json) console.log(JSON.stringify(r));
    else if (r.ok) console.log(`audit log intact: ${r.entries} entries verified`);
    else console.log(`TAMPERED: entry id ${r.firstBad!.id} (chain ${r.firstBad!.chain}, seq ${r.firstBad!.seq}): ${r.firstBad!.reason}`);
    if (!r.ok) process.exitCode = 1;
  }));

program.command('jobs').description('background jobs, for cron or a one-off run').command('escalate')
  .description('flag steps past their allowance to the agency leaders (the server also runs this every ESCALATION_INTERVAL_MINUTES)')
  .action(() => withDb(async (d) => {
    const r = await escalateLateSteps(d.db, systemClock);
    console.log(r.skipped ? 'another node is running the job' : `escalated ${r.escalated} late steps`);
  }));

registerCalendarCommands(program);
registerPkiCommands(program);
registerIocCommands(program);
jobsModule.commands(program, { config, withDb: (fn) => withDb(fn, config), bar, services: async () => ({}) });

program.parseAsync(process.argv).catch((err: Error & { type?: string }) => {
  console.error(`motcua: ${err.message}`);
  process.exitCode = 2;
});
