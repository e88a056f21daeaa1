/** Officer work queues: the open dossiers an officer's roles hold at their agency, by due date. */
import { AppError } from '../../platform/errors.ts';
import type { Ctx } from '../../platform/context.ts';
import * as catalog from '../catalog/index.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { agencyCalendar } from './lifecycle-env.ts';
import { statusView } from './model.ts';
import * as store from './store.ts';

export interface QueueQuery {
  status?: number;
  procedure?: string;
  code?: string;
  due?: 'soon' | 'overdue';
  limit: number;
  cursor?: string;
}

export async function workqueue(ctx: Ctx, q: QueueQuery) {
  const actor = ctx.actor;
  if (!actor || actor.kind !== 'officer' || !actor.agencyId) throw new AppError('forbidden');
  const now = ctx.clock.now();
  const calendar = await agencyCalendar(ctx.db, actor.agencyId);
  // While a supplement is awaited the clock is stopped: such dossiers are never "soon" or "overdue".
  const running = store.OPEN_STATUSES.filter((s) => s !== 5);
  const statuses = q.status !== undefined ? [q.status] : q.due ? running : [...store.OPEN_STATUSES];
  const window = q.due === 'overdue'
    ? { dueBefore: now }
    : q.due === 'soon'
      ? { dueAfter: now, dueBefore: calendar.addWorkingHours(now, calendar.hoursPerDay) }
      : {};
  const rows = await store.workqueue(ctx.db, {
    agencyId: actor.agencyId, roles: actor.roles, statuses, procedureCode: q.procedure, code: q.code, ...window,
    limit: q.limit + 1, after: q.cursor ? afterOf(decodeCursor(q.cursor, true)) : undefined,
  });
  const page = rows.slice(0, q.limit);
  const items = [];
  for (const r of page) {
    const p = await catalog.getProcedure(ctx.db, r.procedure_code, r.procedure_version);
    const clock = r.paused_at ?? now;
    items.push({
      code: r.code, ...statusView(r.status), version: r.version, procedure: { code: p.code, name: p.name },
      applicantName: r.applicant_name, submittedAt: r.submitted_at.toISOString(), receivedAt: r.received_at?.toISOString() ?? null,
      dueAt: r.due_at?.toISOString() ?? null, stepDueAt: r.step_due_at?.toISOString() ?? null,
      deadlineState: r.due_at ? calendar.deadlineState(r.due_at, clock) : null,
      stepDeadlineState: r.step_due_at ? calendar.deadlineState(r.step_due_at, clock) : null,
    });
  }
  const last = page.at(-1);
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor(last.due_at, last.id) : null };
}

const afterOf = (c: { at: Date | null; id: string }) => ({ dueAt: c.at, id: c.id });
