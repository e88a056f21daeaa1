/** `/api/v1/admin/jobs`: the job queues and their dead letters, for the province admin. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { appendAudit } from '../../platform/audit.ts';
import { auditActor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { JobRunner } from '../../platform/jobs.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { errors } from '../../platform/schemas.ts';

const POLICY = { roles: ['province_admin'] } as const;
const Json = Type.Object({}, { additionalProperties: true });

export function jobsRoutes(ctx: ModuleContext) {
  // Read at each request: the runner may start after the routes are built, or not run on this node.
  const runner = (): JobRunner => {
    if (!ctx.services.jobs) throw new AppError('unavailable', 'the job runner is not running on this node');
    return ctx.services.jobs;
  };
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    r.get('/admin/jobs', {
      config: { policy: POLICY },
      schema: {
        tags: ['admin'], summary: 'Job queues and their counts / Hàng đợi tác vụ',
        response: { 200: Type.Object({ items: Type.Array(Json) }), ...errors(401, 403, 503) },
      },
    }, async () => ({ items: await runner().queues() }));

    r.get('/admin/jobs/dead', {
      config: { policy: POLICY },
      schema: {
        tags: ['admin'], summary: 'Dead letters: jobs that failed their last retry / Tác vụ lỗi',
        querystring: Type.Object({
          queue: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
        }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Json) }), ...errors(400, 401, 403, 503) },
      },
    }, async (req) => {
      const items = await runner().deadLetters({ ...(req.query.queue ? { queue: req.query.queue } : {}), limit: req.query.limit });
      return { items: items.map(({ data: _data, output: _output, ...rest }) => rest) };
    });

    r.post('/admin/jobs/dead/:id/replay', {
      config: { policy: POLICY },
      schema: {
        tags: ['admin'], summary: 'Send a dead letter to its queue again / Chạy lại tác vụ lỗi',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Object({ id: Type.String(), queue: Type.String(), jobId: Type.String() }), ...errors(400, 401, 403, 404, 409, 503) },
      },
    }, async (req) => {
      const replayed = await runner().replay(req.params.id, (tx, r) => appendAudit(tx, {
        actor: auditActor(req.principal), action: 'job.dead_letter_replayed', subjectType: 'job', subjectId: r.id,
        requestId: req.id, data: { queue: r.queue, jobId: r.jobId }, at: ctx.clock.now(),
      }));
      if (!replayed) throw new AppError('not-found', 'no such dead letter (or it was already replayed)');
      return replayed;
    });
  };
}
