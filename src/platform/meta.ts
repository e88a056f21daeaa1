/** `GET /api/v1/meta`: what the web application needs to know about this installation (demo or production, upload limits). */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../config.ts';

export const Meta = Type.Object({
  environment: Type.Union([Type.Literal('demo'), Type.Literal('production')], {
    description: 'demo: seeded with published demo accounts (every page shows a banner); production: MOTCUA_ENV=production',
  }),
  uploads: Type.Object({
    maxBytes: Type.Integer({ description: 'The largest file one upload may carry (FILE_MAX_BYTES); the web app states it before an upload' }),
    types: Type.Array(Type.String(), { description: 'The kinds of file accepted, recognised by their content' }),
  }),
}, { additionalProperties: false });

/** The kinds of file an upload may be (the files module recognises them by their bytes). */
export const UPLOAD_TYPES = ['PDF', 'JPEG', 'PNG'];

export function metaRoutes(config: Pick<Config, 'environment' | 'fileMaxBytes'>) {
  return async function (app: FastifyInstance) {
    app.withTypeProvider<TypeBoxTypeProvider>().get('/meta', {
      config: { policy: 'public' },
      schema: { tags: ['meta'], summary: 'This installation: demo or production, upload limits / Thông tin hệ thống', response: { 200: Meta } },
    }, async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { environment: config.environment, uploads: { maxBytes: config.fileMaxBytes, types: UPLOAD_TYPES } };
    });
  };
}
