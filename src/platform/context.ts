import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import type { Clock } from './clock.ts';
import type { Principal } from './auth.ts';
import type { AuditActor } from './audit.ts';

/** What a use case needs from the world: database, clock, settings, and who is asking. */
export interface Ctx {
  db: Db;
  clock: Clock;
  config: Config;
  actor: Principal | null;
  requestId: string | null;
  log: FastifyBaseLogger | null;
}

export interface AppDeps {
  db: Db;
  clock: Clock;
  config: Config;
}

export function ctxFrom(deps: AppDeps, req: FastifyRequest): Ctx {
  return { ...deps, actor: req.principal, requestId: req.id, log: req.log };
}

export function auditActor(p: Principal | null): AuditActor {
  return p ? { kind: p.kind, id: p.userId } : { kind: 'public', id: null };
}
