/** `GET /api/v1/meta`: what the web application needs to know about this installation (demo or production). */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../config.ts';

export const Meta = Type.Object({
  environment: Type.Union([Type.Literal('demo'), Type.Literal('production')], {
    description: 'demo: seeded with published demo accounts (every page shows a banner); production: MOTCUA_ENV=production',
  }),
}, { additionalProperties: false });

export function metaRoutes(config: Pick<Config, 'environment'>) {
  return async function (app: FastifyInstance) {
    app.withTypeProvider<TypeBoxTypeProvider>().get('/meta', {
      config: { policy: 'public' },
      schema: { tags: ['meta'], summary: 'This installation: demo or production / Thông tin hệ thống', response: { 200: Meta } },
    }, async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { environment: config.environment };
    });
  };
}
