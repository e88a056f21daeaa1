/** IOC module (operations centre: Decision 766 index, dashboards): its public surface. */
export { iocRoutes } from './routes.ts';
export { createIocStream, iocChanged, iocConsumer } from './stream.ts';
export type { StreamOptions, StreamTimers } from './stream.ts';
export { IOC_CONSUMER, iocHandler, rebuildRollups } from './rollups.ts';
export type { RebuildResult } from './rollups.ts';
export { iocDashboard, iocFigures, iocIndex, scopeFor } from './service.ts';
export type { IocQuery, Scoped } from './service.ts';
export { parsePeriod, periodEnd, previousPeriod } from './model.ts';
export type { Level, Period } from './model.ts';
