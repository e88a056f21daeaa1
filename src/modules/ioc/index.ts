import { defineModule } from '../../platform/module.ts';
import { iocRoutes } from './routes.ts';
import { iocConsumer } from './stream.ts';
import { mayOpenIoc } from './service.ts';
import { registerIocCommands } from '../../cli/ioc.ts';

/** The Intelligent Operations Center: rollups of the dossier events, the Decision 766 index, dashboards. */
export const iocModule = defineModule({
  name: 'ioc',
  tables: ['ioc_rollups', 'ioc_online_months'],
  migrations: new URL('./migrations/', import.meta.url),
  routes: (ctx) => iocRoutes(ctx),
  abilities: { ioc: mayOpenIoc },
  consumers: () => [iocConsumer()],
  commands: (program) => registerIocCommands(program),
});
