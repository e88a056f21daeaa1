/**
 * Which kind of agency handles a source procedure, and the short code of its field. Pure.
 *
 * agencyKind:
 *  1. Each `agencyType` the preparer derived is mapped to a motcua kind; "provincial_department" is
 *     resolved to the right Sở by the agency names ("Sở Tư pháp" …) and otherwise by the field.
 *     Kinds that do not exist inside a province (ministry, diplomatic mission, notary) are skipped.
 *  2. Of several candidates: for a commune-level procedure the first commune kind wins (the
 *     two-tier reform put these at the commune even where a provincial office is listed too);
 *     otherwise the first candidate, except that the economic-zone board yields to a department
 *     when both are listed (it only handles projects inside economic/industrial zones).
 *  3. No candidate (agencyType null or only non-provincial kinds): inferred from field and level.
 */
import type { AgencyKind, ProcedureLevel } from './model.ts';
import { COMMUNE_AGENCY_KINDS } from './model.ts';
import type { SourceProcedure } from './source-types.ts';
import { stripDiacritics } from '../../platform/text.ts';
import { slug } from './text.ts';

interface FieldRule {
  /** Matched against the diacritic-free, lower-case field name. */
  match: RegExp;
  code: string;
  /** Department handling the field at province level. */
  department: AgencyKind;
  /** Kind when nothing else is known. */
  commune: AgencyKind;
}

/** Ordered: first match wins ("doanh nghiệp (hộ kinh doanh)" before "doanh nghiệp"). */
const FIELD_RULES: readonly FieldRule[] = [
  { match: /ho tich/, code: 'HO_TICH', department: 'department_justice', commune: 'commune_peoples_committee' },
  { match: /nuoi con nuoi/, code: 'NUOI_CON_NUOI', department: 'department_justice', commune: 'commune_peoples_committee' },
  { match: /chung thuc/, code: 'CHUNG_THUC', department: 'department_justice', commune: 'commune_peoples_committee' },
  { match: /bien phap bao dam/, code: 'BIEN_PHAP_BAO_DAM', department: 'land_registration_office', commune: 'commune_peoples_committee' },
  { match: /cu tru/, code: 'CU_TRU', department: 'provincial_police', commune: 'commune_police' },
  { match: /can cuoc/, code: 'CAN_CUOC', department: 'provincial_police', commune: 'commune_police' },
  { match: /xuat nhap canh/, code: 'XUAT_NHAP_CANH', department: 'provincial_police', commune: 'commune_police' },
  { match: /phuong tien giao thong/, code: 'DANG_KY_XE', department: 'provincial_police', commune: 'commune_police' },
  { match: /giay phep lai xe/, code: 'GIAY_PHEP_LAI_XE', department: 'provincial_police', commune: 'commune_police' },
  { match: /ho kinh doanh/, code: 'HO_KINH_DOANH', department: 'department_finance', commune: 'commune_peoples_committee' },
  { match: /hop tac xa/, code: 'HOP_TAC_XA', department: 'department_finance', commune: 'commune_peoples_committee' },
  { match: /doanh nghiep/, code: 'DOANH_NGHIEP', department: 'department_finance', commune: 'commune_peoples_committee' },
  { match: /xay dung/, code: 'XAY_DUNG', department: 'department_construction', commune: 'commune_peoples_committee' },
  { match: /dat dai/, code: 'DAT_DAI', department: 'land_registration_office', commune: 'commune_peoples_committee' },
  { match: /bhxh|bao hiem xa hoi/, code: 'BHXH', department: 'social_insurance', commune: 'commune_peoples_committee' },
  { match: /^thue/, code: 'THUE', department: 'tax_office', commune: 'commune_peoples_committee' },
  { match: /chinh sach/, code: 'CHINH_SACH', department: 'department_home_affairs', commune: 'commune_peoples_committee' },
];

const FALLBACK: Omit<FieldRule, 'match' | 'code'> = {
  department: 'public_service_center',
  commune: 'commune_peoples_committee',
};

function fieldRule(fieldName: string): FieldRule | undefined {
  const key = stripDiacritics(fieldName).toLowerCase();
  return FIELD_RULES.find((r) => r.match.test(key));
}

/** Stable short code of a field: from the table, else a slug of the name. */
export function fieldCodeOf(fieldName: string): string {
  return fieldRule(fieldName)?.code ?? slug(fieldName);
}

/** Department named in the agency text, if any. */
const DEPARTMENT_BY_NAME: readonly [RegExp, AgencyKind][] = [
  [/Sở Tư pháp/iu, 'department_justice'],
  [/Sở Tài chính/iu, 'department_finance'],
  [/Sở Xây dựng/iu, 'department_construction'],
  [/Sở Nông nghiệp/iu, 'department_agriculture_environment'],
  [/Sở Nội vụ/iu, 'department_home_affairs'],
  [/Sở Khoa học/iu, 'department_science_technology'],
];

function departmentOf(raw: SourceProcedure): AgencyKind {
  const text = (raw.agencies ?? []).join('; ');
  const named = DEPARTMENT_BY_NAME.find(([re]) => re.test(text));
  if (named) return named[1];
  const dept = (fieldRule(raw.field) ?? FALLBACK).department;
  // Land and secured transactions: the Sở above the land registration office.
  if (dept === 'land_registration_office') return 'department_agriculture_environment';
  // A field handled by a vertical agency still needs a Sở here: the one-stop centre routes it.
  return dept.startsWith('department_') ? dept : 'public_service_center';
}

function candidateKind(type: string, raw: SourceProcedure): AgencyKind | null {
  switch (type) {
    case 'commune_peoples_committee': return 'commune_peoples_committee';
    case 'commune_police': return 'commune_police';
    case 'land_registration_office': return 'land_registration_office';
    case 'provincial_department': return departmentOf(raw);
    case 'provincial_police': return 'provincial_police';
    case 'social_insurance_agency': return 'social_insurance';
    case 'tax_office': return 'tax_office';
    case 'economic_zone_management_board': return 'economic_zone_board';
    default: return null; // ministry, diplomatic_mission, notary: not a provincial agency
  }
}

export function inferAgencyKind(fieldName: string, level: ProcedureLevel): AgencyKind {
  const rule = fieldRule(fieldName) ?? FALLBACK;
  return level === 'commune' ? rule.commune : rule.department;
}

export function agencyKindOf(raw: SourceProcedure): AgencyKind {
  const candidates = (raw.agencyType ?? [])
    .map((t) => candidateKind(t, raw))
    .filter((k): k is AgencyKind => k != null);
  if (raw.level === 'commune') {
    const communeKind = candidates.find((k) => COMMUNE_AGENCY_KINDS.includes(k));
    if (communeKind) return communeKind;
  }
  const preferred = candidates.find((k) => k !== 'economic_zone_board') ?? candidates[0];
  return preferred ?? inferAgencyKind(raw.field, raw.level);
}
