/** SQL for the PKI's tables: pki_certificates and pki_crls (created in 008_results.sql). */
import type { Kysely } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { DB } from '../../db/types.ts';

export type PkiTables = {
  pki_certificates: {
    id: string;
    purpose: 'root_ca' | 'issuing_ca' | 'seal' | 'signing';
    source: 'province' | 'imported';
    user_id: string | null;
    agency_id: string | null;
    issuer_id: string | null;
    subject: string;
    serial: string;
    fingerprint: string;
    cert_pem: string;
    key_pem: string | null;
    not_before: Date;
    not_after: Date;
    status: 'active' | 'revoked' | 'superseded';
    revoked_at: Date | null;
    revocation_reason: string | null;
    created_at: Date;
  };
  pki_crls: { issuer_id: string; number: number; this_update: Date; next_update: Date; der: Uint8Array };
};

export type CertRow = PkiTables['pki_certificates'];

/** The executor with this module's tables. */
export function t(db: Executor): Kysely<DB & PkiTables> {
  return (db as Kysely<DB>).withTables<PkiTables>();
}

export function activeCert(db: Executor, where: { purpose: CertRow['purpose']; userId?: string; agencyId?: string; source?: CertRow['source'] }) {
  let q = t(db).selectFrom('pki_certificates').selectAll().where('purpose', '=', where.purpose).where('status', '=', 'active');
  if (where.userId) q = q.where('user_id', '=', where.userId);
  if (where.agencyId) q = q.where('agency_id', '=', where.agencyId);
  if (where.source) q = q.where('source', '=', where.source);
  return q.orderBy('created_at', 'desc').limit(1).executeTakeFirst();
}

export function certById(db: Executor, id: string) {
  return t(db).selectFrom('pki_certificates').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCert(db: Executor, row: CertRow): Promise<void> {
  await t(db).insertInto('pki_certificates').values(row).execute();
}

export function trustRows(db: Executor) {
  return t(db).selectFrom('pki_certificates').select(['id', 'purpose', 'status', 'cert_pem', 'fingerprint'])
    .where('purpose', 'in', ['root_ca', 'issuing_ca']).where('status', '<>', 'superseded').execute();
}

export async function latestCrls(db: Executor) {
  return t(db).selectFrom('pki_crls as c')
    .innerJoin('pki_certificates as i', 'i.id', 'c.issuer_id')
    .select(['c.issuer_id', 'c.number', 'c.der', 'c.this_update', 'c.next_update', 'i.cert_pem'])
    .where('c.number', '=', (eb) => eb.selectFrom('pki_crls as x').select((e) => e.fn.max('x.number').as('n')).whereRef('x.issuer_id', '=', 'c.issuer_id'))
    .execute();
}

export function latestCrlOf(db: Executor, issuerId: string) {
  return t(db).selectFrom('pki_crls').select(['der', 'number', 'this_update', 'next_update']).where('issuer_id', '=', issuerId)
    .orderBy('number', 'desc').limit(1).executeTakeFirst();
}

/** The province root CA certificate (PEM), when the PKI is initialised. */
export async function provinceRootPem(db: Executor): Promise<string | undefined> {
  return (await activeCert(db, { purpose: 'root_ca', source: 'province' }))?.cert_pem;
}
