/** Catalogue module: administrative units, agencies, procedures (with e-forms) and dossier routing. */
export {
  agencyWithParent,
  communeAgency,
  getAgency,
  getProcedure,
  provinceCommittee,
  provincialAgencies,
  routeDossier,
  search,
  summary,
  unitName,
} from './service.ts';
export type { ProcedureSummary } from './service.ts';
export type { AgencyRow, Versioned } from './cache.ts';
export { AGENCY_KINDS, CHANNEL_CODE, COMMUNE_AGENCY_KINDS } from './model.ts';
export type { AgencyKind, Channel, JsonSchema, Procedure, ProcedureLevel } from './model.ts';
