/**
 * The gateway's health, as X-Road's security server health check answers it (IG-XLB, "health check"):
 * 200 OK when healthy; 500 with a short reason in the body when a check fails (the database, the message
 * log unable to take messages or its last time-stamp too old); 503 "Health check interface is in
 * maintenance mode" in maintenance (GATEWAY_MAINTENANCE), without running any check. The same message-log
 * state goes to the platform's /health/ready through a readiness check.
 */
import type { FastifyInstance } from 'fastify';
import { ping } from '../../db/index.ts';
import type { ModuleContext } from '../../platform/module.ts';
import type { ReadinessCheck, ReadinessResult } from '../../platform/observability.ts';
import type { MessageLogStatus } from './contracts.ts';

export const MAINTENANCE_MESSAGE = 'Health check interface is in maintenance mode';

export interface HealthAnswer {
  status: 200 | 500 | 503;
  message: string;
}

/** The message log's state in words (pure). */
export function messageLogProblem(s: MessageLogStatus | undefined): { refuse: boolean; reason: string } | null {
  if (!s) return { refuse: true, reason: 'message log: not running on this node' };
  if (s.healthy && !s.refuseTraffic) return null;
  const reason = s.reason ?? (s.lastTimestampAt
    ? `last time-stamp at ${s.lastTimestampAt.toISOString()} is too old (${s.untimestamped} records not time-stamped)`
    : `no time-stamp yet (${s.untimestamped} records not time-stamped)`);
  return { refuse: s.refuseTraffic, reason: `message log: ${reason}` };
}

/** What the health check answers (pure but for its inputs). */
export function healthAnswer(input: { maintenance: boolean; databaseOk: boolean; log: MessageLogStatus | undefined }): HealthAnswer {
  if (input.maintenance) return { status: 503, message: MAINTENANCE_MESSAGE };
  if (!input.databaseOk) return { status: 500, message: 'database not reachable' };
  const problem = messageLogProblem(input.log);
  if (problem) return { status: 500, message: problem.reason };
  return { status: 200, message: 'OK' };
}

/**
 * For /health/ready: failing when the gateway refuses traffic because of its message log (or the log is
 * not running), degraded when time-stamps are overdue but traffic flows (the body says why).
 */
export function messageLogReadiness(ctx: ModuleContext): ReadinessCheck {
  return {
    name: 'gateway-message-log',
    check(): ReadinessResult {
      // Read at each check: the message log is built by the module's provides, possibly after the monitor.
      const problem = messageLogProblem(ctx.services.gateway?.log.status());
      if (!problem) return { status: 'ok' };
      return { status: problem.refuse ? 'failing' : 'degraded', detail: problem.reason };
    },
  };
}

/** `GET /gateway/health` (outside /api/v1, public like X-Road's health check port): plain text. */
export function healthRoutes(ctx: ModuleContext) {
  return async function (app: FastifyInstance) {
    app.get('/gateway/health', { config: { policy: 'public' }, schema: { hide: true } }, async (_req, reply) => {
      const maintenance = ctx.config.gateway.maintenance;
      const databaseOk = maintenance || await ping(ctx.db).then(() => true, () => false);
      const answer = healthAnswer({ maintenance, databaseOk, log: maintenance ? undefined : ctx.services.gateway?.log.status() });
      return reply.status(answer.status).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(answer.message);
    });
  };
}
