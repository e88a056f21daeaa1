/**
 * An electronic copy certified from the original (chứng thực bản sao điện tử từ bản chính, Decree
 * 23/2015 and 45/2020): the scan's pages as they are, then the certification (lời chứng) naming the
 * officer who saw the original; the verification QR code and footer on every page. Signed afterwards
 * by the officer, then sealed by the agency.
 */
import { PDFDocument } from 'pdf-lib';
import { DOCUMENT_KINDS, vnDate } from '../model.ts';
import type { AgencyRef } from './types.ts';
import { Sheet } from './layout.ts';

export interface CertifiedCopyFacts {
  documentId: string;
  verifyUrl: string;
  at: Date;
  issuer: AgencyRef;
  officer: { name: string; title: string };
  dossierCode: string;
  applicant: { name: string; idNumber: string };
  componentName: string;
  /** The scan of the original. */
  scan: { bytes: Buffer; mediaType: string };
  /** Its number in the agency's register of certifications. */
  number: string;
}

const A4: [number, number] = [595.28, 841.89];

/** Adds the scan's pages in front of the certification page. */
async function insertScan(doc: PDFDocument, scan: CertifiedCopyFacts['scan']): Promise<number> {
  if (scan.mediaType === 'application/pdf') {
    const src = await PDFDocument.load(scan.bytes, { ignoreEncryption: true, updateMetadata: false });
    const pages = await doc.copyPages(src, src.getPageIndices());
    pages.forEach((p, i) => doc.insertPage(i, p));
    return pages.length;
  }
  const image = scan.mediaType === 'image/png' ? await doc.embedPng(scan.bytes) : await doc.embedJpg(scan.bytes);
  const page = doc.insertPage(0, A4);
  const margin = 40;
  const box = { w: A4[0] - 2 * margin, h: A4[1] - 2 * margin - 70 };
  const k = Math.min(box.w / image.width, box.h / image.height);
  const w = image.width * k;
  const h = image.height * k;
  page.drawImage(image, { x: (A4[0] - w) / 2, y: A4[1] - margin - h, width: w, height: h });
  return 1;
}

export async function certifiedCopyDocument(f: CertifiedCopyFacts): Promise<{ doc: PDFDocument; pages: number }> {
  const s = await Sheet.create({ id: f.documentId, title: `${DOCUMENT_KINDS.certified_copy.vi} — ${f.dossierCode}`, verifyUrl: f.verifyUrl, author: f.issuer.name });
  s.header({ parentAgency: f.issuer.parentName, agency: f.issuer.name, number: f.number, place: f.issuer.place, date: f.at });
  s.title('Lời chứng chứng thực bản sao từ bản chính', 'Bản sao điện tử');
  const pages = await insertScan(s.doc, f.scan);
  s.text(`${vnDate(f.at).replace(/^n/, 'N')}, tại ${f.issuer.name},`);
  s.text(`Tôi, ${f.officer.name}, ${f.officer.title.toLowerCase()}, chứng thực bản sao này đúng với bản chính mà người yêu cầu xuất trình.`, { gapAfter: 4 });
  s.field('Giấy tờ, văn bản', f.componentName);
  s.field('Người yêu cầu chứng thực', `${f.applicant.name} — số định danh cá nhân ${f.applicant.idNumber}`);
  s.field('Số trang của bản sao', String(pages));
  s.field('Số chứng thực', f.number);
  s.field('Theo hồ sơ', f.dossierCode);
  s.text('Bản sao điện tử được chứng thực từ bản chính có giá trị sử dụng thay cho bản chính đã dùng để đối chiếu chứng thực trong các giao dịch (Nghị định 23/2015/NĐ-CP, Điều 3).', { style: 'italic', size: 9.5, gapAfter: 4 });
  s.signatures([{ heading: ['NGƯỜI THỰC HIỆN CHỨNG THỰC', f.officer.title.toUpperCase()], name: f.officer.name, note: '(Đã ký số và đóng dấu số)' }]);
  return { doc: await s.finish(), pages };
}
