/** Identity module: citizen and officer accounts, sign-in, sessions, roles. */
export { citizenIdOf, officersHolding, officersWithRole, userIdByUsername, userProfile } from './service.ts';
export { parsePersonalId, ROLE_NAMES } from './model.ts';
export type { PersonalId, PersonalIdResult, Role } from './model.ts';
