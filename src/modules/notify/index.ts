/** Notify module: the in-app notices of a user. */
import { defineModule } from '../../platform/module.ts';
import { notifyRoutes } from './routes.ts';

export { notify, notifyIfQuery, notifyQuery } from './service.ts';
export type { Message } from './service.ts';

/** In-app notifications (e-mail, SMS and Zalo deliveries will be jobs of their channels). */
export const notifyModule = defineModule({
  name: 'notify',
  tables: ['notifications'],
  migrations: new URL('./migrations/', import.meta.url),
  routes: (ctx) => notifyRoutes(ctx),
});
