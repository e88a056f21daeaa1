/**
 * The escalation job: a step past its allowance is flagged, once per step visit, to the leaders of
 * the agency holding it (in-app notification), with an audit entry and an outbox event. The server
 * runs it on the job queue (`escalationJobs`); `motcua jobs escalate` runs it once. Safe to run
 * on every app node: a transaction-level advisory lock lets one node work at a time, and the flag's
 * primary key makes a second pass a no-op.
 */
import { sql } from 'kysely';
import { inTx, type Db } from '../../db/index.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../config.ts';
import { everyMinutes, type JobDefinition } from '../../platform/jobs.ts';
import { emit } from '../../platform/outbox.ts';
import { notify } from '../notify/index.ts';
import { officersWithRole } from '../identity/index.ts';
import * as store from './store.ts';
import { stepEscalated } from './events.ts';

const LOCK = 727275;

export async function escalateLateSteps(db: Db, clock: Clock, batch = 500): Promise<{ escalated: number; skipped: boolean }> {
  return inTx(db, async (tx) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${LOCK}) as locked`.execute(tx);
    if (!rows[0]?.locked) return { escalated: 0, skipped: true };
    const now = clock.now();
    let escalated = 0;
    for (const late of await store.lateSteps(tx, now, batch)) {
      const fresh = await store.recordEscalation(tx, {
        dossier_id: late.id, step_started_at: late.step_started_at, step_id: late.step_id, agency_id: late.assignee_agency_id, escalated_at: now,
      });
      if (!fresh) continue;
      escalated++;
      const leaders = await officersWithRole(tx, late.assignee_agency_id, 'agency_leader');
      await notify(tx, leaders.map((l) => ({
        userId: l.id, dossierId: late.id, kind: 'step_overdue', at: now,
        title: { vi: `Hồ sơ ${late.code} quá hạn bước xử lý`, en: `Dossier ${late.code}: step overdue` },
        body: { vi: `Bước "${late.step_id}" đã quá hạn từ ${late.step_due_at.toISOString()}`, en: `Step "${late.step_id}" has been overdue since ${late.step_due_at.toISOString()}` },
      })));
      await appendAudit(tx, { actor: { kind: 'system', id: null }, action: 'dossier.step_escalated', subjectType: 'dossier', subjectId: late.id, data: { stepId: late.step_id, agencyId: late.assignee_agency_id }, at: now });
      await emit(tx, stepEscalated, { aggregateId: late.id, payload: { code: late.code, stepId: late.step_id, agencyId: late.assignee_agency_id, stepDueAt: late.step_due_at.toISOString() }, at: now });
    }
    return { escalated, skipped: false };
  });
}


/**
 * The escalation as a scheduled job of the dossiers module (`dossiers.escalate`): every
 * ESCALATION_INTERVAL_MINUTES on the clock (`*\/N * * * *`, Vietnam time), once across nodes. With 0
 * the job has no schedule, which removes one left from an earlier start. Idempotent: a second run
 * finds the flags already recorded.
 */
export function escalationJobs(ctx: { db: Db; clock: Clock; config: Pick<Config, 'escalationIntervalMinutes'> }): JobDefinition[] {
  const cron = everyMinutes(ctx.config.escalationIntervalMinutes, 'ESCALATION_INTERVAL_MINUTES');
  return [{
    name: 'dossiers.escalate',
    ...(cron ? { schedule: cron } : {}),
    retryLimit: 1,
    retryDelaySeconds: 60,
    retryBackoff: false,
    async handler() {
      await escalateLateSteps(ctx.db, ctx.clock);
    },
  }];
}
