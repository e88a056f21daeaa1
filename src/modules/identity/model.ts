/**
 * Identity rules, pure: the 12-digit personal identification number (CCCD / số định danh cá nhân),
 * officer roles, phone numbers, assurance levels (the password policy is in password.ts).
 */

/**
 * The first three digits are the code of the province where the birth was registered, from the
 * 63 provinces that existed when the numbering was set (Circular 59/2021/TT-BCA); numbers keep them
 * after the 2025 merger.
 */
export const ID_PROVINCE_CODES: ReadonlySet<string> = new Set(
  ('001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 ' +
    '040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 ' +
    '083 084 086 087 089 091 092 093 094 095 096').split(' '),
);

export interface PersonalId {
  provinceCode: string;
  sex: 'male' | 'female';
  birthYear: number;
}

export type PersonalIdResult = { ok: true; value: PersonalId } | { ok: false; reasonVi: string; reasonEn: string };

/**
 * Digit 4 encodes century and sex: 0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s, 6/7 = 2200s,
 * 8/9 = 2300s; digits 5–6 are the last two digits of the birth year; the last six are a random sequence.
 */
export function parsePersonalId(id: string, today: Date): PersonalIdResult {
  if (!/^[0-9]{12}$/.test(id)) {
    return { ok: false, reasonVi: 'Số định danh phải gồm đúng 12 chữ số', reasonEn: 'The personal ID number must be exactly 12 digits' };
  }
  const provinceCode = id.slice(0, 3);
  if (!ID_PROVINCE_CODES.has(provinceCode)) {
    return { ok: false, reasonVi: `Mã tỉnh ${provinceCode} không hợp lệ`, reasonEn: `Unknown province code ${provinceCode}` };
  }
  const centurySex = Number(id[3]);
  const birthYear = 1900 + Math.floor(centurySex / 2) * 100 + Number(id.slice(4, 6));
  if (birthYear > today.getUTCFullYear()) {
    return { ok: false, reasonVi: 'Năm sinh trong số định danh ở tương lai', reasonEn: 'The birth year in the ID number is in the future' };
  }
  return { ok: true, value: { provinceCode, sex: centurySex % 2 === 0 ? 'male' : 'female', birthYear } };
}

import { ROLES, type Role } from '../../platform/auth.ts';
export { ROLES, type Role };

export const ROLE_NAMES = {
  counter_officer: { vi: 'Cán bộ một cửa', en: 'Counter officer' },
  specialist: { vi: 'Chuyên viên', en: 'Specialist' },
  agency_leader: { vi: 'Lãnh đạo cơ quan', en: 'Agency leader' },
  agency_admin: { vi: 'Quản trị cơ quan', en: 'Agency administrator' },
  province_admin: { vi: 'Quản trị tỉnh', en: 'Province administrator' },
} as const satisfies Record<Role, { vi: string; en: string }>;

/** How an officer signs: their position, the full title with the agency, and whether they sign for a collective body. */
export interface OfficerPosition {
  /** "Chủ tịch", "Giám đốc", "Chuyên viên" … (the signature block's title line). */
  position: string;
  /** "Chủ tịch Ủy ban nhân dân Phường Đồng Thuận": the certificate's title, the verification report. */
  title: string;
  /** A People's Committee decides as a body: its chair signs "TM. ỦY BAN NHÂN DÂN …" (Decree 30/2020, Annex I). */
  collective: boolean;
}

/** The head of each kind of agency (an agency_leader signs as its head). */
const HEADS: Record<string, string> = {
  province_peoples_committee: 'Chủ tịch',
  commune_peoples_committee: 'Chủ tịch',
  commune_police: 'Trưởng',
  tax_office: 'Trưởng',
  economic_zone_board: 'Trưởng ban',
};

/** The position an officer signs with, from their first role and their agency (kind and name). */
export function officerPosition(roles: readonly Role[], agency: { kind: string; name: string } | null | undefined): OfficerPosition {
  const role = roles[0];
  const collective = agency?.kind === 'province_peoples_committee' || agency?.kind === 'commune_peoples_committee';
  const position = role === 'agency_leader' ? HEADS[agency?.kind ?? ''] ?? 'Giám đốc' : role ? ROLE_NAMES[role].vi : 'Cán bộ';
  const title = agency && role === 'agency_leader' ? `${position} ${agency.name}` : agency ? `${position}, ${agency.name}` : position;
  return { position, title, collective: collective && role === 'agency_leader' };
}

/** Vietnamese phone numbers: 10 digits starting 0, or +84 followed by 9 digits. */
export function normalisePhone(phone: string): string | null {
  const p = phone.replace(/[\s.-]/g, '');
  if (/^0[1-9][0-9]{8}$/.test(p)) return p;
  if (/^\+84[1-9][0-9]{8}$/.test(p)) return `0${p.slice(3)}`;
  return null;
}

export type { Principal } from '../../platform/auth.ts';

/**
 * How far an account's identity is established. `basic`: self-registered, the ID number only claimed;
 * `verified`: the ID number proven, by one of VERIFICATION_METHODS. Counter dossiers and their documents
 * reach an account online only when it is verified for that ID number.
 */
export type Assurance = 'basic' | 'verified';
export const VERIFICATION_METHODS = ['counter', 'vneid', 'population_db'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** A citizen signs in with their 12-digit ID number; an officer's username always has a letter. */
export function isCitizenLogin(username: string): boolean {
  return /^[0-9]{12}$/.test(username);
}

/** "0912345678" → "09******78": enough for an officer to recognise an account with the citizen in front of them. */
export function maskPhone(phone: string | null): string | null {
  return phone && phone.length > 4 ? `${phone.slice(0, 2)}${'*'.repeat(phone.length - 4)}${phone.slice(-2)}` : phone;
}
