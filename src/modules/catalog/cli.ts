/** `motcua import procedures FILE`: procedures in the national portal's export format. */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../../platform/module.ts';
import { systemClock } from '../../platform/clock.ts';
import { importProcedures, readSeed } from './service.ts';
import { mapSourceFile } from './source.ts';

export function registerCatalogCommands(program: Command, cli: CliContext): void {
  program.command('import').description('import data').command('procedures <file>')
    .description('import procedures in the national portal export format (see seed/README.md)')
    .action((file: string) => cli.withDb(async (d) => {
      const seed = readSeed();
      const procedures = mapSourceFile(JSON.parse(readFileSync(file, 'utf8')), seed.units);
      const b = cli.bar('procedures');
      const counts = await importProcedures(d.db, procedures, [], systemClock.now(), { kind: 'system', id: null }, b.update);
      b.stop();
      console.log(`imported ${procedures.length}: ${counts.created} new, ${counts.updated} new versions, ${counts.unchanged} unchanged`);
    }));
}
