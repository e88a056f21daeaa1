import { defineModule } from '../../platform/module.ts';
import { catalogRoutes } from './routes.ts';
import { registerCatalogCommands } from './cli.ts';

/** The province (administrative units, agencies) and its catalogue of administrative procedures. */
export const catalogModule = defineModule({
  name: 'catalog',
  tables: ['admin_units', 'agencies', 'procedure_fields', 'procedures'],
  migrations: new URL('./migrations/', import.meta.url),
  routes: (ctx) => catalogRoutes(ctx),
  commands: registerCatalogCommands,
});
