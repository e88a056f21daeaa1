/** `npm start`: open the database, migrate, seed the demo province if empty, serve. */
import { loadConfig } from './config.ts';
import { openDatabase } from './db/index.ts';
import { migrate } from './db/migrate.ts';
import { systemClock } from './platform/clock.ts';
import { openBlobStore } from './modules/files/blobs.ts';
import { generateDemoYear, seedDemo } from './cli/seed.ts';
import { buildServer } from './server.ts';
import { scheduleEscalation } from './modules/dossiers/escalation.ts';
import { runConsumers } from './platform/consumers.ts';
import { iocConsumer } from './modules/ioc/index.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir, poolSize: config.databasePoolSize });
await migrate(database);
if (config.seedDemo) {
  const seeded = await seedDemo(database.db, config, systemClock, { onlyIfEmpty: true, log: (m) => console.log(m) });
  if (seeded && config.demoDossiers > 0) await generateDemoYear(database, config);
}
const app = await buildServer({ config, db: database.db, clock: systemClock, blobs: await openBlobStore(config) });

const stopEscalation = scheduleEscalation(database.db, systemClock, config.escalationIntervalMinutes, (err) => app.log.error({ err }, 'escalation job failed'));
const consumers = runConsumers(database.db, [iocConsumer()], {
  intervalMs: 1000,
  onError: (err, name) => app.log.error({ err, consumer: name }, 'outbox consumer failed'),
});
const stop = async () => {
  await consumers.stop();
  stopEscalation();
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

await app.listen({ port: config.port, host: config.host });
console.log(`motcua: http://localhost:${config.port}  (API docs /docs, database: ${database.kind})`);
