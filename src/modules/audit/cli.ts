/** `motcua audit verify` and `motcua audit checkpoint`. */
import type { Command } from 'commander';
import { systemClock } from '../../platform/clock.ts';
import type { CliContext } from '../../platform/module.ts';
import { takeCheckpoint, verifyAuditLog } from './service.ts';

export function registerAuditCommands(program: Command, cli: CliContext): void {
  const audit = program.command('audit').description('audit log');
  audit.command('verify')
    .description('recompute the hash chains and hold them against the signed checkpoints; report what was tampered with')
    .option('--json')
    .action((o: { json?: boolean }) => cli.withDb(async (d, config) => {
      const r = await verifyAuditLog({ db: d.db, config, clock: systemClock });
      if (o.json) console.log(JSON.stringify(r));
      else {
        const cp = r.checkpoints;
        const against = `${cp.valid} signed checkpoint(s)${cp.latest ? `, latest ${cp.latest}` : ''}${cp.timestamped ? `, ${cp.timestamped} time-stamped` : ''}`;
        if (r.ok) console.log(`audit log intact: ${r.entries} entries verified against ${against}`);
        else {
          console.log(`TAMPERED: ${r.problems.length} problem(s) (${r.entries} entries read, ${against})`);
          for (const p of r.problems) console.log(`  ${p}`);
        }
        for (const w of r.warnings) console.log(`warning: ${w}`);
      }
      if (!r.ok) process.exitCode = 1;
    }));
  audit.command('checkpoint')
    .description('take a signed checkpoint of the chain heads now (the server takes one every AUDIT_CHECKPOINT_MINUTES)')
    .action(() => cli.withDb(async (d, config) => {
      const c = await takeCheckpoint({ db: d.db, config, clock: systemClock });
      console.log(`checkpoint ${c.id} at ${c.takenAt}: ${c.heads.length} chain heads, signed${c.timestamped ? ' and time-stamped' : ''}; file ${c.file}`);
    }));
}
