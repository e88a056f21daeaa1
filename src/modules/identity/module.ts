import { defineModule } from '../../platform/module.ts';
import { IDENTITY_PROBLEMS } from './problems.ts';
import { identityRoutes } from './routes.ts';
import { registerIdentityCommands } from './cli.ts';

/** Accounts (citizens and officers), sign-in and sessions. */
export const identityModule = defineModule({
  name: 'identity',
  tables: ['users', 'sessions'],
  migrations: new URL('./migrations/', import.meta.url),
  problems: IDENTITY_PROBLEMS,
  routes: (ctx) => identityRoutes(ctx),
  commands: registerIdentityCommands,
});
