/** `motcua jobs list | dead | replay`: the job queues from the command line (no workers are started). */
import type { Command } from 'commander';
import type { Database } from '../../db/index.ts';
import { appendAudit } from '../../platform/audit.ts';
import { startJobs, type JobRunner } from '../../platform/jobs.ts';
import type { CliContext } from '../../platform/module.ts';

async function withRunner<T>(cli: CliContext, fn: (runner: JobRunner, d: Database) => Promise<T>): Promise<T> {
  return cli.withDb(async (d) => {
    const runner = await startJobs(d, [], { work: false });
    try {
      return await fn(runner, d);
    } finally {
      await runner.stop();
    }
  });
}

export function jobsCommands(program: Command, cli: CliContext): void {
  const jobs = program.commands.find((c) => c.name() === 'jobs') ?? program.command('jobs').description('background jobs');
  jobs.command('list').description('the job queues: queued, active, completed, failed, dead letters').option('--json')
    .action((o: { json?: boolean }) => withRunner(cli, async (runner) => {
      const queues = await runner.queues();
      if (o.json) return console.log(JSON.stringify(queues, null, 2));
      if (!queues.length) return console.log('no job queues (they are created when the server starts)');
      console.log(`${'queue'.padEnd(30)} ${'queued'.padStart(7)} ${'active'.padStart(7)} ${'done'.padStart(7)} ${'failed'.padStart(7)} ${'dead'.padStart(7)}`);
      for (const q of queues) {
        console.log(`${q.name.padEnd(30)} ${String(q.queued).padStart(7)} ${String(q.active).padStart(7)} ${String(q.completed).padStart(7)} ${String(q.failed).padStart(7)} ${String(q.dead).padStart(7)}`);
      }
    }));
  jobs.command('dead').description('the dead letters: jobs that failed their last retry, newest first')
    .option('--queue <name>').option('--limit <n>', 'at most this many', '100').option('--json')
    .action((o: { queue?: string; limit: string; json?: boolean }) => withRunner(cli, async (runner) => {
      const dead = await runner.deadLetters({ ...(o.queue ? { queue: o.queue } : {}), limit: Number(o.limit) || 100 });
      if (o.json) return console.log(JSON.stringify(dead, null, 2));
      if (!dead.length) return console.log('no dead letters');
      for (const d of dead) console.log(`${d.id}  ${d.at}  ${d.queue}  retries ${d.retries}  ${d.summary}\n    ${d.error ?? ''}`);
    }));
  jobs.command('replay <id>').description('send a dead letter to its queue again (the server\'s workers run it)')
    .action((id: string) => withRunner(cli, async (runner) => {
      const r = await runner.replay(id, (tx, r) => appendAudit(tx, {
        actor: { kind: 'system', id: null }, action: 'job.dead_letter_replayed', subjectType: 'job', subjectId: r.id,
        data: { queue: r.queue, jobId: r.jobId, via: 'cli' }, at: new Date(),
      }));
      if (!r) {
        console.error(`no dead letter ${id} (or it was already replayed)`);
        process.exitCode = 1;
        return;
      }
      console.log(`replayed ${r.id} on ${r.queue} as job ${r.jobId}`);
    }));
}
