/** Identity module: citizen and officer accounts, sign-in, sessions, roles. */
export { citizenIdOf, createOfficer, officersHolding, officersWithRole, registerCitizen, userIdByUsername, userProfile } from './service.ts';
export type { CitizenInput, OfficerInput } from './service.ts';
export { parsePersonalId, ROLE_NAMES } from './model.ts';
export type { PersonalId, PersonalIdResult, Role } from './model.ts';
