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

/** Unknown component codes and required components with no file. */
export function componentProblems(p: Procedure, files: AttachedFile[]): { unknown: ComponentProblem[]; missing: ComponentProblem[] } {
  const known = new Map(p.components.map((c) => [c.code, c]));
  const given = new Set(files.map((f) => f.componentCode));
  const unknown = files
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => !known.has(f.componentCode))
    .map(({ f, i }) => ({ pointer: `/body/files/${i}/componentCode`, detail: `unknown component ${f.componentCode}` }));
  const missing = p.components
    .filter((c) => c.required && !given.has(c.code))
    .map((c) => ({ pointer: `/body/files/${c.code}`, detail: `Thiếu: ${c.name} / Missing required component ${c.code}` }));
  return { unknown, missing };
}
