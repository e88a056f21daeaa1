/** HTTP for the lifecycle: actions with If-Match, counter intake, work queues, processes. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxFrom, type AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { errors } from '../../platform/schemas.ts';
import * as catalog from '../catalog/index.ts';
import { ACTIONS, MAX_AMOUNT_VND, RATINGS, RETURN_METHODS } from './lifecycle.ts';
import { perform } from './lifecycle-service.ts';
import { DOSSIER_CODE_PATTERN } from './model.ts';
import { present } from './present.ts';
import { getProcess, publishProcess } from './process-service.ts';
import { workqueue } from './queue-service.ts';
import { registerAtCounter } from './service.ts';
import { Checklist, DossierView, FileRefs, IdempotencyKey } from './schemas.ts';
import type { DocumentIssuer } from './documents.ts';
import type { BlobStore } from '../files/index.ts';

const CodeParam = Type.Object({ code: Type.String({ pattern: DOSSIER_CODE_PATTERN, maxLength: 60 }) });
const OFFICER_ROLES = { roles: ['counter_officer', 'specialist', 'agency_leader', 'agency_admin', 'province_admin'] as const };

export function lifecycleRoutes(deps: AppDeps, issuer: DocumentIssuer, blobs?: BlobStore) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.post('/dossiers/:code/actions', {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['lifecycle'],
        summary: 'Perform one action on a dossier / Xử lý hồ sơ',
        description: '`If-Match` carries the dossier version the caller saw; a stale version gets 409 with the current state. '
          + 'The allowed actions for the caller are in `GET /dossiers/{code}` → `allowedActions`.',
        params: CodeParam,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String({ pattern: '^(W/)?"?[0-9]{1,9}"?$' })) }),
        body: Type.Object({
          action: Type.Union(ACTIONS.map((a) => Type.Literal(a))),
          note: Type.Optional(Type.String({ maxLength: 2000 })),
          reason: Type.Optional(Type.String({ maxLength: 2000 })),
          items: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { maxItems: 50 })),
          amountVND: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_AMOUNT_VND, description: 'request_payment: any whole amount in đồng from 1 to 1,000,000,000,000' })),
          description: Type.Optional(Type.String({ maxLength: 500 })),
          feeItems: Type.Optional(Type.Array(Type.Object({
            name: Type.String({ minLength: 1, maxLength: 300 }),
            amountVND: Type.Integer({ minimum: 1, maximum: MAX_AMOUNT_VND }),
          }, { additionalProperties: false }), { maxItems: 20, description: 'request_payment: the fees and charges the amount is made of; they must add up to `amountVND`' })),
          newDueAt: Type.Optional(Type.String({ format: 'date-time' })),
          rating: Type.Optional(Type.Union(RATINGS.map((x) => Type.Literal(x)))),
          returnMethod: Type.Optional(Type.Union(RETURN_METHODS.map((x) => Type.Literal(x)), { description: 'return_result: counter, postal or electronic (default: electronic when the applicant has an account, else counter)' })),
          comment: Type.Optional(Type.String({ maxLength: 2000 })),
          files: Type.Optional(FileRefs),
        }, { additionalProperties: false }),
        response: { 200: DossierView, ...errors(400, 401, 403, 404, 409, 428) },
      },
    }, async (req) => {
      const tag = req.headers['if-match'];
      if (!tag) throw new AppError('precondition-required');
      const ctx = ctxFrom(deps, req);
      const { row, view, history, files } = await perform(ctx, req.params.code, req.body, Number(tag.replace(/\D/g, '')), issuer);
      const procedure = await catalog.getProcedure(deps.db, row.procedure_code, row.procedure_version);
      return { ...(await present(deps.db, row, procedure, { history, files })), ...view };
    });

    r.post('/dossiers/counter', {
      config: { policy: { roles: ['counter_officer'] } },
      schema: {
        tags: ['lifecycle'],
        summary: 'Register a paper dossier at the counter / Tiếp nhận hồ sơ trực tiếp',
        description: 'Serves every procedure. With an e-form, `formData` is that form; without one (e.g. certified copies), the generic counter form: '
          + '`applicant` (name, ID number, phone, address), `notes`, and `formData` may carry only `communeCode`. `checklist` lists the components received on paper '
          + '(original, copy or certified copy; copies); `files` are the scans, each recorded as digitised with its page count. A required component must be '
          + 'in the checklist or scanned.',
        headers: Type.Object({ 'idempotency-key': IdempotencyKey }),
        body: Type.Object({
          procedureCode: Type.String({ minLength: 1, maxLength: 40 }),
          channel: Type.Union([Type.Literal('direct'), Type.Literal('postal')]),
          applicant: Type.Object({
            idNumber: Type.String({ minLength: 1, maxLength: 20 }), fullName: Type.String({ minLength: 2, maxLength: 100 }),
            phone: Type.Optional(Type.String({ pattern: '^[0-9+ .-]{8,15}$' })), address: Type.Optional(Type.String({ maxLength: 300 })),
          }, { additionalProperties: false }),
          formData: Type.Optional(Type.Object({}, { additionalProperties: true })),
          checklist: Type.Optional(Checklist),
          notes: Type.Optional(Type.String({ maxLength: 1000 })),
          files: FileRefs,
        }, { additionalProperties: false }),
        response: { 201: DossierView, ...errors(400, 401, 403, 404, 422) },
      },
    }, async (req, reply) => {
      const { dossier, replayed } = await registerAtCounter(ctxFrom(deps, req), { ...req.body, formData: (req.body.formData ?? {}) as Record<string, unknown> }, req.headers['idempotency-key'], blobs);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(dossier);
    });

    r.get('/workqueue', {
      config: { policy: 'officer' },
      schema: {
        tags: ['lifecycle'],
        summary: "The caller's work queue, by due date / Hồ sơ cần xử lý",
        querystring: Type.Object({
          status: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
          procedure: Type.Optional(Type.String({ maxLength: 40 })),
          code: Type.Optional(Type.String({ maxLength: 60 })),
          due: Type.Optional(Type.Union([Type.Literal('soon'), Type.Literal('overdue')])),
          limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
        }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Type.Object({}, { additionalProperties: true })), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...errors(400, 401, 403) },
      },
    }, async (req) => workqueue(ctxFrom(deps, req), req.query));

    r.get('/procedures/:code/process', {
      config: { policy: OFFICER_ROLES },
      schema: { tags: ['lifecycle'], summary: "A procedure's process (steps, roles, allowances) / Quy trình xử lý", params: Type.Object({ code: Type.String({ maxLength: 40 }) }), response: { 200: Type.Object({}, { additionalProperties: true }), ...errors(401, 403, 404) } },
    }, async (req) => getProcess(ctxFrom(deps, req), req.params.code));

    r.put('/procedures/:code/process', {
      config: { policy: { roles: ['province_admin'] } },
      schema: {
        tags: ['lifecycle'], summary: 'Publish a new version of a procedure\'s process (validated) / Cấu hình quy trình',
        params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
        body: Type.Object({}, { additionalProperties: true }),
        response: { 200: Type.Object({}, { additionalProperties: true }), ...errors(400, 401, 403, 404, 409) },
      },
    }, async (req) => publishProcess(ctxFrom(deps, req), req.params.code, req.body));
  };
}
