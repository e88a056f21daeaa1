/**
 * `motcua user create-admin`: the first province admin of a production installation (production seeds
 * no account). The password is read from MOTCUA_ADMIN_PASSWORD or the first line of standard input,
 * never from the command line (other users of the machine see the arguments of running processes).
 */
import type { Command } from 'commander';
import { DEMO_PASSWORD_DEFAULT, type Config } from '../config.ts';
import { systemClock } from '../platform/clock.ts';
import { provinceCommittee } from '../modules/catalog/index.ts';
import { createOfficer } from '../modules/identity/index.ts';
import { withDb } from './db.ts';


async function firstLineOfStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new Error('give the password on standard input (e.g. `read -rs P && printf "%s\\n" "$P" | npx motcua user create-admin …`) or in MOTCUA_ADMIN_PASSWORD');
  }
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/, 1)[0] ?? '';
}

export function registerAdminCommand(program: Command, config: Config): void {
  const user = program.commands.find((c) => c.name() === 'user') ?? program.command('user').description('manage accounts');
  user.command('create-admin').description('create a province admin (the first account of a production installation); password from MOTCUA_ADMIN_PASSWORD or standard input')
    .requiredOption('--username <name>')
    .option('--full-name <name>', 'the admin\'s name', 'Quản trị Tỉnh')
    .option('--agency <id>', 'agency electronic ID (default: the province People\'s Committee)')
    .action((o: { username: string; fullName: string; agency?: string }) => withDb(async (d) => {
      const password = process.env.MOTCUA_ADMIN_PASSWORD || await firstLineOfStdin();
      if (!password) throw new Error('no password given (MOTCUA_ADMIN_PASSWORD or standard input)');
      if (password === DEMO_PASSWORD_DEFAULT || password === process.env.DEMO_PASSWORD) throw new Error('that is the published demo password; choose another');
      const agencyId = o.agency ?? (await provinceCommittee(d.db))?.id;
      if (!agencyId) throw new Error('no province People\'s Committee in the catalogue: load it first (`motcua seed --catalog-only`) or give --agency');
      const u = await createOfficer(d.db, config, systemClock, { username: o.username, password, fullName: o.fullName, agencyId, roles: ['province_admin'] });
      console.log(`created province admin ${u.username} (${u.id}) at agency ${agencyId}`);
    }, config));
}
