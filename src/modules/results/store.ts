/** SQL for the module's tables (008_results.sql; the pki_* tables there belong to the pki module). */
import type { ColumnType, Kysely } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { DB } from '../../db/types.ts';
import type { DocumentKind } from './model.ts';

export interface SignerRecord {
  role: 'officer' | 'seal';
  certificateId: string;
  name: string;
  /** The signer's title in their certificate ("Chủ tịch Ủy ban nhân dân Phường …"); absent on seals and older records. */
  title?: string;
  organization: string | null;
  serial: string;
  signedAt: string;
}

type Json<T> = ColumnType<T, string, string>;

export type ResultsTables = {
  signed_documents: {
    id: string;
    dossier_id: string;
    kind: DocumentKind;
    template: string | null;
    title: string;
    status: 'signed' | 'issued' | 'superseded';
    sha256: string;
    size: number;
    signers: Json<SignerRecord[]>;
    agency_id: string;
    history_seq: number;
    /** Certified copies: the dossier's scan it was made from. */
    source_file_id: string | null;
    created_at: Date;
    updated_at: Date;
  };
  signed_document_revisions: { document_id: string; revision: number; sha256: string; size: number; created_at: Date };
  personal_documents: { user_id: string; document_id: string; file_id: string; title: string; added_at: Date };
  document_reuses: { dossier_id: string; component_code: string; document_id: string; user_id: string; reused_at: Date };
};

export type DocumentRow = Omit<ResultsTables['signed_documents'], 'signers'> & { signers: SignerRecord[] };

/** The executor with this module's tables (the lead adds ResultsTables to src/db/types.ts). */
export function t(db: Executor): Kysely<DB & ResultsTables> {
  return (db as Kysely<DB>).withTables<ResultsTables>();
}

export async function insertDocument(db: Executor, d: DocumentRow): Promise<void> {
  await t(db).insertInto('signed_documents').values({ ...d, signers: JSON.stringify(d.signers) }).execute();
  await t(db).insertInto('signed_document_revisions').values({ document_id: d.id, revision: 1, sha256: d.sha256, size: d.size, created_at: d.created_at }).execute();
}

/** A new signed state of a document (the seal added): the row and a revision. */
export async function reviseDocument(db: Executor, id: string, p: Pick<DocumentRow, 'status' | 'sha256' | 'size' | 'signers' | 'updated_at' | 'history_seq'>): Promise<void> {
  const patch = { status: p.status, sha256: p.sha256, size: p.size, signers: JSON.stringify(p.signers), updated_at: p.updated_at, history_seq: p.history_seq };
  await t(db).updateTable('signed_documents').set(patch).where('id', '=', id).execute();
  await t(db).insertInto('signed_document_revisions').values((eb) => ({
    document_id: id, sha256: patch.sha256, size: patch.size, created_at: patch.updated_at,
    revision: eb.selectFrom('signed_document_revisions').select((e) => e(e.fn.max('revision'), '+', 1).as('r')).where('document_id', '=', id),
  })).execute();
}

export async function getDocument(db: Executor, id: string): Promise<DocumentRow | undefined> {
  return t(db).selectFrom('signed_documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export function documentsOf(db: Executor, dossierId: string): Promise<DocumentRow[]> {
  return t(db).selectFrom('signed_documents').selectAll().where('dossier_id', '=', dossierId).orderBy('created_at').orderBy('history_seq').orderBy('id').execute();
}

export function latestResult(db: Executor, dossierId: string, status: DocumentRow['status']) {
  return t(db).selectFrom('signed_documents').selectAll().where('dossier_id', '=', dossierId).where('kind', '=', 'result')
    .where('status', '=', status).orderBy('created_at', 'desc').limit(1).executeTakeFirst() as Promise<DocumentRow | undefined>;
}

export async function supersedeResults(db: Executor, dossierId: string, at: Date): Promise<void> {
  await t(db).updateTable('signed_documents').set({ status: 'superseded', updated_at: at })
    .where('dossier_id', '=', dossierId).where('kind', '=', 'result').where('status', '=', 'signed').execute();
}

/** The document a copy with this SHA-256 is a revision of, and whether it is the current one. */
export function documentBySha(db: Executor, sha256: string) {
  return t(db).selectFrom('signed_document_revisions as r').innerJoin('signed_documents as d', 'd.id', 'r.document_id')
    .select(['d.id', 'r.revision', 'd.sha256 as current']).where('r.sha256', '=', sha256).orderBy('r.revision', 'desc').limit(1).executeTakeFirst();
}

/** Whether a signed document (any of its revisions) is stored under this hash. */
export async function blobHeld(db: Executor, sha256: string): Promise<boolean> {
  const hit = await t(db).selectFrom('signed_document_revisions').select('document_id').where('sha256', '=', sha256).limit(1).executeTakeFirst()
    ?? await t(db).selectFrom('signed_documents').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst();
  return Boolean(hit);
}

export async function addPersonal(db: Executor, row: ResultsTables['personal_documents']): Promise<void> {
  await t(db).insertInto('personal_documents').values(row).onConflict((oc) => oc.columns(['user_id', 'document_id']).doNothing()).execute();
}

export function personalList(db: Executor, userId: string) {
  return t(db).selectFrom('personal_documents as p').innerJoin('signed_documents as d', 'd.id', 'p.document_id')
    .select(['p.document_id', 'p.file_id', 'p.title', 'p.added_at', 'd.kind', 'd.template', 'd.sha256', 'd.size', 'd.signers', 'd.agency_id', 'd.dossier_id'])
    .where('p.user_id', '=', userId).orderBy('p.added_at', 'desc').execute();
}

export function personalByFiles(db: Executor, userId: string, fileIds: string[]) {
  if (!fileIds.length) return Promise.resolve([]);
  return t(db).selectFrom('personal_documents').select(['document_id', 'file_id']).where('user_id', '=', userId).where('file_id', 'in', fileIds).execute();
}

export async function insertReuses(db: Executor, rows: ResultsTables['document_reuses'][]): Promise<void> {
  if (rows.length) await t(db).insertInto('document_reuses').values(rows).onConflict((oc) => oc.doNothing()).execute();
}

/** Decision 766 digitisation: reuses of stored results and the dossiers that reused at least one. */
export async function reuseCounts(db: Executor, from: Date, to: Date) {
  const r = await t(db).selectFrom('document_reuses').select((eb) => [eb.fn.countAll<number>().as('reuses'), eb.fn.count<number>('dossier_id').distinct().as('dossiers')])
    .where('reused_at', '>=', from).where('reused_at', '<', to).executeTakeFirstOrThrow();
  return { reuses: Number(r.reuses), dossiers: Number(r.dossiers) };
}

/**
 * What the IOC counts of signed documents, per dossier (its rebuild reads these; the live consumer the
 * events): when it first reused stored documents, and when it got its first electronic certified copy.
 */
export async function documentFacts(db: Executor): Promise<{ dossierId: string; fact: 'reuse' | 'certified_copy'; at: Date }[]> {
  const reuses = await t(db).selectFrom('document_reuses').select(['dossier_id', (eb) => eb.fn.min('reused_at').as('at')]).groupBy('dossier_id').execute();
  const copies = await t(db).selectFrom('signed_documents').select(['dossier_id', (eb) => eb.fn.min('created_at').as('at')])
    .where('kind', '=', 'certified_copy').groupBy('dossier_id').execute();
  return [
    ...reuses.map((r) => ({ dossierId: r.dossier_id, fact: 'reuse' as const, at: new Date(r.at as unknown as string) })),
    ...copies.map((r) => ({ dossierId: r.dossier_id, fact: 'certified_copy' as const, at: new Date(r.at as unknown as string) })),
  ];
}
