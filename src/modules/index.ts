/**
 * The modules of motcua, in dependency order (a module comes after those it uses). The composition
 * roots — `server.ts`, `main.ts`, `cli/index.ts` — loop over this list. Adding a module is one folder
 * and one line here.
 */
import type { Module } from '../platform/module.ts';
import { calendarModule } from './calendar/module.ts';
import { catalogModule } from './catalog/module.ts';
import { identityModule } from './identity/module.ts';
import { filesModule } from './files/module.ts';
import { notifyModule } from './notify/module.ts';
import { pkiModule } from './pki/module.ts';
import { dossiersModule } from './dossiers/module.ts';
import { resultsModule } from './results/module.ts';
import { iocModule } from './ioc/module.ts';
import { jobsModule } from './jobs/index.ts';

export const MODULES = [
  calendarModule,
  catalogModule,
  identityModule,
  filesModule,
  notifyModule,
  pkiModule,
  dossiersModule,
  resultsModule,
  iocModule,
  jobsModule,
] as const satisfies readonly Module[];

/** Every table a module owns. */
export type ModuleTable = (typeof MODULES)[number]['tables'][number];
