import { describe, expect, it } from 'vitest';
import { AGENCY_KINDS, COMMUNE_AGENCY_KINDS } from './model.ts';
import { buildProvince, englishUnitName, resolveAgency, type AdminUnitsFile } from './province.ts';

const file: AdminUnitsFile = {
  provinces: [
    { code: '01', name: 'Thành phố Hà Nội', type: 'municipality', communes: [{ code: '00004', name: 'Phường Ba Đình', type: 'ward' }] },
    {
      code: '44', name: 'Tỉnh Quảng Trị', type: 'province',
      communes: [
        { code: '19742', name: 'Đặc khu Cồn Cỏ', type: 'special_zone' },
        { code: '18859', name: 'Phường Đồng Thuận', type: 'ward' },
        { code: '18901', name: 'Xã Minh Hóa', type: 'commune' },
      ],
    },
  ],
};

describe('buildProvince', () => {
  const { province, units, agencies } = buildProvince(file);

  it('returns the province and its units sorted by code', () => {
    expect(province).toEqual({ code: '44', name: 'Tỉnh Quảng Trị', type: 'province', parentCode: null });
    expect(units.map((u) => [u.code, u.type, u.parentCode])).toEqual([
      ['18859', 'ward', '44'], ['18901', 'commune', '44'], ['19742', 'special_zone', '44'],
    ]);
  });

  it('has one agency per provincial kind and two per commune, with unique short IDs', () => {
    expect(agencies).toHaveLength(13 + 2 * units.length);
    for (const kind of AGENCY_KINDS.filter((k) => !COMMUNE_AGENCY_KINDS.includes(k))) {
      expect(agencies.filter((a) => a.kind === kind), kind).toHaveLength(1);
    }
    const ids = agencies.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id.length).toBeLessThanOrEqual(35);
      expect(id).toMatch(/^000\.\d{2,5}\.\d{2}\.H50$/);
    }
    const byId = new Map(agencies.map((a) => [a.id, a]));
    for (const a of agencies) if (a.parentId) expect(byId.has(a.parentId), a.id).toBe(true);
  });

  it('names agencies in Vietnamese and English', () => {
    const find = (id: string) => agencies.find((a) => a.id === id);
    expect(find('000.00.00.H50')).toMatchObject({ name: 'Ủy ban nhân dân tỉnh Quảng Trị', nameEn: "People's Committee of Quang Tri Province", kind: 'province_peoples_committee' });
    expect(find('000.00.01.H50')).toMatchObject({ name: 'Trung tâm Phục vụ hành chính công tỉnh Quảng Trị', kind: 'public_service_center' });
    expect(find('000.00.02.H50')).toMatchObject({ name: 'Sở Tư pháp tỉnh Quảng Trị', nameEn: 'Department of Justice of Quang Tri Province' });
    expect(find('000.01.05.H50')).toMatchObject({ kind: 'land_registration_office', parentId: '000.00.05.H50' });
    expect(find('000.18859.00.H50')).toMatchObject({ name: 'Ủy ban nhân dân Phường Đồng Thuận', nameEn: "People's Committee of Dong Thuan Ward", unitCode: '18859', parentId: '000.00.00.H50' });
    expect(find('000.18859.09.H50')).toMatchObject({ name: 'Công an Phường Đồng Thuận', nameEn: 'Police of Dong Thuan Ward', kind: 'commune_police', parentId: '000.00.09.H50' });
    expect(englishUnitName('Đặc khu Cồn Cỏ', 'special_zone')).toBe('Con Co Special Zone');
  });

  it('resolves commune kinds by commune and provincial kinds regardless of it', () => {
    expect(resolveAgency(agencies, 'commune_peoples_committee', '18901')?.id).toBe('000.18901.00.H50');
    expect(resolveAgency(agencies, 'commune_police', '18901')?.id).toBe('000.18901.09.H50');
    expect(resolveAgency(agencies, 'commune_police', null)).toBeUndefined();
    expect(resolveAgency(agencies, 'commune_police', '99999')).toBeUndefined();
    expect(resolveAgency(agencies, 'department_finance', '18901')?.id).toBe('000.00.03.H50');
    expect(resolveAgency(agencies, 'tax_office', null)?.name).toBe('Thuế tỉnh Quảng Trị');
  });

  it('refuses unknown provinces and provinces without an ID group', () => {
    expect(() => buildProvince(file, '99')).toThrow(/province 99 not found/);
    expect(() => buildProvince(file, '01')).toThrow(/no agency ID group/);
    expect(buildProvince(file, '01', { agencyGroup: 'H26' }).agencies[0]?.id).toBe('000.00.00.H26');
  });
});
