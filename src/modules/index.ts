/**
 * The modules of motcua, in dependency order (a module comes after those it uses). The composition
 * roots — `server.ts`, `main.ts`, `cli/index.ts` — loop over this list. Adding a module is one folder
 * and one line here.
 */
import type { Module } from '../platform/module.ts';
import { calendarModule } from './calendar/index.ts';
import { catalogModule } from './catalog/index.ts';
import { identityModule } from './identity/index.ts';
import { filesModule } from './files/index.ts';
import { notifyModule } from './notify/index.ts';
import { pkiModule } from './pki/index.ts';
import { dossiersModule } from './dossiers/index.ts';
import { resultsModule } from './results/index.ts';
import { iocModule } from './ioc/index.ts';
import { jobsModule } from './jobs/index.ts';
import { auditModule } from './audit/index.ts';
import { gatewayModule } from './gateway/index.ts';
import { paymentsModule } from './payments/index.ts';

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
  auditModule,
  gatewayModule,
  paymentsModule,
] as const satisfies readonly Module[];

/** Every table a module owns. */
export type ModuleTable = (typeof MODULES)[number]['tables'][number];
