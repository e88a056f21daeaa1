import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors.ts';
import { ctxFrom, type AppDeps } from '../../platform/context.ts';
import { errors } from '../../platform/schemas.ts';
import type { BlobStore } from './blobs.ts';
import * as service from './service.ts';

export function fileRoutes(deps: AppDeps, blobs: BlobStore) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    r.post('/files', {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['files'],
        summary: 'Upload one file (multipart/form-data, field "file") / Tải lên tệp',
        description: 'Only PDF, JPEG and PNG, recognised by their bytes. Stored content-addressed by SHA-256.',
        consumes: ['multipart/form-data'],
        response: {
          201: Type.Object({ id: Type.String({ format: 'uuid' }), sha256: Type.String(), size: Type.Integer(), mediaType: Type.String() }),
          ...errors(400, 401, 413, 415),
        },
      },
    }, async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('unsupported-media-type', 'send multipart/form-data with a "file" field');
      const part = await req.file({ limits: { fileSize: deps.config.fileMaxBytes, files: 1, fields: 5 } });
      if (!part) throw new AppError('validation', 'no file in the request');
      const stored = await service.storeUpload(ctxFrom(deps, req), blobs, {
        stream: part.file, name: part.filename || null, isTruncated: () => part.file.truncated,
      });
      return reply.status(201).send(stored);
    });
  };
}
