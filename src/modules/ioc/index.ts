/** IOC module (operations centre: Decision 766 index, dashboards): the module and its public surface. */
import { defineModule } from '../../platform/module.ts';
import { iocRoutes } from './routes.ts';
import { iocConsumer } from './stream.ts';
import { mayOpenIoc } from './service.ts';
import { registerIocCommands } from './cli.ts';

export { createIocStream, iocChanged, iocConsumer } from './stream.ts';
export type { StreamOptions, StreamTimers } from './stream.ts';
export { IOC_CONSUMER, iocHandler, rebuildRollups } from './rollups.ts';
export type { RebuildResult } from './rollups.ts';
export { iocDashboard, iocFigures, iocIndex, scopeFor } from './service.ts';
export type { IocQuery, Scoped } from './service.ts';
export { parsePeriod, periodEnd, previousPeriod } from './model.ts';
export type { Level, Period } from './model.ts';

/** The Intelligent Operations Center: rollups of the dossier events, the Decision 766 index, dashboards. */
export const iocModule = defineModule({
  name: 'ioc',
  tables: ['ioc_rollups', 'ioc_online_months'],
  migrations: new URL('./migrations/', import.meta.url),
  routes: (ctx) => iocRoutes(ctx),
  abilities: { ioc: mayOpenIoc },
  consumers: () => [iocConsumer()],
  commands: registerIocCommands,
});
