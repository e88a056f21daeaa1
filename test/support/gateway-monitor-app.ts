/**
 * A server whose gateway module serves the monitoring routes and the health check, with a monitor
 * and a message log whose status the test sets (the message log's own tests cover the real one).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { fsBlobStore } from '../../src/modules/files/blobs.ts';
import { MODULES } from '../../src/modules/index.ts';
import type { Config } from '../../src/config.ts';
import type { Services } from '../../src/platform/module.ts';
import type { Database } from '../../src/db/index.ts';
import type { MessageLog, MessageLogStatus } from '../../src/modules/gateway/contracts.ts';
import { createMonitor, type MonitorService } from '../../src/modules/gateway/monitoring.ts';
import { monitoringRoutes } from '../../src/modules/gateway/monitoring-routes.ts';
import { healthRoutes } from '../../src/modules/gateway/health.ts';
import { freshDatabase } from '../helpers.ts';
import { testConfig, TEST_NOW } from '../config.ts';

export interface MonitorApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  clock: ReturnType<typeof fixedClock>;
  services: Services;
  monitor: MonitorService;
  /** What the message log says about itself (the test changes it). */
  logStatus: MessageLogStatus;
  close(): Promise<void>;
}

export const HEALTHY: MessageLogStatus = { healthy: true, refuseTraffic: false, lastTimestampAt: new Date(TEST_NOW), untimestamped: 0 };

export async function monitorApp(gateway: Partial<Config['gateway']> = {}, overrides: Partial<Config> = {}): Promise<MonitorApp> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-monitor-'));
  const base = testConfig(dir, overrides);
  const config = { ...base, gateway: { ...base.gateway, ...gateway } };
  const database = await freshDatabase();
  const clock = fixedClock(TEST_NOW);
  const logStatus: MessageLogStatus = { ...HEALTHY };
  const log: MessageLog = {
    status: () => logStatus,
    bodySink: () => { throw new Error('not in this test'); },
    record: async () => { throw new Error('not in this test'); },
    close: async () => undefined,
  };
  const modules = MODULES.map((m) => m.name !== 'gateway' ? m : {
    ...m,
    provides: (ctx: Parameters<typeof createMonitor>[0]) => ({ gateway: { log, monitor: createMonitor(ctx) } }),
    routes: monitoringRoutes,
    pages: healthRoutes,
  });
  const services = {} as Services;
  const app = await buildServer({ config, db: database.db, clock, blobs: fsBlobStore(config.filesDir), services, modules, logger: false });
  await app.ready();
  return {
    app, database, config, clock, services, logStatus,
    monitor: services.gateway!.monitor as MonitorService,
    async close() {
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
