/**
 * The one-stop forms (Circular 01/2018/TT-VPCP, forms 01–05) and the stop notice, from the dossier's
 * facts and the event that issues them.
 */
import type { PDFDocument } from 'pdf-lib';
import { DOCUMENT_KINDS, TIMING_NAMES, vnDateTime } from '../model.ts';
import type { DossierFacts, IssueFacts } from './types.ts';
import { Sheet } from './layout.ts';

const str = (x: unknown) => (typeof x === 'string' ? x : '');
const when = (x: unknown) => (typeof x === 'string' && x ? vnDateTime(new Date(x)) : '—');

async function start(f: DossierFacts, i: IssueFacts, subtitle?: string): Promise<Sheet> {
  const k = DOCUMENT_KINDS[i.kind];
  const sheet = await Sheet.create({ id: i.documentId, title: `${k.vi} — ${f.code}`, verifyUrl: i.verifyUrl, author: i.issuer.name });
  sheet.header({ parentAgency: i.issuer.parentName, agency: i.issuer.name, number: `${f.code}/${k.symbol}`, place: i.issuer.place, date: i.at });
  if (k.form) sheet.text(`Mẫu số ${k.form}`, { align: 'right', style: 'italic', size: 9 });
  return sheet.title(k.form ? k.vi : 'Thông báo', ...(subtitle ? [subtitle] : []));
}

function applicant(s: Sheet, f: DossierFacts): Sheet {
  s.field('Mã hồ sơ', f.code).field('Ông/Bà', f.applicant.name).field('Số định danh cá nhân', f.applicant.idNumber);
  if (f.address) s.field('Địa chỉ', f.address);
  return s.field('Nội dung yêu cầu giải quyết', `${f.procedure.name} (mã thủ tục ${f.procedure.code})`);
}

function sealed(s: Sheet, i: IssueFacts, heading: string): Promise<PDFDocument> {
  s.signatures([{ heading: [heading], name: i.officer.name, note: `${i.officer.position} · Đã đóng dấu số của cơ quan` }]);
  return s.finish();
}

export async function form01(f: DossierFacts, i: IssueFacts): Promise<PDFDocument> {
  const s = await start(f, i);
  s.text(`${f.desk.name} tiếp nhận hồ sơ của:`, { gapAfter: 2 });
  applicant(s, f).gap(4);
  s.text('1. Thành phần hồ sơ và số lượng mỗi loại giấy tờ gồm:');
  s.bullets(f.components.length ? f.components : ['Hồ sơ điện tử theo quy định']);
  s.text('2. Số lượng hồ sơ: 01 (bộ)');
  s.text(`3. Thời gian giải quyết hồ sơ theo quy định là: ${f.workingDays === null ? 'theo quy định của thủ tục' : `${f.workingDays} ngày làm việc`}`);
  s.text(`4. Thời gian nhận hồ sơ: ${vnDateTime(f.receivedAt ?? i.at)}`);
  s.text(`5. Thời gian trả kết quả giải quyết hồ sơ: ${vnDateTime(f.dueAt)}`);
  s.text(`6. Nhận kết quả tại: ${f.channel === 'online' ? 'kho dữ liệu điện tử của tổ chức, cá nhân trên Cổng dịch vụ công và ' : ''}${f.desk.name}`);
  s.text('Vào Sổ theo dõi hồ sơ. Tra cứu tình trạng hồ sơ bằng mã hồ sơ trên Cổng dịch vụ công.', { style: 'italic', size: 9.5, gapAfter: 6 });
  return sealed(s, i, 'NGƯỜI TIẾP NHẬN HỒ SƠ');
}

export async function form02(f: DossierFacts, i: IssueFacts): Promise<PDFDocument> {
  const s = await start(f, i);
  s.text(`${i.issuer.name} tiếp nhận hồ sơ của:`, { gapAfter: 2 });
  applicant(s, f).gap(4);
  s.text('Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:');
  const items = Array.isArray(i.event.data?.items) ? (i.event.data.items as unknown[]).map(str) : [];
  s.bullets(items);
  s.field('Lý do', str(i.event.data?.reason)).gap(4);
  s.text(`Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ${i.issuer.name} (người hướng dẫn: ${i.officer.name}) để được hướng dẫn. Thời gian chờ bổ sung không tính vào thời hạn giải quyết.`, { gapAfter: 6 });
  return sealed(s, i, 'NGƯỜI HƯỚNG DẪN');
}

export async function form03(f: DossierFacts, i: IssueFacts): Promise<PDFDocument> {
  const s = await start(f, i);
  s.text(`${i.issuer.name} tiếp nhận hồ sơ của:`, { gapAfter: 2 });
  applicant(s, f).gap(4);
  s.text(`Sau khi nghiên cứu, đối chiếu với quy định hiện hành, ${i.issuer.name} từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`);
  s.text(str(i.event.data?.reason), { style: 'bold', indent: 14, gapAfter: 4 });
  s.text('Xin thông báo để Ông/Bà được biết và thực hiện.', { gapAfter: 6 });
  return sealed(s, i, 'NGƯỜI TIẾP NHẬN HỒ SƠ');
}

export async function form04(f: DossierFacts, i: IssueFacts): Promise<PDFDocument> {
  const s = await start(f, i);
  s.text(`Ngày ${vnDateTime(f.receivedAt)}, ${f.desk.name} tiếp nhận hồ sơ của:`, { gapAfter: 2 });
  applicant(s, f);
  s.text(`Thời gian hẹn trả kết quả giải quyết hồ sơ: ${when(i.event.data?.previousDueAt)}`, { gapAfter: 4 });
  s.text(`Tuy nhiên đến nay, ${f.handling.name} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà. Lý do: ${str(i.event.data?.reason)}`);
  s.text(`Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${i.issuer.name} xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào: ${when(i.event.data?.newDueAt)}.`, { gapAfter: 2 });
  s.text('Xin trân trọng cảm ơn sự hợp tác của Ông/Bà!', { gapAfter: 6 });
  return sealed(s, i, `TM. ${i.issuer.name.toUpperCase()}`);
}

export async function form05(f: DossierFacts, i: IssueFacts): Promise<PDFDocument> {
  const s = await start(f, i);
  s.field('Mã hồ sơ', f.code).text('(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)', { style: 'italic', size: 9.5 });
  s.field('Thủ tục', f.procedure.name).field('Cơ quan giải quyết hồ sơ', f.handling.name);
  s.field('Tiếp nhận', vnDateTime(f.receivedAt)).field('Hẹn trả kết quả', vnDateTime(f.dueAt)).gap(6);
  const rows = f.visits.map((v, n) => [
    `${n + 1}. ${v.stepName}`, v.agencyName, vnDateTime(v.startedAt), vnDateTime(v.dueAt), vnDateTime(v.endedAt),
    v.timing ? `${TIMING_NAMES[v.timing].vi} / ${TIMING_NAMES[v.timing].en}` : 'Đang xử lý',
  ]);
  s.table(['Bước xử lý', 'Cơ quan', 'Nhận hồ sơ', 'Hạn xử lý', 'Giao hồ sơ', 'Kết quả'], rows, [0.22, 0.2, 0.15, 0.15, 0.15, 0.13]);
  s.text('Thời điểm giao, nhận theo Quá trình xử lý hồ sơ; "Trước hạn": giao trước ngày hết hạn, "Quá hạn": sau thời điểm hết hạn.', { style: 'italic', size: 9, gapAfter: 6 });
  return sealed(s, i, `TM. ${i.issuer.name.toUpperCase()}`);
}

export async function stopNotice(f: DossierFacts, i: IssueFacts): Promise<PDFDocument> {
  const s = await start(f, i, 'Về việc dừng xử lý hồ sơ');
  s.text(`Ngày ${vnDateTime(f.receivedAt ?? f.submittedAt)}, ${f.desk.name} đã tiếp nhận hồ sơ của:`, { gapAfter: 2 });
  applicant(s, f).gap(4);
  s.text(`Theo đề nghị rút hồ sơ của Ông/Bà, ${i.issuer.name} thông báo dừng xử lý hồ sơ nêu trên kể từ ${vnDateTime(i.at)}.`);
  s.field('Lý do', str(i.event.data?.reason)).gap(2);
  s.text('Hồ sơ đã nộp được trả lại theo yêu cầu của Ông/Bà. Phí, lệ phí đã nộp (nếu có) được xử lý theo quy định.', { gapAfter: 6 });
  return sealed(s, i, `TM. ${i.issuer.name.toUpperCase()}`);
}
