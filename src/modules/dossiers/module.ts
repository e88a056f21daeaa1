import { defineModule } from '../../platform/module.ts';
import { DOSSIER_PROBLEMS } from './problems.ts';
import { dossierRoutes } from './routes.ts';
import { lifecycleRoutes } from './routes-lifecycle.ts';
import { registerDossierCommands } from './cli.ts';
import { escalationJobs } from './escalation.ts';

/** Dossiers: online and counter intake, the lifecycle with its legal deadlines, work queues, escalation. */
export const dossiersModule = defineModule({
  name: 'dossiers',
  tables: ['dossiers', 'dossier_files', 'dossier_history', 'dossier_sequences', 'idempotency_keys', 'procedure_processes', 'step_escalations'],
  migrations: new URL('./migrations/', import.meta.url),
  problems: DOSSIER_PROBLEMS,
  routes: (ctx) => async (api) => {
    await api.register(dossierRoutes(ctx, ctx.services.blobs));
    await api.register(lifecycleRoutes(ctx, ctx.services.blobs));
  },
  jobs: (ctx) => escalationJobs(ctx),
  commands: registerDossierCommands,
});
