import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requirePrincipal } from '../../platform/auth.ts';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { errors, SAFE_INT_MAX } from '../../platform/schemas.ts';
import { listFor, markRead } from './service.ts';

export function notifyRoutes(deps: AppDeps) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    r.get('/notifications', {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['notifications'], summary: 'My notifications, newest first / Thông báo của tôi',
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 30 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ unread: Type.Integer(), items: Type.Array(Type.Object({}, { additionalProperties: true })) }), ...errors(401) },
      },
    }, async (req) => {
      const { items, unread } = await listFor(deps.db, requirePrincipal(req).userId, req.query.limit);
      return {
        unread,
        items: items.map((n) => ({
          id: n.id, kind: n.kind, dossierId: n.dossier_id, title: { vi: n.title_vi, en: n.title_en }, body: { vi: n.body_vi, en: n.body_en },
          createdAt: n.created_at.toISOString(), readAt: n.read_at?.toISOString() ?? null,
        })),
      };
    });
    r.post('/notifications/:id/read', {
      config: { policy: 'authenticated' },
      schema: { tags: ['notifications'], summary: 'Mark read / Đánh dấu đã đọc', params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: SAFE_INT_MAX }) }), response: { 204: Type.Null(), ...errors(401, 404) } },
    }, async (req, reply) => {
      if (!(await markRead(deps.db, requirePrincipal(req).userId, req.params.id, deps.clock.now()))) throw new AppError('not-found');
      return reply.status(204).send(null);
    });
  };
}
