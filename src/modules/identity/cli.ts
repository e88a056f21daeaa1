/** `motcua user create …`: an officer account. */
import type { Command } from 'commander';
import type { CliContext } from '../../platform/module.ts';
import { systemClock } from '../../platform/clock.ts';
import { createOfficer } from './service.ts';

export function registerIdentityCommands(program: Command, cli: CliContext): void {
  program.command('user').description('manage accounts').command('create')
    .requiredOption('--username <name>').requiredOption('--password <password>')
    .requiredOption('--role <roles>', 'comma-separated: counter_officer, specialist, agency_leader, agency_admin, province_admin')
    .requiredOption('--agency <id>', 'agency electronic ID').option('--full-name <name>')
    .action((o: { username: string; password: string; role: string; agency: string; fullName?: string }) => cli.withDb(async (d, config) => {
      const u = await createOfficer(d.db, config, systemClock, {
        username: o.username, password: o.password, fullName: o.fullName ?? o.username, agencyId: o.agency, roles: o.role.split(',').map((r) => r.trim()),
      });
      console.log(`created officer ${u.username} (${u.id})`);
    }));
}
