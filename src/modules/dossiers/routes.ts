import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxFrom, type AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { bodyField, paramField } from '../../platform/rate-limit.ts';
import { errors } from '../../platform/schemas.ts';
import { DOSSIER_CODE_PATTERN } from './model.ts';
import * as service from './service.ts';
import * as files from '../files/index.ts';
import { sendFile, type BlobStore } from '../files/index.ts';
import type { DocumentReuse } from './documents.ts';
import { DossierView as Full, FileRefs, IdempotencyKey, Nullable, Public, Summary } from './schemas.ts';

const CodeParam = Type.Object({ code: Type.String({ pattern: DOSSIER_CODE_PATTERN, maxLength: 60 }) });
const IdNumber = Type.String({ pattern: '^[0-9]{9,12}$', description: 'The applicant\'s personal ID number' });

export function dossierRoutes(deps: AppDeps, blobs: BlobStore, reuse: DocumentReuse) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.post('/dossiers', {
      config: { policy: 'citizen' },
      schema: {
        tags: ['dossiers'],
        summary: 'Submit a dossier online / Nộp hồ sơ trực tuyến',
        description: 'Requires an `Idempotency-Key` header: the same key and body again return the same dossier and create nothing.',
        headers: Type.Object({ 'idempotency-key': IdempotencyKey }),
        body: Type.Object({
          procedureCode: Type.String({ minLength: 1, maxLength: 40 }),
          formData: Type.Object({}, { additionalProperties: true }),
          files: FileRefs,
        }, { additionalProperties: false }),
        response: { 201: Full, ...errors(400, 401, 403, 404, 422) },
      },
    }, async (req, reply) => {
      const { dossier, replayed } = await service.submitOnline(ctxFrom(deps, req), { ...req.body, formData: req.body.formData as Record<string, unknown> }, req.headers['idempotency-key'], reuse);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).header('location', `/api/v1/dossiers/${dossier.code}`).send(dossier);
    });

    r.get('/dossiers', {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['dossiers'],
        summary: "The caller's dossiers (citizen) or their agency's (officer), newest first / Hồ sơ của tôi",
        querystring: Type.Object({
          mine: Type.Optional(Type.String()),
          limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
        }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Summary), nextCursor: Nullable(Type.String()) }), ...errors(400, 401) },
      },
    }, async (req) => service.listMine(ctxFrom(deps, req), req.query.limit, req.query.cursor));

    r.get('/dossiers/:code', {
      config: { policy: 'authenticated' },
      schema: { tags: ['dossiers'], summary: 'A dossier, for its applicant and authorised officers / Chi tiết hồ sơ', params: CodeParam, response: { 200: Full, ...errors(401, 404) } },
    }, async (req) => service.read(ctxFrom(deps, req), req.params.code));

    r.get('/procedures/popular', {
      config: { policy: 'public' },
      schema: {
        tags: ['catalogue'], summary: 'Most-used procedures (dossiers in the last 90 days) / Thủ tục được sử dụng nhiều',
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 50, default: 6 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), dossiers: Type.Integer() }, { additionalProperties: true })) }) },
      },
    }, async (req) => service.popularProcedures(ctxFrom(deps, req), req.query.limit));

    r.get('/dossiers/:code/files/:fileId', {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['dossiers'], summary: "A document of a dossier, for those who may read the dossier / Xem giấy tờ của hồ sơ",
        params: Type.Object({ ...CodeParam.properties, fileId: Type.String({ format: 'uuid' }) }),
        querystring: files.DispositionQuery,
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: { 200: Type.Any(), ...errors(401, 404) },
      },
    }, async (req, reply) => {
      const ctx = ctxFrom(deps, req);
      const dossierId = await service.fileOfDossier(ctx, req.params.code, req.params.fileId);
      return sendFile(reply, await files.openFile(ctx, blobs, req.params.fileId, { subjectType: 'dossier', subjectId: dossierId }), req.query.disposition);
    });

    r.get('/public/dossiers/:code', {
      config: { policy: 'public', limit: { family: 'lookup', key: paramField('code') } },
      schema: {
        tags: ['public'],
        summary: 'Public status of a dossier, without personal data / Tra cứu tình trạng hồ sơ',
        description: 'Prefer `POST /public/dossiers/lookup`, which keeps the ID number out of the URL; query strings are never logged.',
        params: CodeParam,
        querystring: Type.Object({ idNumber: IdNumber }, { additionalProperties: false }),
        response: { 200: Public, ...errors(400, 404) },
      },
    }, async (req) => service.publicLookup(ctxFrom(deps, req), req.params.code, req.query.idNumber));

    r.post('/public/dossiers/lookup', {
      config: { policy: 'public', limit: { family: 'lookup', key: bodyField('code') } },
      schema: {
        tags: ['public'],
        summary: 'Public status of a dossier (ID number in the body) / Tra cứu tình trạng hồ sơ',
        body: Type.Object({ code: CodeParam.properties.code, idNumber: IdNumber }, { additionalProperties: false }),
        response: { 200: Public, ...errors(400, 404) },
      },
    }, async (req) => {
      if (!req.body) throw new AppError('validation');
      return service.publicLookup(ctxFrom(deps, req), req.body.code, req.body.idNumber);
    });
  };
}
