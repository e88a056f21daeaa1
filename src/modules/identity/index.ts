/** Identity module: citizen and officer accounts, sign-in, sessions, roles. */
import { allows } from '../../platform/auth.ts';
import { defineModule } from '../../platform/module.ts';
import { IDENTITY_PROBLEMS } from './problems.ts';
import { identityRoutes } from './routes.ts';
import { registerIdentityCommands } from './cli.ts';
import { identityJobs } from './jobs.ts';

export { citizenIdOf, createOfficer, officersHolding, officersWithRole, registerCitizen, userIdByUsername, userProfile, verifiedIdNumberOf, verifyCitizen } from './service.ts';
export { citizenRegistered, citizenVerified, officerCreated } from './events.ts';
export type { CitizenInput, OfficerInput } from './service.ts';
export { resolveSession } from './service.ts';
export { officerPosition, parsePersonalId, ROLE_NAMES } from './model.ts';
export type { OfficerPosition } from './model.ts';
export type { Assurance, PersonalId, PersonalIdResult, Role, VerificationMethod } from './model.ts';

/** Accounts (citizens and officers) with their identity assurance, sign-in with lock-out, sessions. */
export const identityModule = defineModule({
  name: 'identity',
  tables: ['users', 'sessions', 'login_attempts'],
  migrations: new URL('./migrations/', import.meta.url),
  problems: IDENTITY_PROBLEMS,
  routes: (ctx) => identityRoutes(ctx),
  abilities: {
    // POST /citizen-accounts/search and /citizen-accounts/{id}/verify (policy `{ roles: ['counter_officer'] }`)
    verify_citizens: (p) => allows({ roles: ['counter_officer'] }, p),
  },
  jobs: (ctx) => identityJobs(ctx),
  commands: registerIdentityCommands,
});
