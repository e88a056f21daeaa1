/** `motcua ioc rebuild` and `motcua ioc consume`: the operations centre's figures from the command line. */
import type { Command } from 'commander';
import { catchUp } from '../../platform/consumers.ts';
import type { CliContext } from '../../platform/module.ts';
import { IOC_CONSUMER, iocHandler, rebuildRollups } from './rollups.ts';

export function registerIocCommands(program: Command, cli: CliContext): void {
  const ioc = program.command('ioc').description('Intelligent Operations Center (Decision 766 index, dashboards)');

  ioc.command('rebuild').description('recompute every IOC rollup from the raw dossier history (the live consumer continues after it)')
    .option('--json').action((o: { json?: boolean }) => cli.withDb(async (d) => {
      const b = cli.bar('dossiers');
      const t0 = performance.now();
      const r = await rebuildRollups(d.db, { progress: (done, total) => b.update(done, total) });
      b.stop();
      const seconds = Math.round((performance.now() - t0) / 100) / 10;
      if (o.json) console.log(JSON.stringify({ ...r, seconds }));
      else console.log(`rebuilt IOC rollups: ${r.dossiers} dossiers, ${r.events} events → ${r.rows} rows in ${seconds}s`);
    }));

  ioc.command('consume').description('apply the pending dossier events to the rollups once (the server does this continuously)')
    .action(() => cli.withDb(async (d) => {
      const n = await catchUp(d.db, IOC_CONSUMER, iocHandler(), { timeoutMs: 600_000 });
      console.log(`applied ${n} outbox events`);
    }));
}
