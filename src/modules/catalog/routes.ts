import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../platform/context.ts';
import { errors, INT32_MAX } from '../../platform/schemas.ts';
import { requirePrincipal } from '../../platform/auth.ts';
import * as service from './service.ts';

const Channel = Type.Object({
  channel: Type.Union([Type.Literal('direct'), Type.Literal('online'), Type.Literal('postal')]),
  workingDays: Type.Union([Type.Number(), Type.Null()]),
  timeText: Type.Union([Type.String(), Type.Null()]),
  feeVND: Type.Union([Type.Number(), Type.Null()]),
  feeText: Type.Union([Type.String(), Type.Null()]),
}, { additionalProperties: true });

const Summary = Type.Object({
  code: Type.String(), name: Type.String(), fieldCode: Type.String(), fieldName: Type.String(),
  level: Type.String(), agencyKind: Type.String(), agencyText: Type.String(),
  onlineLevel: Type.Union([Type.Literal('full'), Type.Literal('partial'), Type.Null()]),
  channels: Type.Array(Channel), version: Type.Integer(),
});

const Full = Type.Object({
  ...Summary.properties,
  issuingMinistry: Type.Union([Type.String(), Type.Null()]),
  applicants: Type.Union([Type.String(), Type.Null()]),
  requirements: Type.Union([Type.String(), Type.Null()]),
  steps: Type.Array(Type.String()),
  components: Type.Array(Type.Object({
    code: Type.String(), name: Type.String(), originals: Type.Integer(), copies: Type.Integer(), required: Type.Boolean(),
    group: Type.Union([Type.String(), Type.Null()]), formTemplate: Type.Union([Type.String(), Type.Null()]),
  }, { additionalProperties: true })),
  results: Type.Array(Type.Object({ code: Type.Union([Type.String(), Type.Null()]), name: Type.String() })),
  legalBasis: Type.Array(Type.String()),
  whereToSubmit: Type.Union([Type.String(), Type.Null()]),
  sourceUrl: Type.Union([Type.String(), Type.Null()]),
  eform: Type.Union([Type.Object({}, { additionalProperties: true, description: 'JSON Schema (draft-07) of the e-form' }), Type.Null()]),
}, { additionalProperties: true });

export function catalogRoutes(deps: AppDeps) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get('/procedures', {
      config: { policy: 'public' },
      schema: {
        tags: ['catalogue'],
        summary: 'Search administrative procedures / Tra cứu thủ tục hành chính',
        description: '`q` matches code, name and field with or without Vietnamese diacritics; every word must match. What people call things and English words are searched too ("giấy khai sinh", "sổ đỏ", "birth registration", "passport": the list in `src/modules/catalog/synonyms.json`); whole-phrase matches come first.',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          field: Type.Optional(Type.String({ maxLength: 100 })),
          agency: Type.Optional(Type.String({ maxLength: 64, description: 'agency ID or agency kind' })),
          level: Type.Optional(Type.Union([Type.Literal('province'), Type.Literal('commune')])),
          onlineLevel: Type.Optional(Type.Union([Type.Literal('full'), Type.Literal('partial'), Type.Literal('none')])),
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
          offset: Type.Integer({ minimum: 0, maximum: 100000, default: 0 }),
        }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Summary), total: Type.Integer() }), ...errors(400) },
      },
    }, async (req) => service.search(deps.db, req.query));

    r.get('/procedures/:code', {
      config: { policy: 'public' },
      schema: {
        tags: ['catalogue'],
        summary: 'A procedure with its components and e-form / Chi tiết thủ tục',
        params: Type.Object({ code: Type.String({ pattern: '^[0-9A-Za-z._-]{1,40}$' }) }),
        querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1, maximum: INT32_MAX })) }, { additionalProperties: false }),
        response: { 200: Full, ...errors(400, 404) },
      },
    }, async (req) => service.getProcedure(deps.db, req.params.code, req.query.version));

    r.get('/procedure-fields', {
      config: { policy: 'public' },
      schema: { tags: ['catalogue'], summary: 'Fields (lĩnh vực)', response: { 200: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })) } },
    }, async () => service.listFields(deps.db));

    r.put('/agencies/:id/office-hours', {
      config: { policy: { roles: ['agency_admin', 'province_admin'] } },
      schema: {
        tags: ['catalogue'], summary: "Set an agency's office hours / Giờ làm việc của cơ quan",
        description: 'Blocks of the working day (Vietnam time) and the reception cut-off; `null` restores the default 07:00–11:30, 13:30–17:00, 15:00.',
        params: Type.Object({ id: Type.String({ maxLength: 35 }) }),
        body: Type.Union([Type.Null(), Type.Object({
          blocks: Type.Optional(Type.Array(Type.Object({ start: Type.String({ pattern: '^[0-2][0-9]:[0-5][0-9]$' }), end: Type.String({ pattern: '^[0-2][0-9]:[0-5][0-9]$' }) }, { additionalProperties: false }), { minItems: 1, maxItems: 6 })),
          receptionCutoff: Type.Optional(Type.String({ pattern: '^[0-2][0-9]:[0-5][0-9]$' })),
          hoursPerDay: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 24 })),
        }, { additionalProperties: false })]),
        response: { 200: Type.Object({ agencyId: Type.String(), officeHours: Type.Any() }), ...errors(400, 401, 403, 404) },
      },
    }, async (req) => service.setAgencyOfficeHours(deps.db, requirePrincipal(req), req.params.id, req.body, deps.clock.now()));

    r.get('/agencies', {
      config: { policy: 'public' },
      schema: {
        tags: ['catalogue'], summary: 'Agencies of the province / Cơ quan',
        response: { 200: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), name_en: Type.String(), kind: Type.String(), unit_code: Type.Union([Type.String(), Type.Null()]), parent_id: Type.Union([Type.String(), Type.Null()]), office_hours: Type.Any() })) },
      },
    }, async () => service.listAgencies(deps.db));
  };
}
