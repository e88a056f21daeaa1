/** Catalogue module (administrative units, agencies, procedures): its public surface, as far as other modules use it so far. */
export { allAdminUnits, allAgencies, currentProcedures } from './reads.ts';
export type { AgencyKind, Procedure } from './model.ts';
