/** Catalogue module: administrative units, agencies, procedures (with e-forms) and dossier routing. */
import { defineModule } from '../../platform/module.ts';
import { catalogRoutes } from './routes.ts';
import { registerCatalogCommands } from './cli.ts';

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
export { countProcedures, loadSeed, readSeed } from './service.ts';
export type { CatalogSeed, Progress } from './service.ts';
export type { AgencyRow, Versioned } from './cache.ts';
export { AGENCY_KINDS, CHANNEL_CODE, COMMUNE_AGENCY_KINDS } from './model.ts';
export type { AgencyKind, Channel, JsonSchema, Procedure, ProcedureLevel } from './model.ts';
export { agencyExists, allAdminUnits, allAgencies, currentProcedures } from './reads.ts';

/** The province (administrative units, agencies) and its catalogue of administrative procedures. */
export const catalogModule = defineModule({
  name: 'catalog',
  tables: ['admin_units', 'agencies', 'procedure_fields', 'procedures'],
  migrations: new URL('./migrations/', import.meta.url),
  routes: (ctx) => catalogRoutes(ctx),
  commands: registerCatalogCommands,
});
