/**
 * Catalogue domain: administrative units, agencies, procedure fields and procedures.
 * Pure types and rules; no I/O.
 */

/** How a dossier reaches the agency (national code KenhThucHien: 1 direct, 2 online, 3 postal). */
export type Channel = 'direct' | 'online' | 'postal';
export const CHANNEL_CODE = { direct: 1, online: 2, postal: 3 } as const satisfies Record<Channel, number>;

export type ProcedureLevel = 'province' | 'commune';
/** Decree 42/2022 Art. 11 as amended: fully online (toàn trình) or partially online (một phần). */
export type OnlineLevel = 'full' | 'partial';

/**
 * Kinds of agency a procedure can be handled by. A procedure names a kind; the concrete agency is
 * resolved at submission (for commune kinds: the applicant's commune).
 */
export const AGENCY_KINDS = [
  'province_peoples_committee',
  'public_service_center', // Trung tâm Phục vụ hành chính công tỉnh: the provincial one-stop desk
  'department_justice',
  'department_finance',
  'department_construction',
  'department_agriculture_environment',
  'department_home_affairs',
  'department_science_technology',
  'land_registration_office',
  'provincial_police',
  'social_insurance',
  'tax_office',
  'economic_zone_board',
  'commune_peoples_committee',
  'commune_police',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const COMMUNE_AGENCY_KINDS: readonly AgencyKind[] = ['commune_peoples_committee', 'commune_police'];

export interface AdminUnit {
  code: string; // 5-digit commune code or 2-digit province code (1027/CTK-CSCL, 915/CTK-CSCL)
  name: string;
  type: 'province' | 'municipality' | 'commune' | 'ward' | 'special_zone';
  parentCode: string | null;
}

export interface Agency {
  /** Agency electronic ID (Decision 20/2020/QĐ-TTg style): dot-separated groups, ≤ 35 characters. */
  id: string;
  name: string;
  nameEn: string;
  kind: AgencyKind;
  /** For commune-level agencies, the commune code they serve. */
  unitCode: string | null;
  parentId: string | null;
}

export interface ProcedureChannel {
  channel: Channel;
  /** Time limit in working days (calendar-day limits are converted by the importer and flagged). */
  workingDays: number | null;
  /**
   * Set when `workingDays` is not a working-day figure printed as such: converted from calendar days
   * or hours, read from a number printed without unit, or taken from the procedure-level limit.
   */
  workingDaysFrom?: 'calendar_days' | 'hours' | 'unspecified_unit' | 'procedure';
  timeText: string | null;
  feeVND: number | null;
  feeText: string | null;
}

export interface ProcedureComponent {
  /** Stable code within the procedure, e.g. "TP01". Used by `files[].componentCode` on submission. */
  code: string;
  name: string;
  originals: number;
  copies: number;
  /** Must be supplied with every submission. Conditional items ("Trường hợp ...") are optional. */
  required: boolean;
  group: string | null;
  formTemplate: string | null;
}

export interface ProcedureResult {
  code: string | null;
  name: string;
}

/** A JSON Schema (draft-07, understood by Ajv's default build and by @rjsf on the web). */
export type JsonSchema = Record<string, unknown>;

export interface Procedure {
  code: string; // MATTHC, e.g. "1.001193"
  name: string;
  fieldCode: string;
  fieldName: string;
  level: ProcedureLevel;
  agencyKind: AgencyKind;
  /** The agency text as published ("Ủy ban nhân dân cấp xã"). */
  agencyText: string;
  issuingMinistry: string | null;
  applicants: string | null;
  requirements: string | null;
  steps: string[];
  channels: ProcedureChannel[];
  components: ProcedureComponent[];
  results: ProcedureResult[];
  /** null when the procedure cannot be submitted online. */
  onlineLevel: OnlineLevel | null;
  legalBasis: string[];
  whereToSubmit: string | null;
  sourceUrl: string | null;
  /** E-form for online submission; null when the procedure is not offered online. */
  eform: JsonSchema | null;
}

export interface ProcedureField {
  code: string;
  name: string;
}
