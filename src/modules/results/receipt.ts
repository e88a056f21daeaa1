/**
 * Electronic receipts (biên lai điện tử) of fees and charges, for the payments module: a PDF sealed by
 * the collecting agency (the PKI module), registered like every signed document (verification by QR
 * code) and filed in the payer's personal store. Made before the caller's transaction
 * (`prepareReceipt`), recorded inside it (`recordDocuments`).
 */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../platform/context.ts';
import { identityFor, pkiSettings, signNew } from '../pki/index.ts';
import type { BlobStore } from '../files/index.ts';
import type { DossierRow } from '../dossiers/index.ts';
import { DOCUMENT_KINDS } from './model.ts';
import { agencyRef } from './facts.ts';
import { Sheet } from './pdf/layout.ts';
import { putBlob, signer, signerRecord, type PreparedDocument } from './service.ts';

export interface ReceiptInput {
  dossier: DossierRow;
  /** The receipt's number (the payment's reference at the channel). */
  number: string;
  items: { name: string; amountVND: number }[];
  amountVND: number;
  channel: string;
  paidAt: Date;
  payee: { bankName: string; accountNumber: string; accountName: string };
  payerName: string;
}

const vnd = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} đồng`;

export async function prepareReceipt(ctx: Ctx, blobs: BlobStore, r: ReceiptInput): Promise<PreparedDocument> {
  const k = DOCUMENT_KINDS.receipt;
  const agencyId = r.dossier.handling_agency_id;
  const agency = await agencyRef(ctx.db, agencyId);
  const id = randomUUID();
  const title = `${k.vi} — ${r.dossier.code}`;
  const sheet = await Sheet.create({ id, title, verifyUrl: `${pkiSettings(ctx.config).publicBaseUrl}/verify/${id}`, author: agency.name });
  sheet.header({ parentAgency: agency.parentName, agency: agency.name, number: `${r.number}/${k.symbol}`, place: agency.place, date: r.paidAt })
    .title(k.vi, 'Electronic receipt of fees and charges')
    .field('Người nộp / Payer', r.payerName).field('Mã hồ sơ / Dossier', r.dossier.code)
    .field('Hình thức thanh toán / Paid by', r.channel).field('Mã giao dịch / Reference', r.number)
    .table(['STT', 'Nội dung thu / Item', 'Số tiền / Amount'], r.items.map((i, n) => [String(n + 1), i.name, vnd(i.amountVND)]), [0.08, 0.62, 0.3])
    .field('Tổng cộng / Total', vnd(r.amountVND))
    .field('Tài khoản thu / Payee account', `${r.payee.accountName}, ${r.payee.accountNumber}, ${r.payee.bankName}`)
    .signatures([{ heading: ['ĐƠN VỊ THU PHÍ, LỆ PHÍ'], name: agency.name, note: '(Đã đóng dấu số)' }]);
  const seal = await identityFor(ctx.db, ctx.config, { agencyId }, ctx.clock);
  const bytes = await signNew(await sheet.finish(), signer(ctx, seal, 'Bien lai dien tu thu phi, le phi', agency.place), r.paidAt);
  const sha256 = await putBlob(blobs, bytes);
  const lastSeq = r.dossier.version;
  return {
    mode: 'insert',
    row: {
      id, dossier_id: r.dossier.id, kind: 'receipt', template: null, title, status: 'issued', sha256, size: bytes.length, signers: [signerRecord('seal', seal, r.paidAt)],
      agency_id: agencyId, history_seq: lastSeq, source_file_id: null, created_at: r.paidAt, updated_at: r.paidAt,
    },
    personal: r.dossier.applicant_id ? { userId: r.dossier.applicant_id, fileId: randomUUID(), title } : null,
    actor: null,
  };
}
