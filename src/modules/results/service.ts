/**
 * Issuing signed documents from the lifecycle. Two halves around the action's transaction:
 * - `prepareDocuments` (before it): builds the PDF the action issues, signs it (the officer, or the
 *   agency's seal, or adds the seal to the officer-signed result) and stores the bytes in the
 *   content-addressed blob store — CPU work that should not hold a transaction open;
 * - `recordDocuments` (inside it): the document row, the applicant's personal store entry (results),
 *   the audit entry and the outbox event, committed with the action or not at all. A rolled-back
 *   action leaves only an unreferenced blob, which content addressing makes harmless.
 */
import { createHash, randomUUID, X509Certificate } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Executor } from '../../db/index.ts';
import type { Principal } from '../../platform/auth.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditActor, type Ctx } from '../../platform/context.ts';
import { emit } from '../../platform/outbox.ts';
import { AppError } from '../../platform/errors.ts';
import * as files from '../files/index.ts';
import type { BlobStore } from '../files/index.ts';
import * as dossiers from '../dossiers/index.ts';
import type { DocumentIssuer, DossierRow, HistoryEvent, IssueInput } from '../dossiers/index.ts';
import * as catalog from '../catalog/index.ts';
import { officerPosition } from '../identity/index.ts';
import { appendSignature, certInfo, identityFor, pkiSettings, signNew, type Identity, type PdfSigner } from '../pki/index.ts';
import { agencyRef, loadFacts } from './facts.ts';
import { ACTION_DOCUMENTS, DOCUMENT_KINDS, type ActionDocumentKind } from './model.ts';
import { form01, form02, form03, form04, form05, stopNotice } from './pdf/forms.ts';
import { resultDocument } from './pdf/result.ts';
import type { IssueFacts } from './pdf/types.ts';
import * as store from './store.ts';
import { documentIssued, documentSigned } from './events.ts';
import type { DocumentRow, SignerRecord } from './store.ts';

export interface PreparedDocument {
  mode: 'insert' | 'revise';
  row: DocumentRow;
  /** The applicant's copy in their personal store (issued results of dossiers with an account). */
  personal: { userId: string; fileId: string; title: string } | null;
  actor: Principal | null;
  /** The dossier's first document of its kind (the IOC counts a dossier's first certified copy). */
  first?: boolean;
}

const TEMPLATES = { form_01: form01, form_02: form02, form_03: form03, form_04: form04, form_05: form05, stop_notice: stopNotice } as const;

export async function readBlob(blobs: BlobStore, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await blobs.get(sha256)) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

export async function putBlob(blobs: BlobStore, bytes: Buffer): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (await blobs.exists(sha256)) return sha256;
  await mkdir(blobs.tempDir, { recursive: true });
  const temp = join(blobs.tempDir, randomUUID());
  try {
    await writeFile(temp, bytes);
    await blobs.put(temp, sha256, 'application/pdf');
  } finally {
    await rm(temp, { force: true });
  }
  return sha256;
}

export function signer(ctx: Ctx, id: Identity, reason: string, location: string): PdfSigner {
  return { ...id, reason, location, tsaUrl: pkiSettings(ctx.config).tsaUrl };
}

export function signerRecord(role: SignerRecord['role'], id: Identity, at: Date): SignerRecord {
  const info = certInfo(new X509Certificate(id.cert));
  return {
    role, certificateId: id.certId, name: info.commonName ?? '', ...(info.title && { title: info.title }), organization: info.organization,
    serial: info.serial, signedAt: at.toISOString(),
  };
}

/** The officer in a document's signature block: their name and their real position in their agency. */
export async function officerOf(db: Executor, actor: Principal | null): Promise<IssueFacts['officer']> {
  if (!actor) return { name: 'Hệ thống motcua', title: 'Hệ thống', position: 'Hệ thống', collective: false };
  const agency = actor.agencyId ? await catalog.getAgency(db, actor.agencyId) : undefined;
  return { name: actor.fullName, ...officerPosition(actor.roles, agency) };
}

/** Before the action's transaction: the document the action issues, signed and stored; null when it issues none. */
export async function prepareDocuments(ctx: Ctx, blobs: BlobStore, input: IssueInput): Promise<PreparedDocument | null> {
  const spec = ACTION_DOCUMENTS[input.event.action];
  if (!spec) return null;
  const earlier = (input.earlier ?? await dossiers.dossierHistory(ctx.db, input.dossier.id)).filter((e) => e.seq < input.event.seq);
  const history = [...earlier, input.event];
  return build(ctx, blobs, input.dossier, history, input.event, input.actor, spec.kind, spec.step);
}

async function build(ctx: Ctx, blobs: BlobStore, dossier: DossierRow, history: HistoryEvent[], event: HistoryEvent, actor: Principal | null, kind: ActionDocumentKind, step: 'seal' | 'officer' | 'issue'): Promise<PreparedDocument> {
  const at = event.at;
  const facts = await loadFacts(ctx.db, dossier, history);
  const base = pkiSettings(ctx.config).publicBaseUrl;
  const location = facts.handling.place;
  const officer = await officerOf(ctx.db, actor);
  const outcome = step === 'issue' ? (event.data?.outcome === 'refused' ? 'refused' : 'granted') : dossiers.reduce(history).refusalProposed ? 'refused' : 'granted';
  // The officer-signed result awaiting the seal, if it still says what is being issued.
  const signed = step === 'issue' ? await store.latestResult(ctx.db, dossier.id, 'signed') : undefined;
  const pending = signed && (signed.template === 'refusal') === (outcome === 'refused') ? signed : undefined;
  const issuerAgency = kind === 'result' ? pending?.agency_id ?? actor?.agencyId ?? dossier.handling_agency_id : actor?.agencyId ?? dossier.desk_agency_id;
  const seal = () => identityFor(ctx.db, ctx.config, { agencyId: issuerAgency }, ctx.clock);
  const id = pending?.id ?? randomUUID();
  const issue: IssueFacts = { kind, documentId: id, verifyUrl: `${base}/verify/${id}`, at, event, issuer: await agencyRef(ctx.db, issuerAgency), officer };

  let bytes: Buffer;
  let signers: SignerRecord[];
  let template: string | null = null;
  let title = `${DOCUMENT_KINDS[kind].vi} — ${dossier.code}`;
  if (kind !== 'result') {
    const sealId = await seal();
    bytes = await signNew(await TEMPLATES[kind](facts, issue), signer(ctx, sealId, `Dong dau so: ${DOCUMENT_KINDS[kind].en}`, location), at);
    signers = [signerRecord('seal', sealId, at)];
  } else if (pending) {
    const sealId = await seal();
    bytes = await appendSignature(await readBlob(blobs, pending.sha256), signer(ctx, sealId, 'Dong dau so ket qua / Organisation seal', location), at);
    signers = [...pending.signers, signerRecord('seal', sealId, at)];
    template = pending.template;
    title = pending.title;
  } else {
    const made = await resultDocument(facts, issue, outcome);
    template = made.template;
    title = `${outcome === 'refused' ? 'Văn bản trả lời' : facts.procedure.resultName} — ${dossier.code}`;
    if (!actor) throw new Error('a result is signed by an officer');
    const officerId = await identityFor(ctx.db, ctx.config, { userId: actor.userId }, ctx.clock);
    bytes = await signNew(made.doc, signer(ctx, officerId, 'Ky so ket qua giai quyet / Result approved', location), at);
    signers = [signerRecord('officer', officerId, at)];
    if (step === 'issue') {
      const sealId = await seal();
      bytes = await appendSignature(bytes, signer(ctx, sealId, 'Dong dau so ket qua / Organisation seal', location), at);
      signers.push(signerRecord('seal', sealId, at));
    }
  }
  const sha256 = await putBlob(blobs, bytes);
  const issued = kind !== 'result' || step === 'issue';
  const row: DocumentRow = {
    id, dossier_id: dossier.id, kind, template, title, status: issued ? 'issued' : 'signed', sha256, size: bytes.length, signers,
    agency_id: issuerAgency, history_seq: event.seq, source_file_id: null, created_at: pending?.created_at ?? at, updated_at: at,
  };
  const personal = kind === 'result' && issued && dossier.applicant_id ? { userId: dossier.applicant_id, fileId: randomUUID(), title } : null;
  return { mode: pending ? 'revise' : 'insert', row, personal, actor };
}

/** Inside the action's transaction: records what `prepareDocuments` made. */
export async function recordDocuments(tx: Executor, ctx: Ctx, p: PreparedDocument | null): Promise<void> {
  if (!p) return;
  const { row } = p;
  if (p.mode === 'revise') await store.reviseDocument(tx, row.id, row);
  else {
    if (row.kind === 'result') await store.supersedeResults(tx, row.dossier_id, row.updated_at);
    await store.insertDocument(tx, row);
  }
  if (p.personal) {
    await files.insertFile(tx, { id: p.personal.fileId, owner_id: p.personal.userId, sha256: row.sha256, size: row.size, media_type: 'application/pdf', name: `${p.personal.title}.pdf`.slice(0, 200), created_at: row.updated_at, attached_at: row.updated_at, page_count: null });
    await store.addPersonal(tx, { user_id: p.personal.userId, document_id: row.id, file_id: p.personal.fileId, title: p.personal.title, added_at: row.updated_at });
  }
  const action = row.status === 'signed' ? 'document.signed' : 'document.issued';
  const data = { dossierId: row.dossier_id, kind: row.kind, sha256: row.sha256, signers: row.signers.map((s) => s.certificateId) };
  // In the dossier's chain, like the action's own entry: one chain head per transaction, no deadlock.
  await appendAudit(tx, {
    actor: auditActor(p.actor), action, subjectType: 'document', subjectId: row.id, requestId: ctx.requestId, at: row.updated_at, data,
    chainOf: { subjectType: 'dossier', subjectId: row.dossier_id },
  });
  await emit(tx, row.status === 'signed' ? documentSigned : documentIssued, { aggregateId: row.id, at: row.updated_at, payload: { ...data, documentId: row.id, toPersonalStore: p.personal !== null, ...(p.first !== undefined && { first: p.first }) } });
}

/** Form 05 for a dossier now (officers, on demand): a sealed snapshot of the processing history. */
export async function prepareControlSheet(ctx: Ctx, blobs: BlobStore, dossier: DossierRow, actor: Principal): Promise<PreparedDocument> {
  const history = await dossiers.dossierHistory(ctx.db, dossier.id);
  const last = history.at(-1)!;
  return build(ctx, blobs, dossier, history, { ...last, at: ctx.clock.now() }, actor, 'form_05', 'seal');
}

/**
 * The result as it would be signed now, for the leader to read before signing: unsigned, "DỰ THẢO" on
 * every page, no QR code, stored and registered nowhere. Only while the dossier is being processed and
 * its result is not yet signed (409 `no-result-draft` otherwise).
 */
export async function resultDraft(ctx: Ctx, dossier: DossierRow, actor: Principal): Promise<Buffer> {
  const history = await dossiers.dossierHistory(ctx.db, dossier.id);
  const state = dossiers.reduce(history);
  if (dossier.status !== 4 || state.signed) throw new AppError('no-result-draft');
  const at = ctx.clock.now();
  const leader = actor.roles.includes('agency_leader') && actor.agencyId !== null;
  const issuerAgency = leader ? actor.agencyId! : dossier.handling_agency_id;
  const issuer = await agencyRef(ctx.db, issuerAgency);
  // Shown to the leader who signs: their own signature block; to anyone else, the head of the agency, unnamed.
  const officer = leader ? await officerOf(ctx.db, actor) : { name: '', ...officerPosition(['agency_leader'], await catalog.getAgency(ctx.db, issuerAgency)) };
  const facts = await loadFacts(ctx.db, dossier, history);
  const issue: IssueFacts = { kind: 'result', documentId: 'du-thao', verifyUrl: '', at, event: { ...history.at(-1)!, at }, issuer, officer, draft: true };
  const { doc } = await resultDocument(facts, issue, state.refusalProposed ? 'refused' : 'granted');
  return Buffer.from(await doc.save());
}

/** The lifecycle's document issuer (declared by dossiers): documents made with `prepareDocuments`, PDFs in `blobs`. */
export function documentIssuer(blobs: BlobStore): DocumentIssuer<PreparedDocument> {
  return {
    prepare: (ctx, input) => prepareDocuments(ctx, blobs, input),
    record: (tx, ctx, prepared) => recordDocuments(tx, ctx, prepared),
  };
}
