/** Identity module: citizen and officer accounts, sign-in, sessions, roles. */
import { defineModule } from '../../platform/module.ts';
import { IDENTITY_PROBLEMS } from './problems.ts';
import { identityRoutes } from './routes.ts';
import { registerIdentityCommands } from './cli.ts';

export { citizenIdOf, createOfficer, officersHolding, officersWithRole, registerCitizen, userIdByUsername, userProfile } from './service.ts';
export type { CitizenInput, OfficerInput } from './service.ts';
export { resolveSession } from './service.ts';
export { parsePersonalId, ROLE_NAMES } from './model.ts';
export type { PersonalId, PersonalIdResult, Role } from './model.ts';

/** Accounts (citizens and officers), sign-in and sessions. */
export const identityModule = defineModule({
  name: 'identity',
  tables: ['users', 'sessions'],
  migrations: new URL('./migrations/', import.meta.url),
  problems: IDENTITY_PROBLEMS,
  routes: (ctx) => identityRoutes(ctx),
  commands: registerIdentityCommands,
});
