/**
 * `motcua gateway log …`: verify (the database), archive (X-Road archives), check-archive (any X-Road
 * message log archive, ours or another security server's), timestamp (now), status. Each with --json.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { systemClock } from '../../../platform/clock.ts';
import type { CliContext } from '../../../platform/module.ts';
import { verifyArchives } from './archive-read.ts';
import { writeArchives } from './archive.ts';
import { readStatus } from './index.ts';
import { timestampPending } from './timestamp.ts';
import { verifyMessageLog } from './verify.ts';

export function registerLogCommands(gateway: Command, cli: CliContext): void {
  const log = gateway.command('log').description('the message log: verify, archive, time-stamp');
  const json = (o: { json?: boolean }, value: unknown, text: () => void) => (o.json ? console.log(JSON.stringify(value)) : text());

  log.command('verify')
    .description('recompute the chain, the batch signatures and the time-stamps; report every changed, removed or reordered record')
    .option('--json')
    .action((o: { json?: boolean }) => cli.withDb(async (d, config) => {
      const r = await verifyMessageLog({ db: d.db, config, clock: systemClock });
      json(o, r, () => {
        const summary = `${r.records} records in ${r.batches} signed batches, ${r.timestamped} under ${r.timestamps} time-stamps${r.lastTimestampAt ? ` (last ${r.lastTimestampAt})` : ''}`;
        if (r.ok) console.log(`message log intact: ${summary}`);
        else {
          console.log(`TAMPERED: ${r.problems.length} problem(s) (${summary})`);
          for (const p of r.problems) console.log(`  ${p.message}`);
        }
        for (const w of r.warnings) console.log(`warning: ${w}`);
      });
      if (!r.ok) process.exitCode = 1;
    }));

  log.command('archive')
    .description('write the time-stamped records not yet archived as X-Road message log archives (.asice in zip, linkinginfo)')
    .requiredOption('--out <dir>', 'where the archive files go')
    .option('--max-records <n>', 'messages per archive file', '10000')
    .option('--json')
    .action((o: { out: string; maxRecords: string; json?: boolean }) => cli.withDb(async (d, config) => {
      const max = Number(o.maxRecords);
      if (!Number.isSafeInteger(max) || max < 1) throw new Error('--max-records must be a positive whole number');
      const r = await writeArchives({ db: d.db, config, clock: systemClock }, resolve(o.out), max);
      json(o, r, () => {
        for (const f of r.files) console.log(`${f.file}: records ${f.firstSeq}–${f.lastSeq} (${f.records})`);
        console.log(`${r.files.length} archive(s) written; ${r.waiting} record(s) not archived yet (not time-stamped yet)`);
      });
    }));

  log.command('check-archive')
    .description('verify message log archives (ours or X-Road\'s), given in order: linkinginfo chain, signatures, hash chains, time-stamps')
    .argument('<files...>')
    .option('--first', 'the first file is the first archive ever (its chain starts from nothing)')
    .option('--json')
    .action(async (files: string[], o: { first?: boolean; json?: boolean }) => {
      const r = await verifyArchives(files.map((f) => resolve(f)), o.first ? null : undefined);
      json(o, r, () => {
        for (const a of r) {
          const bad = a.containers.filter((c) => !c.valid);
          console.log(`${a.file}: ${a.ok ? 'intact' : 'TAMPERED'}, ${a.containers.length} container(s)`);
          for (const p of a.problems) console.log(`  ${p}`);
          for (const c of bad) console.log(`  ${c.name}: ${c.problems.join('; ')}`);
        }
      });
      if (r.some((a) => !a.ok)) process.exitCode = 1;
    });

  log.command('timestamp')
    .description('time-stamp the batches written since the last time-stamp now (the server does it every GATEWAY_TIMESTAMP_INTERVAL_SECONDS)')
    .option('--json')
    .action((o: { json?: boolean }) => cli.withDb(async (d, config) => {
      const r = await timestampPending({ db: d.db, config, clock: systemClock });
      json(o, r, () => console.log(r ? `batches ${r.firstBatch}–${r.lastBatch} time-stamped at ${r.genTime.toISOString()}` : 'nothing to time-stamp (or no TSA_URL)'));
    }));

  log.command('status')
    .description('whether the time-stamps keep up (as /health/ready sees it)')
    .option('--json')
    .action((o: { json?: boolean }) => cli.withDb(async (d, config) => {
      const s = await readStatus({ db: d.db, config, clock: systemClock });
      json(o, s, () => console.log(`${s.healthy ? 'healthy' : `UNHEALTHY: ${s.reason}`}; ${s.untimestamped} record(s) waiting; last time-stamp ${s.lastTimestampAt?.toISOString() ?? 'none'}`));
      if (!s.healthy) process.exitCode = 1;
    }));
}
