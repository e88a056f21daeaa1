/**
 * Electronic certified copies at the counter: a counter officer of the receiving desk, having seen
 * the original, certifies a scan of a certified-copy dossier as a true copy. The copy is a signed PDF
 * (the officer's signature, then the agency's seal), registered like every signed document (so the
 * public verifier recognises it), put in the applicant's personal store when the dossier reaches a
 * verified account, and counted by the IOC (`certified_copies`). Signing happens before the
 * transaction; the transaction records the row, the store entry, the audit entry and the event.
 */
import { randomUUID } from 'node:crypto';
import { inTx } from '../../db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Ctx } from '../../platform/context.ts';
import * as catalog from '../catalog/index.ts';
import type { BlobStore } from '../files/index.ts';
import * as dossiers from '../dossiers/index.ts';
import { appendSignature, identityFor, pkiSettings, signNew } from '../pki/index.ts';
import { agencyRef } from './facts.ts';
import { DOCUMENT_KINDS } from './model.ts';
import { certifiedCopyDocument } from './pdf/certified-copy.ts';
import { officerOf, putBlob, readBlob, recordDocuments, signer, signerRecord, type PreparedDocument } from './service.ts';
import * as store from './store.ts';
import type { DocumentRow } from './store.ts';
import './problems.ts';

/** Dossiers closed without a result get no certified copy. */
const CLOSED = new Set([3, 8]);

export interface Certification {
  /** Whether this officer may certify scans of this dossier now; the server decides, the desk shows it. */
  certifiable: boolean;
  /** Why not, when not (the problem type's detail). */
  reason: string | null;
  /** The dossier's scans already certified, each with its copy. */
  copies: { fileId: string; documentId: string; title: string }[];
}

type Checked = { dossier: dossiers.DossierRow; procedure: catalog.Procedure; copies: DocumentRow[] };

/** Loads the dossier and judges whether the caller may certify its scans (no access → not-found / forbidden thrown). */
async function check(ctx: Ctx, code: string): Promise<Checked & { refusal: AppError | null }> {
  const actor = ctx.actor;
  if (!actor || actor.kind !== 'officer' || !actor.roles.includes('counter_officer')) throw new AppError('forbidden', 'certification is for counter officers');
  const dossier = await dossiers.dossierByCode(ctx.db, code);
  if (!dossier || !dossiers.canSee(actor, dossier)) throw new AppError('not-found', 'dossier not found');
  const procedure = await catalog.getProcedure(ctx.db, dossier.procedure_code, dossier.procedure_version);
  const copies = (await store.documentsOf(ctx.db, dossier.id)).filter((d) => d.kind === 'certified_copy');
  const refusal = actor.agencyId !== dossier.desk_agency_id ? new AppError('forbidden', 'only the receiving desk certifies copies of its dossiers')
    : !dossiers.isCertifiedCopyProcedure(procedure) ? new AppError('not-certifiable', 'the procedure is not a certification of copies')
      : CLOSED.has(dossier.status) ? new AppError('not-certifiable', 'the dossier was refused or stopped') : null;
  return { dossier, procedure, copies, refusal };
}

/** `GET /dossiers/{code}/certified-copies`: may the caller certify, and which scans are already certified. */
export async function certification(ctx: Ctx, code: string): Promise<Certification> {
  const { copies, refusal } = await check(ctx, code);
  return {
    certifiable: refusal === null, reason: refusal?.message ?? null,
    copies: copies.flatMap((d) => (d.source_file_id ? [{ fileId: d.source_file_id, documentId: d.id, title: d.title }] : [])),
  };
}

export async function certifyCopy(ctx: Ctx, blobs: BlobStore, code: string, fileId: string): Promise<PreparedDocument['row']> {
  const { dossier, procedure, copies: earlier, refusal } = await check(ctx, code);
  if (refusal) throw refusal;
  const actor = ctx.actor!;
  const file = (await dossiers.dossierFiles(ctx.db, dossier.id)).find((f) => f.id === fileId);
  if (!file) throw new AppError('not-found', 'file not found in this dossier');
  if (earlier.some((d) => d.source_file_id === fileId)) throw new AppError('already-certified', 'this scan is already certified');

  const at = ctx.clock.now();
  const id = randomUUID();
  const issuer = await agencyRef(ctx.db, dossier.desk_agency_id);
  const number = `${dossier.code}-${earlier.length + 1}/${DOCUMENT_KINDS.certified_copy.symbol}`;
  const officer = await officerOf(ctx.db, actor);
  const componentName = procedure.components.find((c) => c.code === file.component_code)?.name.split('.')[0] ?? file.component_code;
  const { doc } = await certifiedCopyDocument({
    documentId: id, verifyUrl: `${pkiSettings(ctx.config).publicBaseUrl}/verify/${id}`, at, issuer, officer, dossierCode: dossier.code,
    applicant: { name: dossier.applicant_name, idNumber: dossier.applicant_id_number }, componentName,
    scan: { bytes: await readBlob(blobs, file.sha256), mediaType: file.media_type }, number,
  });
  const location = issuer.place;
  const officerId = await identityFor(ctx.db, ctx.config, { userId: actor.userId }, ctx.clock);
  let bytes = await signNew(doc, signer(ctx, officerId, 'Chung thuc ban sao dung voi ban chinh / Certified true copy', location), at);
  const sealId = await identityFor(ctx.db, ctx.config, { agencyId: dossier.desk_agency_id }, ctx.clock);
  bytes = await appendSignature(bytes, signer(ctx, sealId, 'Dong dau so / Organisation seal', location), at);
  const sha256 = await putBlob(blobs, bytes);
  const title = `${DOCUMENT_KINDS.certified_copy.vi} — ${componentName.slice(0, 80)} — ${dossier.code}`;
  const row: PreparedDocument['row'] = {
    id, dossier_id: dossier.id, kind: 'certified_copy', template: null, title, status: 'issued', sha256, size: bytes.length,
    signers: [signerRecord('officer', officerId, at), signerRecord('seal', sealId, at)], agency_id: dossier.desk_agency_id,
    history_seq: dossier.version, source_file_id: fileId, created_at: at, updated_at: at,
  };
  const prepared: PreparedDocument = {
    mode: 'insert', row, actor, first: earlier.length === 0,
    personal: dossier.applicant_id ? { userId: dossier.applicant_id, fileId: randomUUID(), title } : null,
  };
  await inTx(ctx.db, (tx) => recordDocuments(tx, ctx, prepared));
  return row;
}
