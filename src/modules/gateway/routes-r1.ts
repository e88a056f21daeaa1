/**
 * `/r1/*` (the message protocol and the provider metaservices) and `/listClients`, on the main server
 * and on the mTLS listener. No body is parsed (all content-type parsers removed; the raw stream goes to
 * the provider) and the answer is written on the raw response (hijacked): no serializer, no helmet
 * headers, no body limit stand in between. `ownAuth`: the platform looks up no session.
 */
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../platform/module.ts';
import { registry } from './lookup.ts';
import { listClients } from './meta.ts';
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
