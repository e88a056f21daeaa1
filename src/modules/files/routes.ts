import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors.ts';
import { declaredLength, limitDeclaredBody, MULTIPART_SLACK, refuseBody } from '../../platform/body-limits.ts';
import { ctxFrom, type AppDeps } from '../../platform/context.ts';
import { unstorableText } from '../../platform/input.ts';
import { errors } from '../../platform/schemas.ts';
import type { BlobStore } from './blobs.ts';
import { attachmentHeader, overQuota } from './rules.ts';
import * as service from './service.ts';

/** `?disposition=inline` for a preview in the page; a download (attachment) otherwise. */
export const DispositionQuery = Type.Object({
  disposition: Type.Optional(Type.Union([Type.Literal('attachment'), Type.Literal('inline')], { description: 'attachment (default) or inline, for a preview in the page' })),
});

export function fileRoutes(deps: AppDeps, blobs: BlobStore) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    r.get('/files/:id', {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['files'], summary: 'Download one of my own uploads / Tải tệp đã tải lên',
        description: 'Only the uploader; a file attached to a dossier is read through `/dossiers/{code}/files/{fileId}`.',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        querystring: DispositionQuery,
        produces: [...service.ACCEPTED],
        response: { 200: Type.Any(), ...errors(401, 404) },
      },
    }, async (req, reply) => {
      const ctx = ctxFrom(deps, req);
      const row = await service.getFileRow(ctx, req.params.id);
      if (!row || row.owner_id !== req.principal?.userId) throw new AppError('not-found', 'file not found');
      return sendFile(reply, await service.openFile(ctx, blobs, row.id), req.query.disposition);
    });

    r.post('/files', {
      config: { policy: 'authenticated', limit: { family: 'upload', key: (req) => req.principal?.userId } },
      // Before the body is read: its declared length against the file limit, then against what is left of the quota.
      onRequest: [limitDeclaredBody(() => deps.config.fileMaxBytes), async (req, reply) => {
        const length = declaredLength(req);
        if (length === null || !req.principal) return;
        const quota = await service.quotaState(ctxFrom(deps, req), deps.db, req.principal);
        if (quota && overQuota(quota.usedBytes, Math.max(0, length - MULTIPART_SLACK), quota.rule)) refuseBody(reply, service.quotaExceeded(quota.rule, quota.usedBytes));
      }],
      schema: {
        tags: ['files'],
        summary: 'Upload one file (multipart/form-data, field "file") / Tải lên tệp',
        description: 'Only PDF, JPEG and PNG, recognised by their bytes; a PDF with JavaScript, actions on opening, embedded files or rich media is refused (422 `pdf-active-content`), as is one that cannot be checked (422 `pdf-unreadable`: encrypted, damaged). Stored content-addressed by SHA-256. Limits: `FILE_MAX_BYTES` per file and `UPLOAD_QUOTA_BYTES` per account (413 `upload-quota-exceeded`), both refused before the body is read when `Content-Length` says so. An upload not attached to a dossier within `UPLOAD_ORPHAN_HOURS` is deleted.',
        consumes: ['multipart/form-data'],
        response: {
          201: Type.Object({ id: Type.String({ format: 'uuid' }), sha256: Type.String(), size: Type.Integer(), mediaType: Type.String() }),
          ...errors(400, 401, 413, 415, 422, 503),
        },
      },
    }, async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('unsupported-media-type', 'send multipart/form-data with a "file" field');
      const part = await req.file({ limits: { fileSize: deps.config.fileMaxBytes, files: 1, fields: 5 } });
      if (!part) throw new AppError('validation', 'no file in the request');
      // The file name is stored: text PostgreSQL cannot store is refused like in any other field.
      const badName = unstorableText(part.filename, '/body/file/filename');
      if (badName) {
        part.file.resume();
        throw new AppError('validation', undefined, { errors: [badName] });
      }
      const stored = await service.storeUpload(ctxFrom(deps, req), blobs, {
        stream: part.file, name: part.filename || null, isTruncated: () => part.file.truncated,
      });
      return reply.status(201).send(stored);
    });
  };
}

/** Streams a stored file as an attachment (or inline, asked) under its original name, with its recognised media type and no sniffing. */
export function sendFile(
  reply: FastifyReply, f: { row: { media_type: string; size: number; sha256: string; name: string | null }; stream: NodeJS.ReadableStream },
  disposition: 'attachment' | 'inline' = 'attachment',
) {
  return reply
    .header('content-type', f.row.media_type)
    .header('content-length', f.row.size)
    .header('content-disposition', attachmentHeader(f.row, disposition))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=3600')
    .header('etag', `"${f.row.sha256}"`)
    .send(f.stream);
}
