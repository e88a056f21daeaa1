/**
 * `/api/v1/gateway/log…`: the message log for the province admin — search by X-Road-Id, client, service
 * and time (newest first, keyset cursor), one record with its headers and body, and the log's status.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../../platform/errors.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import { errors } from '../../../platform/schemas.ts';
import { readStatus } from './index.ts';
import { lastTimestamp, recordBySeq, searchRecords, type RecordRow } from './store.ts';

const POLICY = { roles: ['province_admin'] } as const;
/** A kept body larger than this is not sent inline (the archive has it). */
export const BODY_INLINE_MAX = 4 * 1024 * 1024;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Item = Type.Object({
  id: Type.String(), kind: Type.Union([Type.Literal('request'), Type.Literal('response')]), xRoadId: Type.String(), requestId: Type.String(),
  client: Type.String(), service: Type.String(), method: Type.String(), path: Type.String(), status: Nullable(Type.Integer()),
  error: Nullable(Type.String()), at: Type.String({ format: 'date-time' }), bodySize: Type.Integer(),
  bodySha512: Type.String({ description: 'base64' }), digestOnly: Type.Boolean(), timestamped: Type.Boolean(),
});
const Detail = Type.Intersect([Item, Type.Object({
  headers: Type.Record(Type.String(), Type.String()),
  body: Nullable(Type.String({ description: 'base64; null when digest-only, empty, or larger than 4 MB (see bodyOmitted)' })),
  bodyOmitted: Type.Boolean(),
})]);
const Status = Type.Object({
  healthy: Type.Boolean(), refuseTraffic: Type.Boolean(), lastTimestampAt: Nullable(Type.String({ format: 'date-time' })),
  untimestamped: Type.Integer(), reason: Type.Optional(Type.String()),
});
const Text = Type.String({ minLength: 1, maxLength: 1100 });

type Listed = Pick<RecordRow, 'seq' | 'batch_id' | 'kind' | 'x_road_id' | 'request_id' | 'client' | 'service' | 'method' | 'path' | 'status' | 'error' | 'at' | 'body_size' | 'body_sha512' | 'digest_only'>;

function item(r: Listed, stampedUpTo: number) {
  return {
    id: String(r.seq), kind: r.kind, xRoadId: r.x_road_id, requestId: r.request_id, client: r.client, service: r.service,
    method: r.method, path: r.path, status: r.status, error: r.error, at: new Date(r.at).toISOString(), bodySize: Number(r.body_size),
    bodySha512: Buffer.from(r.body_sha512).toString('base64'), digestOnly: r.digest_only, timestamped: Number(r.batch_id) <= stampedUpTo,
  };
}

const stampedUpTo = async (ctx: ModuleContext) => Number((await lastTimestamp(ctx.db))?.last_batch ?? 0);

export function logRoutes(ctx: ModuleContext) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get('/gateway/log', {
      config: { policy: POLICY },
      schema: {
        tags: ['admin'], summary: 'Search the message log / Tra cứu nhật ký thông điệp',
        querystring: Type.Object({
          xRoadId: Type.Optional(Text), client: Type.Optional(Text), service: Type.Optional(Text),
          from: Type.Optional(Type.String({ format: 'date-time' })), to: Type.Optional(Type.String({ format: 'date-time' })),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
          cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })),
        }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Item), next: Nullable(Type.String()) }), ...errors(400, 401, 403) },
      },
    }, async (req) => {
      const q = req.query;
      const rows = await searchRecords(ctx.db, {
        ...(q.xRoadId && { xRoadId: q.xRoadId }), ...(q.client && { client: q.client }), ...(q.service && { service: q.service }),
        ...(q.from && { from: new Date(q.from) }), ...(q.to && { to: new Date(q.to) }),
        ...(q.cursor && { beforeSeq: Number(q.cursor) }), limit: q.limit + 1,
      });
      const upTo = await stampedUpTo(ctx);
      const page = rows.slice(0, q.limit);
      return { items: page.map((x) => item(x, upTo)), next: rows.length > q.limit ? String(page[page.length - 1]!.seq) : null };
    });

    r.get('/gateway/log/status', {
      config: { policy: POLICY },
      schema: { tags: ['admin'], summary: 'Whether the message log\'s time-stamps keep up / Tình trạng nhật ký thông điệp', response: { 200: Status, ...errors(401, 403) } },
    }, async () => {
      const s = ctx.services.gateway?.log.status() ?? await readStatus(ctx);
      return { ...s, lastTimestampAt: s.lastTimestampAt?.toISOString() ?? null };
    });

    r.get('/gateway/log/:id', {
      config: { policy: POLICY },
      schema: {
        tags: ['admin'], summary: 'One message of the log, with headers and body / Một thông điệp trong nhật ký',
        params: Type.Object({ id: Type.String({ pattern: '^[0-9]{1,15}$' }) }),
        response: { 200: Detail, ...errors(400, 401, 403, 404) },
      },
    }, async (req) => {
      const row = await recordBySeq(ctx.db, Number(req.params.id));
      if (!row) throw new AppError('not-found', 'no such message log record / không có bản ghi này');
      let body: Buffer | null = row.body ? Buffer.from(row.body) : null;
      let omitted = false;
      if (row.body_file) {
        const path = join(ctx.config.gateway.logDir, row.body_file);
        omitted = (await stat(path).catch(() => null))?.size === undefined || Number(row.body_size) > BODY_INLINE_MAX;
        if (!omitted) body = await readFile(path);
      }
      return { ...item(row, await stampedUpTo(ctx)), headers: row.headers, body: body?.toString('base64') ?? null, bodyOmitted: omitted };
    });
  };
}
