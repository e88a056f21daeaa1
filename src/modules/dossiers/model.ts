/**
 * Dossier rules, pure: national status codes, the dossier code format, and intake checks.
 */
import type { Procedure } from '../catalog/index.ts';
import { vnDateOf } from '../calendar/index.ts';

/** Statuses as synced to the national portal (domain.md §3, de facto code list). */
export const STATUSES = {
  1: { key: 'registered', vi: 'Mới đăng ký', en: 'Newly registered' },
  2: { key: 'received', vi: 'Được tiếp nhận', en: 'Received' },
  3: { key: 'refused', vi: 'Không được tiếp nhận', en: 'Refused' },
  4: { key: 'processing', vi: 'Đang xử lý', en: 'Processing' },
  5: { key: 'supplement_requested', vi: 'Yêu cầu bổ sung giấy tờ', en: 'Supplement requested' },
  6: { key: 'payment_requested', vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Payment requested' },
  7: { key: 'withdrawal_requested', vi: 'Công dân yêu cầu rút hồ sơ', en: 'Applicant asked to withdraw' },
  8: { key: 'stopped', vi: 'Dừng xử lý', en: 'Stopped' },
  9: { key: 'result_available', vi: 'Đã xử lý xong', en: 'Result available' },
  10: { key: 'returned', vi: 'Đã trả kết quả', en: 'Returned' },
} as const;
export type StatusCode = keyof typeof STATUSES;
export type StatusKey = (typeof STATUSES)[StatusCode]['key'];

export function statusView(code: number) {
  const s = STATUSES[code as StatusCode];
  if (!s) throw new Error(`unknown status code ${code}`);
  return { status: s.key, statusCode: code as StatusCode, statusName: { vi: s.vi, en: s.en } };
}

/** The calendar day in Vietnam of an instant: { iso: '2026-11-22', compact: '261122' }. */
export function vnDay(at: Date): { iso: string; compact: string } {
  const iso = vnDateOf(at);
  return { iso, compact: iso.slice(2).replaceAll('-', '') };
}

/**
 * `<agency electronic ID>-<YYMMDD>-<sequence>`: the common provincial form of the national dossier
 * code; the sequence is per receiving agency and day, at least 4 digits.
 */
export function dossierCode(agencyId: string, at: Date, seq: number): string {
  return `${dossierCodePrefix(agencyId, at)}${String(seq).padStart(4, '0')}`;
}

/** Everything before the sequence number (the intake statement appends the number, padded to 4). */
export function dossierCodePrefix(agencyId: string, at: Date): string {
  return `${agencyId}-${vnDay(at).compact}-`;
}

export const DOSSIER_CODE_PATTERN = '^[0-9A-Za-z.]{1,35}-[0-9]{6}-[0-9]{4,}$';

export interface AttachedFile {
  componentCode: string;
  fileId: string;
}

export interface ComponentProblem {
  pointer: string;
  detail: string;
}

/** How a component was received at the counter (the components checklist of the generic counter form). */
export const COMPONENT_FORMS = ['original', 'copy', 'certified_copy'] as const;
export type ComponentForm = (typeof COMPONENT_FORMS)[number];
export interface ChecklistItem {
  componentCode: string;
  form: ComponentForm;
  copies: number;
}

/**
 * Unknown component codes (in files or the checklist), components listed twice, and required
 * components with no file; at the counter a component in the checklist was received on paper.
 */
export function componentProblems(p: Procedure, files: AttachedFile[], checklist: ChecklistItem[] = []): { unknown: ComponentProblem[]; missing: ComponentProblem[] } {
  const known = new Map(p.components.map((c) => [c.code, c]));
  const given = new Set([...files.map((f) => f.componentCode), ...checklist.map((c) => c.componentCode)]);
  const seen = new Set<string>();
  const unknown = files
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => !known.has(f.componentCode))
    .map(({ f, i }) => ({ pointer: `/body/files/${i}/componentCode`, detail: `unknown component ${f.componentCode}` }));
  checklist.forEach((c, i) => {
    if (!known.has(c.componentCode)) unknown.push({ pointer: `/body/checklist/${i}/componentCode`, detail: `Thành phần không thuộc thủ tục / unknown component ${c.componentCode}` });
    else if (seen.has(c.componentCode)) unknown.push({ pointer: `/body/checklist/${i}/componentCode`, detail: `Thành phần bị lặp / component listed twice` });
    seen.add(c.componentCode);
  });
  const missing = p.components
    .filter((c) => c.required && !given.has(c.code))
    .map((c) => ({ pointer: `/body/files/${c.code}`, detail: `Thiếu: ${c.name} / Missing required component ${c.code}` }));
  return { unknown, missing };
}

/** What digitisation at the counter recorded of one component: its scans and their pages. */
export interface ComponentView extends ChecklistItem {
  scans: number;
  pages: number;
  digitised: boolean;
}

/** The checklist with each component's scans and pages (a component with at least one scan is digitised). */
export function checklistView(checklist: ChecklistItem[], files: { componentCode: string; pages: number | null }[]): ComponentView[] {
  return checklist.map((c) => {
    const scans = files.filter((f) => f.componentCode === c.componentCode);
    return { ...c, scans: scans.length, pages: scans.reduce((a, f) => a + (f.pages ?? 0), 0), digitised: scans.length > 0 };
  });
}

/**
 * The digitisation facts of a counter reception, recorded in its history event (the IOC counts them):
 * the dossier is digitised when every component received (listed or scanned) has a scan; its scans,
 * their pages; `certification`: a request for a certified copy (the 766 certified-copies denominator).
 */
export function digitisationFacts(p: Procedure, checklist: ChecklistItem[], files: { componentCode: string; pages: number | null }[]) {
  const received = new Set([...checklist.map((c) => c.componentCode), ...files.map((f) => f.componentCode)]);
  const scanned = new Set(files.map((f) => f.componentCode));
  return {
    digitised: received.size > 0 && [...received].every((c) => scanned.has(c)),
    scans: files.length,
    pages: files.reduce((a, f) => a + (f.pages ?? 0), 0),
    certification: isCertifiedCopyProcedure(p),
  };
}

/**
 * Procedures whose result is a copy certified from the original (chứng thực bản sao từ bản chính):
 * their dossiers may get an electronic certified copy. Recognised by the name the national database
 * publishes (the pattern is data: change it here).
 */
export const CERTIFIED_COPY_NAME = /^chứng thực bản sao từ bản chính/i;
export function isCertifiedCopyProcedure(p: Pick<Procedure, 'name'>): boolean {
  return CERTIFIED_COPY_NAME.test(p.name.normalize('NFC'));
}

/** The generic counter form's own fields (procedures without an e-form), as JSON Schema. */
export const COUNTER_FORM = {
  type: 'object',
  properties: {
    communeCode: { type: 'string', maxLength: 10, title: 'Xã, phường' },
    applicantPhone: { type: 'string', pattern: '^[0-9+ .-]{8,15}$', title: 'Số điện thoại' },
    address: { type: 'string', maxLength: 300, title: 'Địa chỉ' },
    notes: { type: 'string', maxLength: 1000, title: 'Ghi chú' },
  },
  additionalProperties: false,
} as const;
