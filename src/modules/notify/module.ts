import { defineModule } from '../../platform/module.ts';
import { notifyRoutes } from './routes.ts';

/** In-app notifications (e-mail, SMS and Zalo deliveries will be jobs of their channels). */
export const notifyModule = defineModule({
  name: 'notify',
  tables: ['notifications'],
  migrations: new URL('./migrations/', import.meta.url),
  routes: (ctx) => notifyRoutes(ctx),
});
