/**
 * Signed documents, pure: the document kinds (forms 01–05, stop notice, result), which lifecycle
 * action issues which document and how it is signed, the result templates and Vietnamese dates.
 */

export const DOCUMENT_KINDS = {
  form_01: { form: '01', symbol: 'TNHS', vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Receipt and appointment slip' },
  form_02: { form: '02', symbol: 'YCBS', vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Request to supplement the dossier' },
  form_03: { form: '03', symbol: 'TCHS', vi: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', en: 'Refusal to accept the dossier' },
  form_04: { form: '04', symbol: 'XLHS', vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology and new return date' },
  form_05: { form: '05', symbol: 'KSHS', vi: 'Phiếu kiểm soát quá trình giải quyết hồ sơ', en: 'Processing control sheet' },
  stop_notice: { form: null, symbol: 'DXL', vi: 'Thông báo dừng xử lý hồ sơ', en: 'Notice that processing has stopped' },
  result: { form: null, symbol: 'KQ', vi: 'Kết quả giải quyết thủ tục hành chính', en: 'Result of the administrative procedure' },
  certified_copy: { form: null, symbol: 'SCT/BS', vi: 'Bản sao điện tử được chứng thực từ bản chính', en: 'Electronic copy certified from the original' },
  receipt: { form: null, symbol: 'BLĐT', vi: 'Biên lai điện tử thu phí, lệ phí', en: 'Electronic receipt of fees and charges' },
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;
/** The documents lifecycle actions issue (a certified copy is issued on its own, at the counter). */
export type ActionDocumentKind = Exclude<DocumentKind, 'certified_copy' | 'receipt'>;

/**
 * How an action's document is signed:
 * - `seal`: a form issued by the desk or the handling agency, sealed by the acting officer's agency;
 * - `officer`: the result, signed by the approving leader (the seal follows at issuance);
 * - `issue`: the officer-signed result receives the handling agency's seal and goes to the applicant.
 */
export type SigningStep = 'seal' | 'officer' | 'issue';

export const ACTION_DOCUMENTS: Readonly<Record<string, { kind: ActionDocumentKind; step: SigningStep }>> = {
  receive: { kind: 'form_01', step: 'seal' },
  register_counter: { kind: 'form_01', step: 'seal' },
  request_supplement: { kind: 'form_02', step: 'seal' },
  refuse: { kind: 'form_03', step: 'seal' },
  reschedule: { kind: 'form_04', step: 'seal' },
  accept_withdrawal: { kind: 'stop_notice', step: 'seal' },
  sign: { kind: 'result', step: 'officer' },
  issue_result: { kind: 'result', step: 'issue' },
  return_result: { kind: 'form_05', step: 'seal' },
};

/** The result's template, from the name of the procedure's result (Procedure.results) and the outcome. */
export type ResultTemplate = 'certificate' | 'permit' | 'decision' | 'record_update' | 'notice' | 'refusal';

export function resultTemplate(resultName: string, outcome: 'granted' | 'refused'): ResultTemplate {
  if (outcome === 'refused') return 'refusal';
  const n = resultName.trim().toLowerCase();
  if (/^-?\s*giấy phép/.test(n) || n.includes('chứng chỉ hành nghề')) return 'permit';
  if (/^-?\s*quyết định/.test(n)) return 'decision';
  if (/^(giấy|trích lục|thẻ|bản sao|biển số|hộ chiếu|xác nhận)/.test(n)) return 'certificate';
  if (/^(cập nhật|chuyển tình trạng|đăng tải|gửi thông tin|cơ quan đăng ký)/.test(n)) return 'record_update';
  return 'notice';
}

export const TEMPLATE_NAMES: Record<ResultTemplate, { vi: string; en: string }> = {
  certificate: { vi: 'Giấy chứng nhận / trích lục', en: 'Certificate or extract' },
  permit: { vi: 'Giấy phép', en: 'Permit' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  record_update: { vi: 'Thông báo kết quả cập nhật cơ sở dữ liệu', en: 'Notice of the database update' },
  notice: { vi: 'Thông báo kết quả giải quyết', en: 'Notice of the result' },
  refusal: { vi: 'Văn bản trả lời từ chối giải quyết', en: 'Letter refusing the application' },
};

const VN_OFFSET_MS = 7 * 3_600_000;
const vnParts = (d: Date) => {
  const t = new Date(d.getTime() + VN_OFFSET_MS);
  return { day: t.getUTCDate(), month: t.getUTCMonth() + 1, year: t.getUTCFullYear(), h: t.getUTCHours(), m: t.getUTCMinutes() };
};
const two = (n: number) => String(n).padStart(2, '0');

/** "ngày 05 tháng 02 năm 2026" (Decree 30/2020: a leading zero for days 1–9 and months 1–2), Vietnam time. */
export function vnDate(d: Date): string {
  const p = vnParts(d);
  return `ngày ${two(p.day)} tháng ${p.month <= 2 ? two(p.month) : p.month} năm ${p.year}`;
}

/** "09 giờ 30 phút, ngày 10/3/2026" style: "09:30 ngày 10/03/2026", Vietnam time. */
export function vnDateTime(d: Date | null | undefined): string {
  if (!d) return '—';
  const p = vnParts(d);
  return `${two(p.h)}:${two(p.m)} ngày ${two(p.day)}/${two(p.month)}/${p.year}`;
}

export const TIMING_NAMES = {
  early: { vi: 'Trước hạn', en: 'Early' },
  on_time: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Quá hạn', en: 'Late' },
} as const;

/** Form data keys never printed on a result (contact details stay in the dossier). */
export const PRIVATE_FORM_KEYS: ReadonlySet<string> = new Set(['applicantPhone', 'applicantEmail', 'communeCode']);
