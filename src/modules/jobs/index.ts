/**
 * The jobs module: the province admin's view of the job queue (pg-boss, `src/platform/jobs.ts`) —
 * each queue's counts, the dead-letter list, replaying a dead letter — over HTTP and the command line.
 * It owns no table of its own: the `pgboss` schema is pg-boss's, installed when a runner starts.
 */
import { allows } from '../../platform/auth.ts';
import { defineModule } from '../../platform/module.ts';
import type { JobRunner } from '../../platform/jobs.ts';
import { jobsRoutes } from './routes.ts';
import { jobsCommands } from './commands.ts';

declare module '../../platform/module.ts' {
  interface Services {
    /** The job runner of this node, when it runs one (the server does; routes answer 503 otherwise). */
    jobs?: JobRunner;
  }
}

export const jobsModule = defineModule({
  name: 'jobs',
  tables: [],
  // The province admin's pages (the job queue's among them).
  abilities: { province_admin: (p) => allows({ roles: ['province_admin'] }, p) },
  routes: jobsRoutes,
  commands: jobsCommands,
});
