/**
 * The gateway's HTTP surface outside /api/v1: the OAuth token endpoint, `/r1/…` (the message protocol
 * and the provider metaservices) and `/listClients`. Every route is `public` for the platform's session
 * policy and authenticates its callers itself (`ownAuth`: no session lookup); `/r1` routes parse no
 * body (all content-type parsers removed; the raw stream goes to the provider) and answer on the raw
 * response (hijacked), so no serializer, no helmet headers and no body limit stand in between.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { ModuleContext } from '../../platform/module.ts';
import { registry } from './lookup.ts';
import { listClients } from './meta.ts';
import { oauthRoutes } from './oauth.ts';
import { handleR1 } from './proxy.ts';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** `/r1/*` and `/listClients` on an app (the main server, or the mTLS listener's). */
export async function r1Routes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, _payload, done) => done(null));
  app.route({
    method: [...METHODS], url: '/r1/*', helmet: false, schema: { hide: true }, config: { policy: 'public', ownAuth: true },
    handler: (req, reply) => {
      reply.hijack();
      return handleR1(ctx, req.raw, reply.raw);
    },
  });
  app.get('/listClients', { helmet: false, schema: { hide: true }, config: { policy: 'public', ownAuth: true } }, async (req, reply) => {
    reply.hijack();
    const q = new URLSearchParams((req.raw.url ?? '').split('?')[1] ?? '');
    listClients(await registry(ctx.db), q, req.headers.accept, reply.raw);
  });
}

export function gatewayPages(ctx: ModuleContext): FastifyPluginAsync {
  return async (app) => {
    await app.register(oauthRoutes(ctx));
    await app.register(async (r1) => r1Routes(r1, ctx));
  };
}
