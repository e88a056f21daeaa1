/** Processes as data: read a procedure's process, and publish a new validated version of it. */
import { inTx } from '../../db/index.ts';
import { appendAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { emit } from '../../platform/outbox.ts';
import { auditActor, type Ctx } from '../../platform/context.ts';
import * as catalog from '../catalog/index.ts';
import { currentProcess, forgetProcesses } from './lifecycle-env.ts';
import { validateProcess } from './workflow.ts';
import * as store from './store.ts';
import { processPublished } from './events.ts';
import './problems.ts';

export async function getProcess(ctx: Ctx, code: string) {
  const procedure = await catalog.getProcedure(ctx.db, code);
  const channel = procedure.onlineLevel ? 'online' : 'direct';
  const { definition, version } = await currentProcess(ctx.db, procedure, channel);
  return { procedureCode: code, version, source: version === 0 ? 'template' : 'configured', definition };
}

export async function publishProcess(ctx: Ctx, code: string, definition: unknown) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('unauthenticated');
  await catalog.getProcedure(ctx.db, code);
  const checked = validateProcess(definition);
  if (!checked.ok) throw new AppError('validation', 'the process is not valid', { errors: checked.errors.map((e) => ({ pointer: '/body', detail: e })) });
  const now = ctx.clock.now();
  const version = await inTx(ctx.db, async (tx) => {
    const latest = await store.latestProcess(tx, code);
    const v = (latest?.version ?? 0) + 1;
    await store.insertProcess(tx, { procedure_code: code, version: v, definition: JSON.stringify(checked.value), created_by: actor.userId, created_at: now });
    await appendAudit(tx, { actor: auditActor(actor), action: 'process.published', subjectType: 'procedure', subjectId: code, data: { version: v }, requestId: ctx.requestId, at: now });
    await emit(tx, processPublished, { aggregateId: code, payload: { code, version: v }, at: now });
    return v;
  }).catch((err: { code?: string }) => {
    if (err.code === '23505') throw new AppError('version-conflict', 'another version was published at the same time');
    throw err;
  });
  forgetProcesses(ctx.db);
  return { procedureCode: code, version, source: 'configured', definition: checked.value };
}
