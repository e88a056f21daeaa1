/**
 * Lifecycle use cases: perform one action on a dossier (optimistic concurrency on its version), and
 * the caller's view of what they may do now. Each action is one transaction: the state columns, the
 * history row, the audit entry, the outbox event and the applicant's notification.
 */
import { inTx, retrying } from '../../db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { auditActor, type Ctx } from '../../platform/context.ts';
import type { Principal } from '../../platform/auth.ts';
import * as catalog from '../catalog/index.ts';
import * as files from '../files/index.ts';
import { allowedActions, apply, decide, dossierDeadlineState, reduce, stepDeadlineState } from './lifecycle.ts';
import type { Action, Command, DossierState, LifecycleEnv, Refusal } from './lifecycle.ts';
import { eventToRow, rowToEvent, stateColumns } from './lifecycle-columns.ts';
import { actorOf, agenciesOf, agencyCalendar, CHANNEL_NAMES, currentProcess, lifecycleContext, SYSTEM_ACTOR } from './lifecycle-env.ts';
import { STATUSES, type AttachedFile, type StatusCode } from './model.ts';
import * as store from './store.ts';
import { writeAction, type ActionWrite } from './lifecycle-write.ts';
import type { DocumentIssuer } from './documents.ts';
import { dossierActionEvent } from './events.ts';
import './problems.ts';

export interface ActionInput {
  action: Action;
  note?: string;
  reason?: string;
  items?: string[];
  amountVND?: number;
  description?: string;
  /** request_payment: the items the amount is made of (fees and charges), summing to `amountVND`. */
  feeItems?: { name: string; amountVND: number }[];
  newDueAt?: string;
  rating?: string;
  comment?: string;
  /** return_result: counter, postal or electronic. */
  returnMethod?: string;
  /** Files added with a supplement (resubmit_supplement). */
  files?: AttachedFile[];
}

/** Who may see a dossier: its applicant, officers of its desk, handling or current agency, province admins. */
export function canSee(p: Principal, d: store.DossierRow): boolean {
  if (p.kind === 'citizen') return d.applicant_id === p.userId;
  if (p.roles.includes('province_admin')) return true;
  return p.agencyId !== null && [d.desk_agency_id, d.handling_agency_id, d.assignee_agency_id].includes(p.agencyId);
}

interface Loaded {
  row: store.DossierRow;
  state: DossierState;
  env: LifecycleEnv;
  procedure: Awaited<ReturnType<typeof catalog.getProcedure>>;
  historyRows: store.HistoryRow[];
}

/** `actor` null: the platform itself (the `system` party). */
async function load(ctx: Ctx, row: store.DossierRow, actor: Principal | null, history?: store.HistoryRow[]): Promise<Loaded> {
  const procedure = await catalog.getProcedure(ctx.db, row.procedure_code, row.procedure_version);
  const channel = CHANNEL_NAMES[row.channel] ?? 'direct';
  const process = row.process ?? (await currentProcess(ctx.db, procedure, channel)).definition;
  const agencies = await agenciesOf(ctx.db, row);
  const historyRows = history ?? await store.historyOf(ctx.db, row.id);
  const state = reduce(historyRows.map(rowToEvent));
  const env = { ...lifecycleContext(ctx.clock.now(), procedure, process, channel, row.applicant_id, agencies, await agencyCalendar(ctx.db, row.desk_agency_id)), actor: actor ? await actorOf(ctx.db, actor) : SYSTEM_ACTOR };
  return { row, state, env, procedure, historyRows };
}

/** What the caller sees of the lifecycle: the actions they may take and the derived deadlines. */
export async function lifecycleView(ctx: Ctx, row: store.DossierRow, actor: Principal) {
  const { state, env } = await load(ctx, row, actor);
  return viewOf(state, env);
}

function viewOf(state: DossierState, env: LifecycleEnv) {
  return {
    allowedActions: allowedActions(state, env.actor, env),
    deadlineState: dossierDeadlineState(state, env.now, env.calendar),
    step: state.step
      ? { id: state.step.id, index: state.step.index, name: env.process.steps[state.step.index]?.name ?? state.step.id, startedAt: state.step.startedAt.toISOString(), dueAt: state.step.dueAt.toISOString(), deadlineState: stepDeadlineState(state, env.now, env.calendar) }
      : null,
    rescheduled: state.rescheduled,
    rating: state.rating,
  };
}

function toCommand(input: ActionInput): Command {
  const { action, note } = input;
  const base = { note };
  switch (action) {
    case 'refuse': case 'propose_refusal': case 'accept_withdrawal':
      return { ...base, action, reason: input.reason ?? '' };
    case 'request_supplement':
      return { ...base, action, items: input.items ?? [], reason: input.reason ?? '' };
    case 'request_payment':
      return { ...base, action, amountVND: input.amountVND ?? 0, description: input.description, feeItems: input.feeItems };
    case 'request_withdrawal':
      return { ...base, action, reason: input.reason };
    case 'reschedule':
      return { ...base, action, reason: input.reason ?? '', newDueAt: new Date(input.newDueAt ?? 'invalid') };
    case 'rate':
      return { ...base, action, rating: input.rating as never, comment: input.comment };
    case 'return_result':
      return { ...base, action, method: input.returnMethod as never };
    default:
      return { ...base, action };
  }
}

/** An amount in đồng for a notice. */
function vndText(amount: unknown, lang: 'vi' | 'en'): string {
  return `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US').format(Number(amount))} ${lang === 'vi' ? 'đồng' : 'VND'}`;
}

function refused(r: Refusal): AppError {
  const detail = `${r.reasonVi} / ${r.reason}`;
  switch (r.code) {
    case 'forbidden': return new AppError('forbidden', detail);
    case 'invalid': return new AppError('validation', detail);
    default: return new AppError('action-not-allowed', detail);
  }
}

async function conflict(ctx: Ctx, code: string, actor: Principal | null): Promise<AppError> {
  const row = (await store.getByCode(ctx.db, code))!;
  const { state, env } = await load(ctx, row, actor);
  return new AppError('version-conflict', undefined, {
    extra: { current: { code, version: row.version, statusCode: row.status, status: STATUSES[row.status as StatusCode].key, allowedActions: allowedActions(state, env.actor, env) } },
  });
}

/** `issuer` given: the documents the action issues (forms, signed results) are made and stored with it. */
export async function perform(ctx: Ctx, code: string, input: ActionInput, ifMatch: number, issuer?: DocumentIssuer) {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return performAs(ctx, ctx.actor, code, input, ifMatch, issuer);
}

/**
 * The platform itself performs an action as the `system` party (a payment platform's confirmation):
 * on the dossier's current version, retried when another action wins meanwhile; the lifecycle's rules
 * still decide, so a second confirmation of one payment request is refused (`action-not-allowed`).
 */
export async function performAsSystem(ctx: Ctx, code: string, input: ActionInput) {
  for (let attempt = 0; ; attempt++) {
    const row = await store.getByCode(ctx.db, code);
    if (!row) throw new AppError('not-found', 'dossier not found');
    try {
      return await performAs(ctx, null, code, input, row.version);
    } catch (e) {
      if (!(e instanceof AppError && e.type === 'version-conflict') || attempt >= 4) throw e;
    }
  }
}

async function performAs(ctx: Ctx, actor: Principal | null, code: string, input: ActionInput, ifMatch: number, issuer?: DocumentIssuer) {
  const found = await store.getWithHistory(ctx.db, code);
  if (!found || (actor && !canSee(actor, found.row))) throw new AppError('not-found', 'dossier not found');
  const { row } = found;
  if (row.version !== ifMatch) throw await conflict(ctx, code, actor);
  const { state, env, historyRows } = await load(ctx, row, actor, found.history);
  const decision = decide(state, toCommand(input), env);
  if (!decision.ok) throw refused(decision);
  const event = decision.event;
  const next = apply(state, event);
  const added = input.action === 'resubmit_supplement' && actor ? await supplementFiles(ctx, input.files ?? [], actor, row) : [];
  // Signing happens before the write; a rolled-back action leaves only an unreferenced blob.
  const documents = issuer && actor ? await issuer.prepare(ctx, { dossier: row, event, actor, earlier: historyRows.map(rowToEvent) }) : null;
  const addedRow = eventToRow(event);
  const s = STATUSES[event.status];
  const write: ActionWrite = {
    dossierId: row.id, expectedVersion: row.version, columns: stateColumns(next, env.process, env.agencies), now: env.now,
    process: row.process ? undefined : { definition: JSON.stringify(env.process), version: 0 },
    history: addedRow,
    event: dossierActionEvent(row, event, state.status, next.dueAt ?? null, env.now),
    notice: row.applicant_id && event.status !== state.status && actor?.userId !== row.applicant_id
      ? {
        userId: row.applicant_id, dossierId: row.id, kind: 'status_changed', at: env.now,
        title: { vi: `Hồ sơ ${code}: ${s.vi}`, en: `Dossier ${code}: ${s.en}` },
        body: event.action === 'request_payment'
          ? { vi: `Số tiền phải nộp: ${vndText(event.data?.amountVND, 'vi')}. Thanh toán trực tuyến trên trang hồ sơ.`, en: `Amount to pay: ${vndText(event.data?.amountVND, 'en')}. Pay online on the dossier's page.` }
          : { vi: event.note, en: `${s.en}${event.data?.reason ? `: ${String(event.data.reason)}` : ''}` },
      }
      : null,
    audit: {
      actor: actor ? auditActor(actor) : { kind: 'system', id: null }, action: `dossier.${event.action}`, subjectType: 'dossier', subjectId: row.id, requestId: ctx.requestId, at: env.now,
      data: { code, from: state.status, to: event.status, seq: event.seq },
    },
  };
  // Most actions are that one statement on its own; one that adds files or issues documents writes
  // them after it in the same transaction (their audit entries go to the chain it already holds).
  const updated = !added.length && !documents
    ? await retrying(() => writeAction(ctx.db, write))
    : await inTx(ctx.db, async (tx) => {
      const stored = await writeAction(tx, write);
      if (!stored) return undefined;
      // Attached files are kept from now on (not cleaned up as orphans); one deleted meanwhile refuses the action.
      const ids = [...new Set(added.map((f) => f.file_id))];
      if ((await files.attachFiles(tx, ids, env.now)).length < ids.length) throw new AppError('validation', 'a file is no longer available; upload it again');
      await store.addFiles(tx, added);
      if (issuer && documents !== null) await issuer.record(tx, ctx, documents);
      return stored;
    });
  if (!updated) throw await conflict(ctx, code, actor);
  // The stored row comes back from the update, the history and files are what was read plus what was added.
  return {
    row: updated, view: viewOf(next, env),
    history: [...historyRows, { ...addedRow, dossier_id: row.id }],
    files: added.length ? undefined : found.files,
  };
}

async function supplementFiles(ctx: Ctx, attached: AttachedFile[], actor: Principal, row: store.DossierRow) {
  const owned = new Map((await files.ownedFiles(ctx, attached.map((f) => f.fileId), actor.userId)).map((f) => [f.id, f]));
  const bad = attached.map((f, i) => ({ f, i })).filter(({ f }) => !owned.has(f.fileId));
  if (bad.length) throw new AppError('validation', undefined, { errors: bad.map(({ i }) => ({ pointer: `/body/files/${i}/fileId`, detail: 'unknown file / tệp không tồn tại' })) });
  return attached.map((f) => {
    const u = owned.get(f.fileId)!;
    return { dossier_id: row.id, component_code: f.componentCode, file_id: f.fileId, sha256: u.sha256, size: u.size, media_type: u.media_type, name: u.name };
  });
}
