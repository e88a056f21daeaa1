/**
 * Dossier intake (online and at the counter) and reading. Intake is one transaction: idempotency key,
 * gap-free code, dossier, attached files, first history row, audit entry and outbox event.
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { inTx } from '../../db/index.ts';
import { appendAudit, canonicalJson } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { emit } from '../../platform/outbox.ts';
import { auditActor, type Ctx } from '../../platform/context.ts';
import type { Principal } from '../../platform/auth.ts';
import * as catalog from '../catalog/index.ts';
import { CHANNEL_CODE, type Channel } from '../catalog/index.ts';
import { citizenIdOf, parsePersonalId } from '../identity/index.ts';
import * as files from '../files/index.ts';
import { componentProblems, COUNTER_FORM, digitisationFacts, dossierCodePrefix, vnDay, type AttachedFile, type ChecklistItem } from './model.ts';
import { apply, decide, initialState } from './lifecycle.ts';
import { eventToRow, stateColumns } from './lifecycle-columns.ts';
import { actorOf, agenciesOf, agencyCalendar, currentProcess, lifecycleContext } from './lifecycle-env.ts';
import { canSee, lifecycleView } from './lifecycle-service.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { validateForm } from './eform.ts';
import { present, presentSummary, presentPublic } from './present.ts';
import { dossierActionEvent } from './events.ts';
import * as store from './store.ts';
import type { DocumentReuse } from './documents.ts';
import './problems.ts';

export interface SubmitInput {
  procedureCode: string;
  formData: Record<string, unknown>;
  files: AttachedFile[];
}

export interface CounterInput extends SubmitInput {
  channel: 'direct' | 'postal';
  applicant: { idNumber: string; fullName: string; phone?: string; address?: string };
  /** The components checklist: what was received on paper, in which form, how many copies. */
  checklist?: ChecklistItem[];
  notes?: string;
}

/** What only the counter brings: the checklist, the scans' page counts, the applicant's contact details. */
interface CounterExtras {
  checklist: ChecklistItem[];
  pagesOf: (file: { sha256: string; media_type: string; page_count: number | null }) => Promise<number | null>;
  contact: Record<string, string>;
}

class Replay extends Error {}

/**
 * A citizen submits online (status 1, waiting for the desk). `reuse` given: attached documents from
 * the applicant's personal store are recorded as reused.
 */
export async function submitOnline(ctx: Ctx, input: SubmitInput, idempotencyKey: string, reuse?: DocumentReuse) {
  const actor = ctx.actor;
  if (!actor || actor.kind !== 'citizen') throw new AppError('forbidden', 'online submission is for citizen accounts');
  return idempotent(ctx, actor, input, idempotencyKey, () =>
    intake(ctx, actor, input, idempotencyKey, { channel: 'online', applicantId: actor.userId, idNumber: actor.username, name: actor.fullName }, reuse));
}

/**
 * A counter officer registers a paper dossier (channel 1 in person, 3 by post): received at once (status 2).
 * Every procedure can be received so, with or without an e-form: the generic counter form (applicant,
 * contact details, notes) and the components checklist; each scan is recorded with its page count.
 */
export async function registerAtCounter(ctx: Ctx, input: CounterInput, idempotencyKey: string, blobs?: files.BlobStore) {
  const actor = ctx.actor;
  if (!actor || actor.kind !== 'officer' || !actor.roles.includes('counter_officer')) throw new AppError('forbidden', 'counter intake is for counter officers');
  const id = parsePersonalId(input.applicant.idNumber, ctx.clock.now());
  if (!id.ok) throw new AppError('validation', undefined, { errors: [{ pointer: '/body/applicant/idNumber', detail: `${id.reasonVi} / ${id.reasonEn}` }] });
  const applicantId = await citizenIdOf(ctx.db, input.applicant.idNumber);
  const { phone, address } = input.applicant;
  const contact: Record<string, string> = {
    ...(phone?.trim() && { applicantPhone: phone.trim() }), ...(address?.trim() && { address: address.trim() }), ...(input.notes?.trim() && { notes: input.notes.trim() }),
  };
  const extras: CounterExtras = {
    checklist: input.checklist ?? [], contact,
    // Counted at upload; an upload from before the count was kept is read once here.
    pagesOf: (f) => (f.page_count !== null ? Promise.resolve(f.page_count) : blobs ? files.pageCount(blobs, f.sha256, f.media_type) : Promise.resolve(null)),
  };
  return idempotent(ctx, actor, input, idempotencyKey, () =>
    intake(ctx, actor, input, idempotencyKey, { channel: input.channel, applicantId, idNumber: input.applicant.idNumber, name: input.applicant.fullName.trim() }, undefined, extras));
}

async function idempotent<T>(ctx: Ctx, actor: Principal, input: SubmitInput, key: string, run: () => Promise<T>) {
  try {
    return await run();
  } catch (err) {
    // A retried request whose key is already used returns that dossier, even if it would not validate today.
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    const earlier = await store.findIdempotencyKey(ctx.db, actor.userId, key);
    if (earlier) return replay(ctx, earlier, requestHashOf(input));
    throw err;
  }
}

const requestHashOf = (input: SubmitInput) => createHash('sha256').update(canonicalJson(input)).digest('hex');

interface Applicant {
  channel: Channel;
  applicantId: string | null;
  idNumber: string;
  name: string;
}

async function intake(ctx: Ctx, actor: Principal, input: SubmitInput, idempotencyKey: string, who: Applicant, reuse?: DocumentReuse, counter?: CounterExtras) {
  const procedure = await catalog.getProcedure(ctx.db, input.procedureCode);
  const online = who.channel === 'online';
  if (online && (!procedure.eform || !procedure.onlineLevel)) throw new AppError('not-online');
  // No e-form: the generic counter form's fields.
  const formErrors = procedure.eform
    ? validateForm(`${procedure.code}@${procedure.version}`, procedure.eform, input.formData)
    : validateForm('counter-form', COUNTER_FORM as never, input.formData);
  if (formErrors.length) throw new AppError('invalid-form', undefined, { errors: formErrors });
  const checklist = counter?.checklist ?? [];
  const { unknown, missing } = componentProblems(procedure, input.files, checklist);
  const fileIds = [...new Set(input.files.map((f) => f.fileId))];
  const ownedRows = new Map((await files.ownedFiles(ctx, fileIds, actor.userId)).map((f) => [f.id, f]));
  const foreign = input.files
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => !ownedRows.has(f.fileId))
    .map(({ i }) => ({ pointer: `/body/files/${i}/fileId`, detail: 'unknown file / tệp không tồn tại' }));
  if (unknown.length || foreign.length) throw new AppError('validation', undefined, { errors: [...unknown, ...foreign] });
  if (missing.length) throw new AppError('missing-components', undefined, { errors: missing });

  // At the counter a commune-level dossier is received by the officer's own commune unless the form says otherwise.
  const communeCode = typeof input.formData.communeCode === 'string' ? input.formData.communeCode
    : !online && procedure.level === 'commune' && actor.agencyId ? (await catalog.getAgency(ctx.db, actor.agencyId))?.unit_code ?? null : null;
  const formData: Record<string, unknown> = counter
    ? { ...(procedure.eform ? {} : { applicantName: who.name, applicantIdNumber: who.idNumber }), ...input.formData, ...Object.fromEntries(Object.entries(counter.contact).filter(([k]) => !(k in input.formData))) }
    : input.formData;
  if (counter && communeCode && !formData.communeCode) formData.communeCode = communeCode;
  const { desk, handling } = await catalog.routeDossier(ctx.db, procedure, communeCode);
  if (!online && actor.agencyId !== desk.id) throw new AppError('forbidden', `this dossier is received by ${desk.name}`);
  const now = ctx.clock.now();
  const id = randomUUID();
  const agencies = await agenciesOf(ctx.db, { desk_agency_id: desk.id, handling_agency_id: handling.id, commune_code: communeCode });
  const process = await currentProcess(ctx.db, procedure, who.channel);
  const env = { ...lifecycleContext(now, procedure, process.definition, who.channel, who.applicantId, agencies, await agencyCalendar(ctx.db, desk.id)), actor: await actorOf(ctx.db, actor) };
  const decision = decide(initialState, { action: online ? 'submit' : 'register_counter' }, env);
  if (!decision.ok) throw new AppError('action-not-allowed', decision.reason);
  // Scans at the counter: each one's pages; the reception records what was digitised.
  const pages = new Map<string, number | null>();
  if (counter) {
    for (const f of ownedRows.values()) pages.set(f.id, await counter.pagesOf(f));
    const scans = input.files.map((f) => ({ componentCode: f.componentCode, pages: pages.get(f.fileId) ?? null }));
    decision.event.data = { ...decision.event.data, ...digitisationFacts(procedure, checklist, scans) };
  }
  const state = apply(initialState, decision.event);
  const history = eventToRow(decision.event);
  try {
    const dossier = await inTx(ctx.db, async (tx) => {
      // Attached files are kept from now on (not cleaned up as orphans); one deleted meanwhile refuses the intake.
      if ((await files.attachFiles(tx, fileIds, now)).length < fileIds.length) {
        throw new AppError('validation', 'a file is no longer available; upload it again');
      }
      const base = {
        id, procedure_code: procedure.code, procedure_version: procedure.version, desk_agency_id: desk.id,
        handling_agency_id: handling.id, commune_code: communeCode, applicant_id: who.applicantId,
        applicant_id_number: who.idNumber, applicant_name: who.name, channel: CHANNEL_CODE[who.channel],
        submitted_at: now, updated_at: now, process_version: process.version, ...stateColumns(state, process.definition, agencies),
      };
      const code = await store.insertIntake(tx, { owner_id: actor.userId, key: idempotencyKey, request_hash: requestHashOf(input), created_at: now },
        { ...base, form_data: JSON.stringify(formData), process: JSON.stringify(process.definition) },
        dossierCodePrefix(desk.id, now), vnDay(now).iso, input.files.map((f) => {
          const u = ownedRows.get(f.fileId)!;
          return { ...f, sha256: u.sha256, size: u.size, mediaType: u.media_type, name: u.name, pages: pages.get(f.fileId) ?? null };
        }), history);
      if (code === null) throw new Replay();
      await store.addComponents(tx, checklist.map((c) => ({ dossier_id: id, component_code: c.componentCode, form: c.form, copies: c.copies })));
      // Results from the applicant's personal document store attached again are recorded as reused.
      if (who.applicantId && online && reuse) await reuse(tx, { dossierId: id, userId: who.applicantId, files: input.files, at: now });
      const row: store.DossierRow = { ...base, code, form_data: formData, process: process.definition };
      await appendAudit(tx, { actor: auditActor(actor), action: `dossier.${decision.event.action}`, subjectType: 'dossier', subjectId: id, data: { code, procedureCode: procedure.code }, requestId: ctx.requestId, at: now });
      const event = dossierActionEvent({ ...base, code }, decision.event, null, state.dueAt ?? null, now);
      await emit(tx, event.topic, event);
      return { row, history };
    });
    const fileViews = input.files.map((f) => {
      const r = ownedRows.get(f.fileId)!;
      return { component_code: f.componentCode, id: r.id, sha256: r.sha256, size: r.size, media_type: r.media_type, name: r.name, pages: pages.get(f.fileId) ?? null };
    }).sort((a, b) => a.component_code.localeCompare(b.component_code));
    const components = checklist.map((c) => ({ component_code: c.componentCode, form: c.form, copies: c.copies }));
    return { replayed: false, dossier: await present(ctx.db, dossier.row, procedure, { files: fileViews, history: [history], components }) };
  } catch (err) {
    if (!(err instanceof Replay)) throw err;
    const key = await store.findIdempotencyKey(ctx.db, actor.userId, idempotencyKey);
    return replay(ctx, key!, requestHashOf(input));
  }
}

async function replay(ctx: Ctx, key: store.DossierTables['idempotency_keys'], requestHash: string) {
  if (key.request_hash !== requestHash) throw new AppError('idempotency-key-reused');
  const row = await store.getById(ctx.db, key.dossier_id);
  const procedure = await catalog.getProcedure(ctx.db, row!.procedure_code, row!.procedure_version);
  return { replayed: true, dossier: await present(ctx.db, row!, procedure) };
}

export async function read(ctx: Ctx, code: string) {
  const actor = ctx.actor;
  const row = await store.getByCode(ctx.db, code);
  // Someone else's dossier is indistinguishable from a missing one.
  if (!row || !actor || !canSee(actor, row)) throw new AppError('not-found', 'dossier not found');
  await inTx(ctx.db, (tx) => appendAudit(tx, {
    actor: auditActor(actor), action: 'dossier.read', subjectType: 'dossier', subjectId: row.id, requestId: ctx.requestId, at: ctx.clock.now(),
  }));
  const procedure = await catalog.getProcedure(ctx.db, row.procedure_code, row.procedure_version);
  return { ...(await present(ctx.db, row, procedure)), ...(await lifecycleView(ctx, row, actor)) };
}

export async function listMine(ctx: Ctx, limit: number, cursor: string | undefined) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('unauthenticated');
  const decoded = cursor ? decodeCursor(cursor) : undefined;
  const after = decoded && { submittedAt: decoded.at, id: decoded.id };
  const filter = actor.kind === 'citizen' ? { applicantId: actor.userId } : { agencyId: actor.agencyId ?? '-' };
  const rows = await store.list(ctx.db, { ...filter, limit: limit + 1, after });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const names = new Map<string, string>();
  for (const r of page) {
    if (!names.has(r.procedure_code)) names.set(r.procedure_code, (await catalog.getProcedure(ctx.db, r.procedure_code, r.procedure_version)).name);
  }
  return {
    items: page.map((r) => presentSummary(r, names.get(r.procedure_code)!)),
    nextCursor: rows.length > limit && last ? encodeCursor(last.submitted_at, last.id) : null,
  };
}


/** Public status by code and the applicant's ID number; a wrong number looks like a missing dossier. */
export async function publicLookup(ctx: Ctx, code: string, idNumber: string) {
  const row = await store.getByCode(ctx.db, code);
  const a = Buffer.from(row?.applicant_id_number ?? '');
  const b = Buffer.from(idNumber);
  if (!row || a.length !== b.length || !timingSafeEqual(a, b)) throw new AppError('not-found', 'dossier not found');
  const procedure = await catalog.getProcedure(ctx.db, row.procedure_code, row.procedure_version);
  return presentPublic(ctx.db, row, procedure);
}

/** The dossier's id when the caller may read it and it holds the file; otherwise 404. */
export async function fileOfDossier(ctx: Ctx, code: string, fileId: string): Promise<string> {
  const row = await store.getByCode(ctx.db, code);
  if (!row || !ctx.actor || !canSee(ctx.actor, row)) throw new AppError('not-found', 'dossier not found');
  const held = (await store.filesOf(ctx.db, row.id)).some((f) => f.id === fileId);
  if (!held) throw new AppError('not-found', 'file not found in this dossier');
  return row.id;
}

/**
 * The most-used procedures: by dossiers submitted in the last 90 days; while there are fewer than
 * `limit` with dossiers, the catalogue's online procedures follow in catalogue order.
 */
export async function popularProcedures(ctx: Ctx, limit: number) {
  const since = new Date(ctx.clock.now().getTime() - 90 * 24 * 3_600_000);
  const used = await store.submissionsByProcedure(ctx.db, since, limit);
  const items = [];
  for (const u of used) {
    const p = await catalog.getProcedure(ctx.db, u.procedure_code);
    items.push({ ...catalog.summary(p, p.version), dossiers: Number(u.n) });
  }
  if (items.length < limit) {
    const more = await catalog.search(ctx.db, { onlineLevel: 'partial', limit: limit * 2, offset: 0 });
    for (const p of more.items) {
      if (items.length >= limit) break;
      if (!items.some((i) => i.code === p.code)) items.push({ ...p, dossiers: 0 });
    }
  }
  return { items };
}
