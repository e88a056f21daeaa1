/**
 * HTTP for signed documents: public verification (API and the QR code's page), the citizen's personal
 * document store, a dossier's documents and an on-demand control sheet (form 05). The PKI's public
 * certificates and CRLs are the pki module's routes.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { inTx } from '../../db/index.ts';
import { requirePrincipal } from '../../platform/auth.ts';
import { limitDeclaredBody } from '../../platform/body-limits.ts';
import { ctxFrom, type AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { errors } from '../../platform/schemas.ts';
import type { BlobStore } from '../files/index.ts';
import * as dossiers from '../dossiers/index.ts';
import { dossierDocumentPdf, dossierDocuments, myDocuments, verifyStored, verifyUpload } from './access.ts';
import { prepareControlSheet, recordDocuments, resultDraft } from './service.ts';
import { certification, certifyCopy } from './certify.ts';
import { verifyPageHtml } from './verify-page.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Code = Type.String({ pattern: dossiers.DOSSIER_CODE_PATTERN, maxLength: 60 });
const Open = (description: string) => Type.Object({}, { additionalProperties: true, description });
const VerifyReport = Open('valid, intact, problems[{code, vi, en}], sha256, size, signatures[{signer, claimedSigningTime, timestamp, digestMatches, signatureValid, coversWholeFile, chainTrusted, chain, certValidAtSigning, revocation}], document, dossier (public summary)');
const List = Type.Object({ items: Type.Array(Open('a signed document')) });

async function pdfOf(req: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (req.isMultipart()) {
    const part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part) throw new AppError('validation', 'no file in the request');
    const bytes = await part.toBuffer();
    if (part.file.truncated) throw new AppError('file-too-large');
    return bytes;
  }
  if (Buffer.isBuffer(req.body)) return req.body;
  throw new AppError('unsupported-media-type', 'send the PDF as application/pdf or multipart/form-data (field "file")');
}

export function resultRoutes(deps: AppDeps, blobs: BlobStore) {
  return async function (app: FastifyInstance) {
    app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: deps.config.fileMaxBytes }, (_req, body, done) => done(null, body));
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.post('/verify', {
      config: { policy: 'public', limit: { family: 'verify' } },
      // A body declared larger than the limit is refused before it is read.
      onRequest: limitDeclaredBody(() => deps.config.fileMaxBytes),
      schema: {
        tags: ['verification'], summary: 'Verify a signed PDF, no sign-in / Kiểm tra văn bản điện tử',
        description: 'The PDF as `application/pdf` or `multipart/form-data` (field `file`). Every signature is checked byte for byte: digest of the signed ranges, CMS signature, chain to a trusted root, revocation (CRL). Any changed byte makes it invalid. Limits: `FILE_MAX_BYTES` (413, refused before the body is read when `Content-Length` says so), `VERIFY_MAX_SIGNATURES` (reported as `too_many_signatures`), `VERIFY_TIMEOUT_MS` (422 `verification-timeout`).',
        consumes: ['application/pdf', 'multipart/form-data'],
        response: { 200: VerifyReport, ...errors(400, 413, 415, 422, 503) },
      },
    }, async (req) => verifyUpload(ctxFrom(deps, req), await pdfOf(req, deps.config.fileMaxBytes)));

    r.get('/verify/:id', {
      config: { policy: 'public', limit: { family: 'verify' } },
      schema: { tags: ['verification'], summary: 'Verify a registered document (the QR code) / Kiểm tra văn bản theo mã', params: Id, response: { 200: VerifyReport, ...errors(404, 422, 503) } },
    }, async (req) => verifyStored(ctxFrom(deps, req), blobs, req.params.id));

    r.get('/me/documents', {
      config: { policy: 'citizen' },
      schema: {
        tags: ['documents'], summary: 'My personal document store: signed results / Kho dữ liệu điện tử của tôi',
        description: 'Each item\'s `fileId` can be attached to a new dossier as a component instead of uploading it again.',
        response: { 200: List, ...errors(401, 403) },
      },
    }, async (req) => myDocuments(ctxFrom(deps, req)));

    r.get('/dossiers/:code/documents', {
      config: { policy: 'authenticated' },
      schema: { tags: ['documents'], summary: "A dossier's signed documents (forms 01–05, stop notice, result) / Văn bản của hồ sơ", params: Type.Object({ code: Code }), response: { 200: List, ...errors(401, 404) } },
    }, async (req) => dossierDocuments(ctxFrom(deps, req), req.params.code));

    r.get('/dossiers/:code/documents/:id/pdf', {
      config: { policy: 'authenticated' },
      schema: { tags: ['documents'], summary: 'The signed PDF / Tải văn bản đã ký', params: Type.Object({ code: Code, id: Id.properties.id }), produces: ['application/pdf'], response: { 200: Type.Any(), ...errors(401, 404) } },
    }, async (req, reply) => {
      const { doc, stream } = await dossierDocumentPdf(ctxFrom(deps, req), blobs, req.params.code, req.params.id);
      return reply.header('content-type', 'application/pdf').header('content-length', doc.size)
        .header('content-disposition', `inline; filename="${doc.kind}-${doc.id.slice(0, 8)}.pdf"`).header('cache-control', 'private, max-age=300')
        .header('etag', `"${doc.sha256}"`).send(stream);
    });

    r.get('/dossiers/:code/result-draft', {
      config: { policy: 'officer' },
      schema: {
        tags: ['documents'], summary: 'The draft result, to read before signing / Dự thảo kết quả trước khi ký',
        description: 'The result PDF as it would be signed now, unsigned and marked "DỰ THẢO" on every page; nothing is stored. '
          + 'Officers who may see the dossier, while it is processed and its result not yet signed (409 `no-result-draft` otherwise).',
        params: Type.Object({ code: Code }), response: { 200: Type.Any(), ...errors(401, 403, 404, 409) },
      },
    }, async (req, reply) => {
      const actor = requirePrincipal(req);
      const row = await dossiers.dossierByCode(deps.db, req.params.code);
      if (!row || !dossiers.canSee(actor, row)) throw new AppError('not-found', 'dossier not found');
      const pdf = await resultDraft(ctxFrom(deps, req), row, actor);
      return reply.header('content-type', 'application/pdf').header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="du-thao-ket-qua-${row.code}.pdf"`).send(pdf);
    });

    r.get('/dossiers/:code/certified-copies', {
      config: { policy: { roles: ['counter_officer'] } },
      schema: {
        tags: ['documents'],
        summary: 'May I certify this dossier\'s scans, and which are certified / Chứng thực bản sao: điều kiện và bản đã cấp',
        description: 'For the desk: `certifiable` (the server\'s judgement: a certified-copy procedure, the receiving desk, dossier not closed) with `reason` when not, and `copies[{fileId, documentId, title}]` — each scan is certified once.',
        params: Type.Object({ code: Code }),
        response: {
          200: Type.Object({
            certifiable: Type.Boolean(), reason: Type.Union([Type.String(), Type.Null()]),
            copies: Type.Array(Type.Object({ fileId: Type.String(), documentId: Type.String(), title: Type.String() })),
          }),
          ...errors(401, 403, 404),
        },
      },
    }, async (req) => certification(ctxFrom(deps, req), req.params.code));

    r.post('/dossiers/:code/certified-copies', {
      config: { policy: { roles: ['counter_officer'] } },
      schema: {
        tags: ['documents'],
        summary: 'Certify a scan as a true copy of the original (electronic certified copy) / Chứng thực bản sao điện tử từ bản chính',
        description: 'For dossiers of a certified-copy procedure (e.g. 2.000815), by a counter officer of the receiving desk who saw the original: '
          + 'the scan (`fileId`, attached to the dossier) becomes a PDF signed by the officer and sealed by the agency, registered for verification, '
          + 'and put in the applicant\'s personal store when the dossier reaches a verified account. A scan is certified once (409 `already-certified`).',
        params: Type.Object({ code: Code }),
        body: Type.Object({ fileId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        response: { 201: Open('the signed certified copy'), ...errors(400, 401, 403, 404, 409, 422) },
      },
    }, async (req, reply) => {
      const ctx = ctxFrom(deps, req);
      const row = await certifyCopy(ctx, blobs, req.params.code, req.body.fileId);
      const listed = await dossierDocuments(ctx, req.params.code);
      return reply.status(201).header('location', `/api/v1/dossiers/${req.params.code}/documents/${row.id}/pdf`).send(listed.items.find((d) => d.id === row.id)!);
    });

    r.post('/dossiers/:code/documents/control-sheet', {
      config: { policy: 'officer' },
      schema: { tags: ['documents'], summary: 'Issue the processing control sheet now (form 05) / Lập phiếu kiểm soát', params: Type.Object({ code: Code }), response: { 201: Open('the sealed form 05'), ...errors(401, 403, 404) } },
    }, async (req, reply) => {
      const ctx = ctxFrom(deps, req);
      const actor = requirePrincipal(req);
      const row = await dossiers.dossierByCode(deps.db, req.params.code);
      if (!row || !dossiers.canSee(actor, row)) throw new AppError('not-found', 'dossier not found');
      const prepared = await prepareControlSheet(ctx, blobs, row, actor);
      await inTx(deps.db, (tx) => recordDocuments(tx, ctx, prepared));
      const listed = await dossierDocuments(ctx, row.code);
      return reply.status(201).send(listed.items.find((d) => d.id === prepared.row.id)!);
    });
  };
}

/** `GET /verify/{id}`: the page the QR code opens (registered outside /api/v1). */
export function verifyPageRoutes(deps: AppDeps, blobs: BlobStore) {
  return async function (app: FastifyInstance) {
    app.withTypeProvider<TypeBoxTypeProvider>().get('/verify/:id', {
      config: { policy: 'public', limit: { family: 'verify' } },
      schema: { hide: true, params: Id },
    }, async (req, reply) => {
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      try {
        return verifyPageHtml(await verifyStored(ctxFrom(deps, req), blobs, req.params.id));
      } catch (err) {
        if (err instanceof AppError && err.type === 'not-found') {
          return reply.status(404).send('<!doctype html><html lang="vi"><meta charset="utf-8"><title>Không tìm thấy / Not found</title><h1>Không tìm thấy văn bản / Document not found</h1></html>');
        }
        throw err;
      }
    });
  };
}
