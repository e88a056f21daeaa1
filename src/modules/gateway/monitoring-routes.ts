/**
 * `GET /api/v1/gateway/monitoring?from=&to=`: the gateway's operational monitoring for the admin page,
 * from the per-minute figures every node adds to gateway_monitoring — totals, one row per client and
 * service (counts, errors, bytes, latency percentiles estimated from the buckets) and a time series.
 * Province admin only.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { errors } from '../../platform/schemas.ts';
import type { MonitorService } from './monitoring.ts';
import { sumByMinute, sumByPair } from './monitoring-store.ts';
import { addStats, emptyStats, minuteOf, rowOf, seriesOf, stepMinutes } from './monitoring-stats.ts';

const POLICY = { roles: ['province_admin'] } as const;
/** The longest range one request may ask for. */
export const MAX_RANGE_DAYS = 31;
const HOUR = 3_600_000;

const Ms = Type.Union([Type.Number(), Type.Null()], { description: 'milliseconds, estimated from the latency buckets; null without data' });
const Counts = { requests: Type.Integer(), errors: Type.Integer(), bytesIn: Type.Integer(), bytesOut: Type.Integer() };
const Report = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  stepMinutes: Type.Integer({ description: 'minutes per point of the series' }),
  totals: Type.Object(Counts),
  rows: Type.Array(Type.Object({
    client: Type.String({ description: 'client subsystem INSTANCE/CLASS/MEMBER/SUBSYSTEM (unknown: not a valid identifier; other: beyond the label limit)' }),
    service: Type.String({ description: 'service INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE' }),
    ...Counts, p50Ms: Ms, p95Ms: Ms, p99Ms: Ms,
    buckets: Type.Array(Type.Object({
      leMs: Type.Union([Type.Number(), Type.Null()], { description: 'upper bound in ms; null = slower than the last bound' }),
      count: Type.Integer(),
    })),
  })),
  series: Type.Array(Type.Object({ at: Type.String({ format: 'date-time' }), requests: Type.Integer(), errors: Type.Integer(), p95Ms: Ms })),
});

/**
 * The range asked for (pure): by default the hour up to the end of the current minute; `from` rounded
 * down to its minute (a minute's figures are in the range when it starts before `to`); at most MAX_RANGE_DAYS.
 */
export function rangeOf(q: { from?: string; to?: string }, now: Date): { from: Date; to: Date } {
  const to = q.to ? new Date(q.to) : new Date(minuteOf(now.getTime()) + 60_000);
  const from = new Date(minuteOf((q.from ? new Date(q.from) : new Date(to.getTime() - HOUR)).getTime()));
  if (!(from < to)) {
    throw new AppError('validation', 'from must be before to', { errors: [{ pointer: '/query/from', detail: 'must be before to / phải trước to' }] });
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 24 * HOUR) {
    throw new AppError('validation', `at most ${MAX_RANGE_DAYS} days`, { errors: [{ pointer: '/query/from', detail: `at most ${MAX_RANGE_DAYS} days before to / tối đa ${MAX_RANGE_DAYS} ngày` }] });
  }
  return { from, to };
}

export function monitoringRoutes(ctx: ModuleContext) {
  return async function (app: FastifyInstance) {
    const monitor = () => ctx.services.gateway?.monitor as Partial<MonitorService> | undefined;
    // This node's last figures reach the table when the server stops.
    app.addHook('onClose', async () => {
      await monitor()?.close?.();
    });
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    r.get('/gateway/monitoring', {
      config: { policy: POLICY },
      schema: {
        tags: ['gateway'], summary: 'Gateway operational monitoring / Giám sát vận hành nền tảng tích hợp',
        querystring: Type.Object({
          from: Type.Optional(Type.String({ format: 'date-time', description: 'start (default: an hour before to)' })),
          to: Type.Optional(Type.String({ format: 'date-time', description: 'end, exclusive (default: the end of the current minute)' })),
        }, { additionalProperties: false }),
        response: { 200: Report, ...errors(400, 401, 403) },
      },
    }, async (req) => {
      const { from, to } = rangeOf(req.query, ctx.clock.now());
      // What this node counted since its last flush is included (other nodes' arrive within their flush interval).
      await monitor()?.flush?.();
      const [pairs, minutes] = await Promise.all([sumByPair(ctx.db, from, to), sumByMinute(ctx.db, from, to)]);
      const total = pairs.reduce((t, p) => addStats(t, p.stats), emptyStats());
      const step = stepMinutes(from.getTime(), to.getTime());
      return {
        from: from.toISOString(), to: to.toISOString(), stepMinutes: step,
        totals: { requests: total.requests, errors: total.errors, bytesIn: total.bytesIn, bytesOut: total.bytesOut },
        rows: pairs.map((p) => rowOf(p.client, p.service, p.stats)),
        series: seriesOf(minutes, from.getTime(), to.getTime(), step),
      };
    });
  };
}
