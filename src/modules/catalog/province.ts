/**
 * A province's administrative units and agencies from shared/data/admin-units-2025.json. Pure.
 *
 * Agency IDs follow Decision 20/2020/QĐ-TTg: four dot-separated groups, read right to left as
 * <level 3>.<level 2>.<level 1>.<province group>, e.g. 000.00.02.H50:
 *  - 000.00.00.H50        Ủy ban nhân dân tỉnh (the province itself);
 *  - 000.00.NN.H50        level-1 provincial agencies, NN from PROVINCIAL (fixed, never reused):
 *                         01 public service centre, 02–07 departments, 08 economic-zone board,
 *                         09 provincial police, 10 social insurance, 11 tax;
 *  - 000.01.05.H50        Văn phòng Đăng ký đất đai (level 2 under 05, Sở Nông nghiệp và Môi trường);
 *  - 000.CCCCC.00.H50     the People's Committee of commune CCCCC (5-digit official code,
 *                         1027/CTK-CSCL) — level 2 directly under the province (no districts since 2025);
 *  - 000.CCCCC.09.H50     the police of commune CCCCC, level 2 under the provincial police.
 * Built from official codes only, so IDs are unique, stable across rebuilds, and ≤ 16 characters.
 * The province group (H50 for Quảng Trị) is configuration: pass it for other provinces.
 */
import type { AdminUnit, Agency, AgencyKind } from './model.ts';
import { COMMUNE_AGENCY_KINDS } from './model.ts';
import { stripDiacritics } from '../../platform/text.ts';

/** The shape of admin-units-2025.json (fields motcua reads). */
export interface AdminUnitsFile {
  effectiveDate?: string;
  source?: Record<string, unknown>;
  provinces: {
    code: string;
    name: string;
    type: 'province' | 'municipality';
    mergedFrom?: { code: string; name: string }[];
    communes: { code: string; name: string; type: 'commune' | 'ward' | 'special_zone' }[];
  }[];
}

export interface ProvinceCatalog {
  province: AdminUnit;
  units: AdminUnit[];
  agencies: Agency[];
}

/** Decision 20/2020 province groups known to motcua. */
export const PROVINCE_AGENCY_GROUP: Readonly<Record<string, string>> = { '44': 'H50' };

interface ProvincialAgency {
  n: string;
  kind: AgencyKind;
  /** {p} = "tỉnh Quảng Trị"; {P} = "Quang Tri Province". */
  vi: string;
  en: string;
  /** Reports to the provincial People's Committee (false: vertical, central-government agencies). */
  underPpc: boolean;
}

const PROVINCIAL: readonly ProvincialAgency[] = [
  { n: '01', kind: 'public_service_center', vi: 'Trung tâm Phục vụ hành chính công {p}', en: 'Public Administration Service Center of {P}', underPpc: true },
  { n: '02', kind: 'department_justice', vi: 'Sở Tư pháp {p}', en: 'Department of Justice of {P}', underPpc: true },
  { n: '03', kind: 'department_finance', vi: 'Sở Tài chính {p}', en: 'Department of Finance of {P}', underPpc: true },
  { n: '04', kind: 'department_construction', vi: 'Sở Xây dựng {p}', en: 'Department of Construction of {P}', underPpc: true },
  { n: '05', kind: 'department_agriculture_environment', vi: 'Sở Nông nghiệp và Môi trường {p}', en: 'Department of Agriculture and Environment of {P}', underPpc: true },
  { n: '06', kind: 'department_home_affairs', vi: 'Sở Nội vụ {p}', en: 'Department of Home Affairs of {P}', underPpc: true },
  { n: '07', kind: 'department_science_technology', vi: 'Sở Khoa học và Công nghệ {p}', en: 'Department of Science and Technology of {P}', underPpc: true },
  { n: '08', kind: 'economic_zone_board', vi: 'Ban Quản lý Khu kinh tế {p}', en: 'Economic Zone Authority of {P}', underPpc: true },
  { n: '09', kind: 'provincial_police', vi: 'Công an {p}', en: 'Police of {P}', underPpc: false },
  { n: '10', kind: 'social_insurance', vi: 'Bảo hiểm xã hội {p}', en: 'Social Security of {P}', underPpc: false },
  { n: '11', kind: 'tax_office', vi: 'Thuế {p}', en: 'Tax Department of {P}', underPpc: false },
];

const LAND_OFFICE = { level2: '01', parent: '05' } as const;
const COMMUNE_PPC_BLOCK = '00';
const COMMUNE_POLICE_BLOCK = '09';

const UNIT_EN: Record<AdminUnit['type'], string> = {
  province: 'Province', municipality: 'City', commune: 'Commune', ward: 'Ward', special_zone: 'Special Zone',
};

/** "Phường Đồng Thuận" → "Dong Thuan Ward"; "Tỉnh Quảng Trị" → "Quang Tri Province". */
export function englishUnitName(name: string, type: AdminUnit['type']): string {
  const bare = name.replace(/^(Tỉnh|Thành phố|Phường|Xã|Đặc khu)\s+/u, '');
  return `${stripDiacritics(bare)} ${UNIT_EN[type]}`;
}

export function buildProvince(
  adminUnits: AdminUnitsFile, provinceCode = '44', opts: { agencyGroup?: string } = {},
): ProvinceCatalog {
  const src = adminUnits.provinces.find((p) => p.code === provinceCode);
  if (!src) throw new Error(`province ${provinceCode} not found in the administrative-unit file`);
  const group = opts.agencyGroup ?? PROVINCE_AGENCY_GROUP[provinceCode];
  if (!group) throw new Error(`no agency ID group (Decision 20/2020) configured for province ${provinceCode}`);

  const province: AdminUnit = { code: src.code, name: src.name, type: src.type, parentCode: null };
  const units: AdminUnit[] = [...src.communes]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((c) => ({ code: c.code, name: c.name, type: c.type, parentCode: src.code }));

  const id = (level2: string, level1: string) => `000.${level2}.${level1}.${group}`;
  const p = src.name.replace(/^(Tỉnh|Thành phố)/u, (m) => m.toLowerCase()); // "tỉnh Quảng Trị"
  const pEn = englishUnitName(src.name, src.type);
  const fill = (s: string, vi: boolean) => s.replace(vi ? '{p}' : '{P}', vi ? p : pEn);
  const ppcId = id('00', '00');

  const agencies: Agency[] = [
    { id: ppcId, name: `Ủy ban nhân dân ${p}`, nameEn: `People's Committee of ${pEn}`, kind: 'province_peoples_committee', unitCode: null, parentId: null },
  ];
  for (const a of PROVINCIAL) {
    agencies.push({ id: id('00', a.n), name: fill(a.vi, true), nameEn: fill(a.en, false), kind: a.kind, unitCode: null, parentId: a.underPpc ? ppcId : null });
    if (a.n === LAND_OFFICE.parent) {
      agencies.push({
        id: id(LAND_OFFICE.level2, LAND_OFFICE.parent), name: `Văn phòng Đăng ký đất đai ${p}`,
        nameEn: `Land Registration Office of ${pEn}`, kind: 'land_registration_office', unitCode: null,
        parentId: id('00', LAND_OFFICE.parent),
      });
    }
  }
  for (const u of units) {
    const en = englishUnitName(u.name, u.type);
    agencies.push(
      { id: id(u.code, COMMUNE_PPC_BLOCK), name: `Ủy ban nhân dân ${u.name}`, nameEn: `People's Committee of ${en}`, kind: 'commune_peoples_committee', unitCode: u.code, parentId: ppcId },
      { id: id(u.code, COMMUNE_POLICE_BLOCK), name: `Công an ${u.name}`, nameEn: `Police of ${en}`, kind: 'commune_police', unitCode: u.code, parentId: id('00', COMMUNE_POLICE_BLOCK) },
    );
  }
  return { province, units, agencies };
}

/**
 * The concrete agency for a kind. Commune kinds need the applicant's commune code (undefined
 * without it); provincial kinds ignore it.
 */
export function resolveAgency(agencies: readonly Agency[], kind: AgencyKind, communeCode: string | null): Agency | undefined {
  if (COMMUNE_AGENCY_KINDS.includes(kind)) {
    if (communeCode == null) return undefined;
    return agencies.find((a) => a.kind === kind && a.unitCode === communeCode);
  }
  return agencies.find((a) => a.kind === kind && a.unitCode == null);
}
