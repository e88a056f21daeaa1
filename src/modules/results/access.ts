/**
 * Reading signed documents: a dossier's documents for those who may see the dossier, the applicant's
 * personal document store, the reuse of a stored result in a later dossier, and public verification.
 */
import type { Executor } from '../../db/index.ts';
import { inTx } from '../../db/index.ts';
import { appendAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { auditActor, type Ctx } from '../../platform/context.ts';
import * as catalog from '../catalog/index.ts';
import type { BlobStore } from '../files/index.ts';
import * as dossiers from '../dossiers/index.ts';
import type { ReuseInput } from '../dossiers/index.ts';
import { WorkerBusy, WorkerTimeout } from '../../platform/workers.ts';
import { pkiSettings, trustStore, verifyPdfOffThread, type PdfVerification } from '../pki/index.ts';
import { DOCUMENT_KINDS, TEMPLATE_NAMES, type ResultTemplate } from './model.ts';
import { readBlob } from './service.ts';
import { documentReused } from './events.ts';
import { emit } from '../../platform/outbox.ts';
import * as store from './store.ts';
import './problems.ts';

function view(ctx: Ctx, d: Pick<store.DocumentRow, 'id' | 'kind' | 'template' | 'title' | 'sha256' | 'size' | 'signers'> & { status?: string; created_at?: Date; updated_at?: Date }) {
  return {
    id: d.id, kind: d.kind, kindName: { vi: DOCUMENT_KINDS[d.kind].vi, en: DOCUMENT_KINDS[d.kind].en }, form: DOCUMENT_KINDS[d.kind].form,
    template: d.template, templateName: d.template ? TEMPLATE_NAMES[d.template as ResultTemplate] ?? null : null, title: d.title, ...(d.status && { status: d.status }), sha256: d.sha256, size: d.size,
    signers: d.signers.map((s) => ({ role: s.role, name: s.name, title: s.title ?? null, organization: s.organization, signedAt: s.signedAt })),
    ...(d.created_at && { createdAt: d.created_at.toISOString() }), ...(d.updated_at && { updatedAt: d.updated_at.toISOString() }),
    verifyUrl: `${pkiSettings(ctx.config).publicBaseUrl}/verify/${d.id}`,
  };
}

async function visibleDossier(ctx: Ctx, code: string) {
  const row = await dossiers.dossierByCode(ctx.db, code);
  if (!row || !ctx.actor || !dossiers.canSee(ctx.actor, row)) throw new AppError('not-found', 'dossier not found');
  return row;
}

/**
 * Officers see every document of a dossier they may see; the applicant only issued ones: a result the
 * leader has signed is not theirs until the agency seals and issues it (it may still be superseded).
 */
function mayRead(ctx: Ctx, doc: Pick<store.DocumentRow, 'status'>): boolean {
  return ctx.actor?.kind === 'officer' || doc.status === 'issued';
}

export async function dossierDocuments(ctx: Ctx, code: string) {
  const row = await visibleDossier(ctx, code);
  return { items: (await store.documentsOf(ctx.db, row.id)).filter((d) => mayRead(ctx, d)).map((d) => view(ctx, d)) };
}

/** The PDF of a dossier's document; the read is audited (it carries personal data). */
export async function dossierDocumentPdf(ctx: Ctx, blobs: BlobStore, code: string, id: string) {
  const row = await visibleDossier(ctx, code);
  const doc = await store.getDocument(ctx.db, id);
  if (!doc || doc.dossier_id !== row.id || !mayRead(ctx, doc)) throw new AppError('not-found', 'document not found');
  await inTx(ctx.db, (tx) => appendAudit(tx, {
    actor: auditActor(ctx.actor), action: 'document.read', subjectType: 'document', subjectId: id, requestId: ctx.requestId, at: ctx.clock.now(), data: { dossierId: row.id },
  }));
  return { doc, stream: await blobs.get(doc.sha256) };
}

export async function myDocuments(ctx: Ctx) {
  if (!ctx.actor) throw new AppError('unauthenticated');
  const stored = await store.personalList(ctx.db, ctx.actor.userId);
  const refs = await dossiers.dossierRefs(ctx.db, stored.map((r) => r.dossier_id));
  const rows = stored.flatMap((r) => {
    const ref = refs.get(r.dossier_id);
    return ref ? [{ ...r, code: ref.code, procedure_code: ref.procedureCode }] : [];
  });
  const names = new Map<string, string>();
  for (const r of rows) if (!names.has(r.procedure_code)) names.set(r.procedure_code, (await catalog.getProcedure(ctx.db, r.procedure_code)).name);
  return {
    items: rows.map((r) => ({
      ...view(ctx, { ...r, id: r.document_id }), fileId: r.file_id, addedAt: r.added_at.toISOString(),
      dossier: { code: r.code, procedure: { code: r.procedure_code, name: names.get(r.procedure_code)! } },
    })),
  };
}

/**
 * Records, inside the intake transaction, which attached files are documents from the applicant's
 * personal store (reused instead of uploaded again): the Decision 766 digitisation indicator counts
 * these. Returns how many components were satisfied by reuse.
 */
export async function reuseDocuments(tx: Executor, input: ReuseInput): Promise<number> {
  const stored = new Map((await store.personalByFiles(tx, input.userId, input.files.map((f) => f.fileId))).map((p) => [p.file_id, p.document_id]));
  const rows = input.files.filter((f) => stored.has(f.fileId)).map((f) => ({
    dossier_id: input.dossierId, component_code: f.componentCode, document_id: stored.get(f.fileId)!, user_id: input.userId, reused_at: input.at,
  }));
  await store.insertReuses(tx, rows);
  if (rows.length) await emit(tx, documentReused, { aggregateId: input.dossierId, at: input.at, payload: { dossierId: input.dossierId, components: rows.length } });
  return rows.length;
}

export const reuseCounts = store.reuseCounts;

/**
 * The registered document a PDF is a revision of (by its SHA-256), with the dossier's public summary.
 * A document id merely written inside an unregistered PDF is reported as a claim, with nothing else.
 */
async function registry(ctx: Ctx, embeddedId: string | null, sha256: string) {
  const bySha = await store.documentBySha(ctx.db, sha256);
  const doc = bySha && await store.getDocument(ctx.db, bySha.id);
  if (!doc) return { document: null, dossier: null, claimedDocumentId: embeddedId };
  const d = await dossiers.dossierById(ctx.db, doc.dossier_id);
  const procedure = d && await catalog.getProcedure(ctx.db, d.procedure_code, d.procedure_version);
  return {
    document: { ...view(ctx, doc), registered: true, current: bySha.current === sha256, issuedAt: doc.updated_at.toISOString() },
    dossier: d && procedure ? await dossiers.presentPublic(ctx.db, d, procedure) : null,
    claimedDocumentId: embeddedId,
  };
}

/**
 * The verification itself, on a worker thread (a large crafted PDF must not stall the server): past
 * VERIFY_TIMEOUT_MS it is abandoned with a problem, and a full queue answers 503.
 */
async function verified(ctx: Ctx, pdf: Buffer): Promise<PdfVerification> {
  const { config } = ctx;
  try {
    return await verifyPdfOffThread(pdf, await trustStore(ctx.db), ctx.clock.now(), {
      timeoutMs: config.verifyTimeoutMs, maxSignatures: config.verifyMaxSignatures, threads: config.workerThreads,
    });
  } catch (err) {
    if (err instanceof WorkerTimeout) throw new AppError('verification-timeout', `abandoned after ${err.timeoutMs} ms`, { extra: { timeoutMs: err.timeoutMs } });
    if (err instanceof WorkerBusy) throw new AppError('unavailable', 'every verifier is busy, try again shortly');
    ctx.log?.warn({ err }, 'verification failed');
    throw new AppError('verification-failed');
  }
}

/** Verifies an uploaded PDF; reports the registered document and dossier summary when it is one of ours. */
export async function verifyUpload(ctx: Ctx, pdf: Buffer) {
  if (pdf.length < 8 || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError('unsupported-file-type', 'not a PDF');
  const report = await verified(ctx, pdf);
  return { ...report, ...(await registry(ctx, report.embeddedDocumentId, report.sha256)) };
}

/** Verifies a registered document as stored (the QR code's target). */
export async function verifyStored(ctx: Ctx, blobs: BlobStore, id: string) {
  const doc = await store.getDocument(ctx.db, id);
  if (!doc) throw new AppError('not-found', 'document not found');
  const report = await verified(ctx, await readBlob(blobs, doc.sha256));
  return { ...report, ...(await registry(ctx, report.embeddedDocumentId, doc.sha256)) };
}
