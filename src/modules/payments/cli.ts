/** `motcua payments reconcile --date D` and `motcua payments query`. */
import type { Command } from 'commander';
import { systemClock } from '../../platform/clock.ts';
import type { CliContext } from '../../platform/module.ts';
import { reconcileDay } from './reconcile.ts';
import { queryPending } from './confirm.ts';

export function registerPaymentCommands(program: Command, cli: CliContext): void {
  const payments = program.command('payments').description('payments of fees and charges');
  payments.command('reconcile')
    .description('compare the payments confirmed on a day (Vietnam time) with the channel\'s records (VNPAY_API_URL); list mismatches (exit 1 when any)')
    .requiredOption('--date <date>', 'YYYY-MM-DD')
    .option('--json')
    .action((o: { date: string; json?: boolean }) => cli.withDb(async (d, config) => {
      const r = await reconcileDay({ db: d.db, config, clock: systemClock, actor: null, requestId: null, log: null }, o.date);
      if (o.json) console.log(JSON.stringify(r));
      else {
        console.log(`${r.date} ${r.channel}: ${r.ours} confirmed here, ${r.theirs} at the channel, ${r.mismatches.length} mismatch(es)`);
        for (const m of r.mismatches) console.log(`  ${m.txnRef} ${m.kind} here=${m.ours ?? '-'} channel=${m.theirs ?? '-'}`);
      }
      if (r.mismatches.length) process.exitCode = 1;
    }));
  payments.command('query')
    .description('ask the channels about pending payments whose notification never came (the server does it every 5 minutes)')
    .action(() => cli.withDb(async (d, config) => {
      console.log(JSON.stringify(await queryPending({ db: d.db, config, clock: systemClock, actor: null, requestId: null, log: null })));
    }));
}
