/**
 * HTTP of the IOC: the Decision 766 index, the operational figures, the dashboard's data in one call
 * (JSON, or any of its tables as CSV with `?format=csv` or `Accept: text/csv`), and server-sent events.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { errors } from '../../platform/schemas.ts';
import { indexRows, indicatorRows, summaryRows, toCsv } from './csv.ts';
import { LEVELS, PERIOD_PATTERN } from './model.ts';
import { iocDashboard, iocFigures, iocIndex, scopeFor } from './service.ts';
import { createIocStream, type StreamOptions } from './stream.ts';
import { lateDossiers } from './late.ts';

const POLICY = { roles: ['province_admin', 'agency_leader'] } as const;
const DASHBOARD_TABLES = ['summary', 'index', 'monthly', 'agencies', 'procedures', 'communes', 'topLateProcedures'] as const;
const FIGURES_TABLES = ['summary', 'agencies', 'topLateProcedures'] as const;

const Query = Type.Object({
  level: Type.Optional(Type.Union(LEVELS.map((l) => Type.Literal(l)), { description: 'province | agency | procedure | commune' })),
  period: Type.Optional(Type.String({ pattern: PERIOD_PATTERN, description: '2026 (year), 2026-Q1 (quarter) or 2026-03 (month); default: the current year' })),
  id: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'agency id, procedure code or commune code' })),
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
}, { additionalProperties: false });
const WithTable = (tables: readonly string[]) => Type.Object({
  ...Query.properties,
  table: Type.Optional(Type.Union(tables.map((t) => Type.Literal(t)), { description: 'which table to export as CSV (default summary)' })),
}, { additionalProperties: false });
const LateQuery = Type.Object({
  ...Query.properties,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'at most this many of each kind' })),
}, { additionalProperties: false });
const Json = Type.Object({}, { additionalProperties: true });

const wantsCsv = (req: FastifyRequest, format: string | undefined) =>
  format === 'csv' || (format === undefined && /\btext\/csv\b/.test(req.headers.accept ?? ''));

function sendCsv(reply: FastifyReply, name: string, rows: Record<string, unknown>[]) {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(toCsv(rows));
}

export function iocRoutes(deps: AppDeps, opts: StreamOptions = {}) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const stream = createIocStream(deps.db, opts);
    app.addHook('onClose', async () => stream.close());

    r.get('/ioc/index', {
      config: { policy: POLICY },
      schema: {
        tags: ['ioc'], summary: 'Decision 766 index (100 points) / Chỉ số phục vụ người dân, doanh nghiệp',
        description: 'Scored per entity of the level (all with activity in the period, or `id`). Indicators whose input the platform does not produce are `no_data` (points null); `normalized` = score / scorableMax × 100.',
        querystring: Query, response: { 200: Json, ...errors(400, 401, 403) },
      },
    }, async (req, reply) => {
      const s = scopeFor(req.principal, req.query, deps.clock.now());
      const result = await iocIndex(deps.db, s, deps.clock.now());
      if (!wantsCsv(req, req.query.format)) return result;
      const rows = s.id !== undefined || s.level === 'province' ? indicatorRows(result.items[0]!) : indexRows(result.items);
      return sendCsv(reply, `ioc-index-${s.level}-${s.period.label}`, rows);
    });

    r.get('/ioc/figures', {
      config: { policy: POLICY },
      schema: {
        tags: ['ioc'], summary: 'Operational figures / Số liệu giải quyết TTHC',
        description: 'With `id` (or level=province): the entity\'s figures, the previous period and the change, top late procedures and (province) the agency ranking. Without `id`: one row per entity of the level.',
        querystring: WithTable(FIGURES_TABLES), response: { 200: Json, ...errors(400, 401, 403) },
      },
    }, async (req, reply) => {
      const s = scopeFor(req.principal, req.query, deps.clock.now());
      const result = await iocFigures(deps.db, s, deps.clock.now());
      if (!wantsCsv(req, req.query.format)) return result;
      const name = `ioc-figures-${s.level}-${s.period.label}`;
      if ('items' in result) return sendCsv(reply, name, result.items);
      const table = req.query.table ?? 'summary';
      return sendCsv(reply, `${name}-${table}`, table === 'summary' ? summaryRows(result) : table === 'agencies' ? result.agencyRanking : result.topLateProcedures);
    });

    r.get('/ioc/dashboard', {
      config: { policy: POLICY },
      schema: {
        tags: ['ioc'], summary: 'Everything the IOC dashboard shows, in one call / Dữ liệu bảng điều khiển',
        description: 'Index, figures, previous period and change, 12-month series, agency ranking, procedures and communes tables, top late procedures. `format=csv&table=` exports one table.',
        querystring: WithTable(DASHBOARD_TABLES), response: { 200: Json, ...errors(400, 401, 403) },
      },
    }, async (req, reply) => {
      const s = scopeFor(req.principal, req.query, deps.clock.now());
      const d = await iocDashboard(deps.db, s, deps.clock.now());
      if (!wantsCsv(req, req.query.format)) return d;
      const table = req.query.table ?? 'summary';
      const rows = table === 'summary' ? summaryRows(d) : table === 'index' ? indicatorRows(d.index) : table === 'agencies' ? d.agencyRanking
        : table === 'monthly' ? d.monthly : table === 'procedures' ? d.procedures : table === 'communes' ? d.communes : d.topLateProcedures;
      return sendCsv(reply, `ioc-dashboard-${s.level}-${s.period.label}-${table}`, rows);
    });

    r.get('/ioc/late-dossiers', {
      config: { policy: POLICY },
      schema: {
        tags: ['ioc'], summary: 'The late dossiers behind the figures / Hồ sơ trễ hạn',
        description: 'Dossiers of the entity whose result came after the due date in the period (newest first) and, for the period containing today, open dossiers past due (most overdue first). Codes, procedures, agencies, communes and dates; no personal data.',
        querystring: LateQuery, response: { 200: Json, ...errors(400, 401, 403) },
      },
    }, async (req, reply) => {
      const s = scopeFor(req.principal, req.query, deps.clock.now());
      const result = await lateDossiers(deps.db, s, deps.clock.now(), req.query.limit ?? 50);
      if (!wantsCsv(req, req.query.format)) return result;
      return sendCsv(reply, `ioc-late-dossiers-${s.level}-${s.period.label}`, result.items as unknown as Record<string, unknown>[]);
    });

    r.get('/ioc/stream', {
      config: { policy: POLICY },
      schema: {
        tags: ['ioc'], summary: 'Live updates (server-sent events) / Cập nhật trực tiếp',
        description: '`event: changed` when new dossier events have been applied to the figures (reload the dashboard data); a `: heartbeat` comment every 15 s.',
      },
    }, async (req, reply) => {
      if (!req.principal) throw new AppError('unauthenticated');
      reply.hijack();
      await stream.attach(reply.raw, (fn) => req.raw.on('close', fn));
    });
  };
}
