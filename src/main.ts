/**
 * `npm start`: open the database, migrate, seed the demo province if empty (demo mode), serve, run every
 * module's background work. With MOTCUA_ENV=production nothing is seeded and a demo or default secret
 * stops the start (src/production.ts).
 */
import { loadConfig } from './config.ts';
import { closeWorkers } from './platform/workers.ts';
import { openDatabase } from './db/index.ts';
import { migrate } from './db/migrate.ts';
import { withStartupLock } from './db/startup-lock.ts';
import { systemClock } from './platform/clock.ts';
import { buildServices } from './platform/module.ts';
import { runConsumers } from './platform/consumers.ts';
import { jobsConsumer, startJobs } from './platform/jobs.ts';
import { MODULES } from './modules/index.ts';
import { generateDemoYear, seedDemo } from './cli/seed.ts';
import { buildServer } from './server.ts';
import { startupRefusals } from './production.ts';
import { startDemoSimulators } from './platform/simulators.ts';
import { startDemoPaymentSimulators } from './modules/payments/index.ts';

const config = loadConfig();
const refuse = (problems: string[]) => {
  if (!problems.length) return;
  console.error(`motcua: refusing to start in production (MOTCUA_ENV=production):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(78);
};
refuse(await startupRefusals(config, process.env));
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir, poolSize: config.databasePoolSize });
if (database.kind === 'pglite' && !database.serveSocket) {
  console.error(`motcua: another server is running on the embedded database in ${config.pgliteDir} / một máy chủ khác đang chạy trên cơ sở dữ liệu nhúng này`);
  process.exit(75);
}
// The command line reaches the embedded database through the server while it runs (src/db/pglite-socket.ts).
await database.serveSocket?.();
// One node at a time migrates and seeds; another starting at the same moment waits, then finds it done.
await withStartupLock(config.databaseUrl, async () => {
  await migrate(database);
  const onDatabase = await startupRefusals(config, process.env, database.db);
  if (onDatabase.length) await database.close();
  refuse(onDatabase);
  if (config.seedDemo) {
    const seeded = await seedDemo(database.db, config, systemClock, { onlyIfEmpty: true, log: (m) => console.log(m) });
    if (seeded && config.demoDossiers > 0) await generateDemoYear(database, config);
  }
});
// Demo mode: simulators of the outside systems whose URL is not set (the time-stamp authority: TSA_URL).
const simulators = await startDemoSimulators(config, process.env, (m) => console.log(m));
const paymentSimulators = await startDemoPaymentSimulators(config, process.env, (m) => console.log(m));
const base = { db: database.db, clock: systemClock, config };
const services = await buildServices(MODULES, base);
const ctx = { ...base, services };
const app = await buildServer({ ...base, blobs: services.blobs, services });

// The job queue (pg-boss; its schema is installed or migrated here) with every module's jobs.
// Under the start-up lock too: pg-boss's first install of its schema is not safe against a concurrent one.
const jobs = await withStartupLock(config.databaseUrl, () => startJobs(database, MODULES.flatMap((m) => m.jobs?.(ctx) ?? []), {
  onError: (err) => app.log.error({ err }, 'job queue error'),
}));
services.jobs = jobs;
const fedJobs = jobsConsumer(jobs);
const consumers = runConsumers(database.db, [...MODULES.flatMap((m) => m.consumers?.(ctx) ?? []), ...(fedJobs ? [fedJobs] : [])], {
  intervalMs: 1000,
  onError: (err, name) => app.log.error({ err, consumer: name }, 'outbox consumer failed'),
});
const stop = async () => {
  await consumers.stop();
  await jobs.stop();
  await app.close();
  await simulators.stop();
  await paymentSimulators.stop();
  await closeWorkers();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

await app.listen({ port: config.port, host: config.host });
console.log(`motcua: http://localhost:${config.port}  (API docs /docs, database: ${database.kind}; modules: ${MODULES.map((m) => m.name).join(', ')})`);
if (config.environment === 'demo') console.log('motcua: DEMO mode — published demo accounts and PKI passphrase; every page says so. For a real province: MOTCUA_ENV=production (README, "Production").');
