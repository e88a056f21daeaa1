/**
 * Authentication and deny-by-default authorisation. Every route declares a policy in its
 * `config.policy`; a route without one fails at start-up. The session resolver is injected by the
 * identity module, so the platform does not reach into its tables.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isCrossSite, UNSAFE_METHODS } from './cross-site.ts';
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

/** The session cookie's attributes, the same when it is set and when it is cleared. */
export function sessionCookieOptions(config: { cookieSecure: boolean }) {
  return { httpOnly: true, sameSite: 'strict', secure: config.cookieSecure, path: '/' } as const;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
    /** The route authenticates its callers itself (the integration gateway's OAuth and /r1 routes): no session is looked up. */
    ownAuth?: boolean;
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

/** The session token and how it came: a bearer header (sent on purpose) or the cookie (sent by the browser by itself). */
export function credentialFrom(req: FastifyRequest): { token: string; via: 'bearer' | 'cookie' } | null {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) {
    const token = h.slice(7).trim();
    return token ? { token, via: 'bearer' } : null;
  }
  const c = req.cookies?.[SESSION_COOKIE];
  return c ? { token: c, via: 'cookie' } : null;
}

/** Does the request carry `Authorization: Bearer <secret>` (compared in constant time)? */
export function bearerIs(req: FastifyRequest, secret: string): boolean {
  const h = req.headers.authorization;
  if (!h?.startsWith('Bearer ')) return false;
  const d = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(d(h.slice(7).trim()), d(secret));
}

export interface AuthOptions {
  /** PUBLIC_BASE_URL: its origin counts as this site for cookie-authenticated changes. */
  publicBaseUrl?: string | null;
}

export function registerAuth(app: FastifyInstance, resolve: (token: string) => Promise<Principal | null>, opts: AuthOptions = {}): void {
  const publicOrigin = opts.publicBaseUrl ? new URL(opts.publicBaseUrl).origin : null;
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
    if (req.routeOptions.config.ownAuth && policy === 'public') return;
    const credential = credentialFrom(req);
    if (credential) {
      req.sessionToken = credential.token;
      req.principal = await resolve(credential.token);
    }
    // CSRF: a change made with the cookie must come from this site's own pages.
    if (req.principal && credential?.via === 'cookie' && UNSAFE_METHODS.has(req.method)) {
      const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
      if (isCrossSite({ secFetchSite: header('sec-fetch-site'), origin: header('origin'), host: req.host }, publicOrigin)) {
        throw new AppError('cross-site-request');
      }
    }
    if (allows(policy, req.principal)) return;
    throw new AppError(req.principal ? 'forbidden' : 'unauthenticated');
  });
}

export function requirePrincipal(req: FastifyRequest): Principal {
  if (!req.principal) throw new AppError('unauthenticated');
  return req.principal;
}
