/**
 * Authentication and deny-by-default authorisation. Every route declares a policy in its
 * `config.policy`; a route without one fails at start-up. The session resolver is injected by the
 * identity module, so the platform does not reach into its tables.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export const ROLES = ['counter_officer', 'specialist', 'agency_leader', 'agency_admin', 'province_admin'] as const;
export type Role = (typeof ROLES)[number];
export function isRole(x: string): x is Role {
  return (ROLES as readonly string[]).includes(x);
}

export interface Principal {
  userId: string;
  kind: 'citizen' | 'officer';
  username: string;
  fullName: string;
  agencyId: string | null;
  roles: Role[];
  /** A citizen's identity assurance: `basic` (self-registered) or `verified` (the ID number proven). */
  assurance?: 'basic' | 'verified';
}

/**
 * - public: anyone, signed in or not
 * - authenticated: any signed-in user
 * - citizen: a signed-in citizen
 * - officer: a signed-in officer (any role)
 * - { roles }: an officer holding one of these roles
 * Resource-level checks (whose dossier, which agency) are made by the use case.
 */
export type Policy = 'public' | 'authenticated' | 'citizen' | 'officer' | { roles: readonly Role[] };

export const SESSION_COOKIE = 'motcua_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
  interface FastifyRequest {
    principal: Principal | null;
    sessionToken: string | null;
  }
}

export function allows(policy: Policy, p: Principal | null): boolean {
  if (policy === 'public') return true;
  if (!p) return false;
  if (policy === 'authenticated') return true;
  if (policy === 'citizen') return p.kind === 'citizen';
  if (policy === 'officer') return p.kind === 'officer';
  return p.kind === 'officer' && p.roles.some((r) => policy.roles.includes(r));
}

export function tokenFrom(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim() || null;
  const c = req.cookies?.[SESSION_COOKIE];
  return c || null;
}

export function registerAuth(app: FastifyInstance, resolve: (token: string) => Promise<Principal | null>): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRoute', (route) => {
    const policy = (route.config as { policy?: Policy } | undefined)?.policy;
    if (!policy && !route.url.startsWith('/docs')) {
      throw new Error(`route ${route.method} ${route.url} declares no policy (deny-by-default)`);
    }
  });
  app.addHook('onRequest', async (req) => {
    const policy = req.routeOptions.config.policy ?? 'public';
    const token = tokenFrom(req);
    if (token) {
      req.sessionToken = token;
      req.principal = await resolve(token);
    }
    if (allows(policy, req.principal)) return;
    throw new AppError(req.principal ? 'forbidden' : 'unauthenticated');
  });
}

export function requirePrincipal(req: FastifyRequest): Principal {
  if (!req.principal) throw new AppError('unauthenticated');
  return req.principal;
}
