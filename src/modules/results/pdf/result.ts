/**
 * The result document of a procedure: one template per kind of result (certificate, permit,
 * decision, database update notice, notice, refusal letter), filled from the dossier and procedure.
 */
import type { PDFDocument } from 'pdf-lib';
import { DOCUMENT_KINDS, resultTemplate, vnDate, vnDateTime, type ResultTemplate } from '../model.ts';
import type { DossierFacts, IssueFacts } from './types.ts';
import { Sheet } from './layout.ts';

type Body = (s: Sheet, f: DossierFacts, i: IssueFacts) => void;

function fields(s: Sheet, f: DossierFacts) {
  for (const [label, value] of f.formFields) s.field(label, value);
}

function basis(s: Sheet, f: DossierFacts) {
  for (const b of f.procedure.legalBasis.slice(0, 3)) s.text(`Căn cứ ${b.replace(/^căn cứ\s*/i, '')};`, { style: 'italic', size: 10 });
}

const BODIES: Record<ResultTemplate, { title: (f: DossierFacts) => [string, ...string[]]; body: Body }> = {
  certificate: {
    title: (f) => [f.procedure.resultName],
    body: (s, f, i) => {
      s.text(`${i.issuer.name} chứng nhận theo hồ sơ ${f.code} (${f.procedure.name}):`, { gapAfter: 4 });
      fields(s, f);
      s.field('Người yêu cầu', `${f.applicant.name} — số định danh cá nhân ${f.applicant.idNumber}`);
    },
  },
  permit: {
    title: (f) => [f.procedure.resultName.replace(/^-\s*/, '')],
    body: (s, f) => {
      basis(s, f);
      s.gap(4).field('Cấp cho', `${f.applicant.name} (số định danh ${f.applicant.idNumber})`);
      fields(s, f);
      s.text('Người được cấp phép phải thực hiện đúng nội dung được cấp phép và các quy định của pháp luật có liên quan.', { gapAfter: 4 });
    },
  },
  decision: {
    title: (f) => ['Quyết định', `Về việc ${f.procedure.name.charAt(0).toLowerCase()}${f.procedure.name.slice(1)}`],
    body: (s, f, i) => {
      s.text(i.issuer.name.toUpperCase(), { style: 'bold', align: 'center', gapAfter: 4 });
      basis(s, f);
      s.text(`Xét hồ sơ ${f.code} của ${f.applicant.name} và đề nghị của bộ phận chuyên môn,`, { style: 'italic', size: 10, gapAfter: 4 });
      s.text('QUYẾT ĐỊNH:', { style: 'bold', align: 'center', gapAfter: 2 });
      s.text(`Điều 1. Giải quyết thủ tục "${f.procedure.name}" cho ${f.applicant.name} (số định danh ${f.applicant.idNumber}), với nội dung:`);
      fields(s, f);
      s.text('Điều 2. Quyết định này có hiệu lực kể từ ngày ký.');
      s.text(`Điều 3. ${f.applicant.name} và các cơ quan, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.`, { gapAfter: 4 });
    },
  },
  record_update: {
    title: () => ['Thông báo', 'Kết quả giải quyết thủ tục hành chính'],
    body: (s, f, i) => {
      s.text(`${i.issuer.name} thông báo: theo hồ sơ ${f.code} của ${f.applicant.name} (số định danh ${f.applicant.idNumber}), đã thực hiện: ${f.procedure.resultName}.`, { gapAfter: 4 });
      fields(s, f);
    },
  },
  notice: {
    title: () => ['Thông báo', 'Kết quả giải quyết thủ tục hành chính'],
    body: (s, f, i) => {
      s.text(`${i.issuer.name} thông báo kết quả giải quyết hồ sơ ${f.code} — ${f.procedure.name} — của ${f.applicant.name} (số định danh ${f.applicant.idNumber}):`, { gapAfter: 4 });
      s.field('Kết quả', f.procedure.resultName);
      fields(s, f);
    },
  },
  refusal: {
    title: () => ['Văn bản trả lời', 'Về việc từ chối giải quyết hồ sơ'],
    body: (s, f, i) => {
      s.text(`Ngày ${vnDateTime(f.receivedAt)}, ${f.desk.name} tiếp nhận hồ sơ ${f.code} của ${f.applicant.name} (số định danh ${f.applicant.idNumber}) đề nghị: ${f.procedure.name}.`);
      s.text(`Sau khi xem xét, ${i.issuer.name} không giải quyết hồ sơ này. Lý do:`);
      s.text(f.refusalReason ?? 'Hồ sơ không đáp ứng điều kiện theo quy định.', { style: 'bold', indent: 14, gapAfter: 4 });
      s.text('Ông/Bà có quyền khiếu nại, khởi kiện theo quy định của pháp luật.');
    },
  },
};

/**
 * The signature block's heading (Decree 30/2020, Annex I): the chair of a People's Committee signs for
 * the committee ("TM. ỦY BAN NHÂN DÂN …" then "CHỦ TỊCH"); the head of another agency signs with their
 * position ("GIÁM ĐỐC").
 */
export function signatureHeading(i: Pick<IssueFacts, 'issuer' | 'officer'>): string[] {
  const position = i.officer.position.toUpperCase();
  return i.officer.collective ? [`TM. ${i.issuer.name.toUpperCase()}`, position] : [position];
}

/** The result document before any signature: the approving officer signs it, the agency seals it at issuance. */
export async function resultDocument(f: DossierFacts, i: IssueFacts, outcome: 'granted' | 'refused'): Promise<{ doc: PDFDocument; template: ResultTemplate }> {
  const template = resultTemplate(f.procedure.resultName, outcome);
  const t = BODIES[template];
  const [main, ...sub] = t.title(f);
  const s = await Sheet.create({ id: i.documentId, title: `${i.draft ? 'Dự thảo — ' : ''}${main} — ${f.code}`, verifyUrl: i.verifyUrl, author: i.issuer.name, draft: i.draft });
  s.header({ parentAgency: i.issuer.parentName, agency: i.issuer.name, number: `${f.code}/${DOCUMENT_KINDS.result.symbol}`, place: i.issuer.place, date: i.at });
  s.title(main, ...sub);
  t.body(s, f, i);
  s.text(`Cấp theo hồ sơ ${f.code}, tiếp nhận ${vnDate(f.receivedAt ?? f.submittedAt)}.`, { style: 'italic', size: 9.5, gapAfter: 4 });
  s.signatures([{ heading: signatureHeading(i), name: i.officer.name, note: i.draft ? '(Dự thảo — chưa ký)' : '(Đã ký số và đóng dấu số)' }]);
  return { doc: await s.finish(), template };
}
