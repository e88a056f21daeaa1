/**
 * Audit module: signed checkpoints of the platform's audit chain heads (`audit_checkpoints`, and files
 * in AUDIT_CHECKPOINT_DIR), taken by the scheduled job `audit.checkpoint`, and `motcua audit verify`,
 * which holds the chains against them. The log itself (audit_log, audit_heads) is the platform's.
 */
import { defineModule } from '../../platform/module.ts';
import { registerAuditCommands } from './cli.ts';
import { everyMinutes } from '../../platform/jobs.ts';
import { takeCheckpoint } from './service.ts';

export { takeCheckpoint, verifyAuditLog } from './service.ts';
export type { AuditReport } from './service.ts';
export type { Checkpoint } from './checkpoint.ts';

export const auditModule = defineModule({
  name: 'audit',
  tables: ['audit_checkpoints'],
  migrations: new URL('./migrations/', import.meta.url),
  // Every AUDIT_CHECKPOINT_MINUTES, once across nodes; 0 removes the schedule. Taking one more is harmless.
  jobs: (ctx) => {
    const cron = everyMinutes(ctx.config.auditCheckpointMinutes, 'AUDIT_CHECKPOINT_MINUTES');
    return [{
      name: 'audit.checkpoint',
      ...(cron ? { schedule: cron } : {}),
      retryLimit: 2,
      retryDelaySeconds: 60,
      async handler() {
        await takeCheckpoint(ctx);
      },
    }];
  },
  commands: (program, cli) => registerAuditCommands(program, cli),
});
