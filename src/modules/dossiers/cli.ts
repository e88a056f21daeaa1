/** `motcua jobs escalate`: the escalation job, for cron or a one-off run. */
import type { Command } from 'commander';
import type { CliContext } from '../../platform/module.ts';
import { systemClock } from '../../platform/clock.ts';
import { escalateLateSteps } from './escalation.ts';

export function registerDossierCommands(program: Command, cli: CliContext): void {
  const jobs = program.commands.find((c) => c.name() === 'jobs') ?? program.command('jobs').description('background jobs, for cron or a one-off run');
  jobs.command('escalate')
    .description('flag steps past their allowance to the agency leaders (the server also runs this every ESCALATION_INTERVAL_MINUTES)')
    .action(() => cli.withDb(async (d) => {
      const r = await escalateLateSteps(d.db, systemClock);
      console.log(r.skipped ? 'another node is running the job' : `escalated ${r.escalated} late steps`);
    }));
}
