/** The identity module's scheduled work: forgetting stale sign-in attempts and expired sessions, hourly. */
import type { JobDefinition } from '../../platform/jobs.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { purgeStale } from './service.ts';

export function identityJobs(ctx: ModuleContext): JobDefinition[] {
  return [{
    name: 'identity.purge',
    schedule: '17 * * * *',
    handler: async () => { await purgeStale(ctx.db, ctx.clock.now()); },
  }];
}
