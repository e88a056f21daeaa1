import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalog, fieldsOf, serializeSeed, type CatalogSeed } from './catalog-seed.ts';
import { AGENCY_KINDS, COMMUNE_AGENCY_KINDS } from './model.ts';
import { resolveAgency, type AdminUnitsFile } from './province.ts';

const SEED = new URL('../../../seed/catalog.json', import.meta.url);
const SHARED = new URL('../../../../shared/data/', import.meta.url);
const SHARED_PROCEDURES = new URL('procedures-sample.json', SHARED);

const seedText = readFileSync(SEED, 'utf8');
const seed = JSON.parse(seedText) as CatalogSeed;
const byCode = new Map(seed.procedures.map((p) => [p.code, p]));

describe('seed/catalog.json invariants', () => {
  it('is in the committed format (one record per line)', () => {
    expect(serializeSeed(seed)).toBe(seedText);
  });

  it('holds Quảng Trị with its 78 units and 2 × 78 + 13 agencies with unique IDs ≤ 35 chars', () => {
    expect(seed.province).toMatchObject({ code: '44', name: 'Tỉnh Quảng Trị' });
    expect(seed.units).toHaveLength(78);
    expect(seed.agencies).toHaveLength(2 * 78 + 13);
    const ids = seed.agencies.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.max(...ids.map((id) => id.length))).toBeLessThanOrEqual(35);
  });

  it('maps every one of the 136 procedures to an agency kind that resolves in the province', () => {
    expect(seed.procedures).toHaveLength(136);
    const commune = seed.units[0]?.code ?? null;
    for (const p of seed.procedures) {
      expect(AGENCY_KINDS, p.code).toContain(p.agencyKind);
      const agency = resolveAgency(seed.agencies, p.agencyKind, COMMUNE_AGENCY_KINDS.includes(p.agencyKind) ? commune : null);
      expect(agency, p.code).toBeDefined();
    }
  });

  it('keeps channels, online level and e-form consistent', () => {
    for (const p of seed.procedures) {
      const hasOnline = p.channels.some((c) => c.channel === 'online');
      expect(hasOnline, p.code).toBe(p.onlineLevel != null);
      expect(p.eform != null, p.code).toBe(p.onlineLevel != null);
      expect(new Set(p.channels.map((c) => c.channel)).size, p.code).toBe(p.channels.length);
      for (const c of p.channels) if (c.workingDays != null) expect(Number.isInteger(c.workingDays) && c.workingDays > 0, p.code).toBe(true);
      expect(p.steps, p.code).toHaveLength(4);
      expect(p.legalBasis.length, p.code).toBeGreaterThan(0);
    }
  });

  it('numbers components TP01, TP02… uniquely per procedure', () => {
    for (const p of seed.procedures) {
      const codes = p.components.map((c) => c.code);
      expect(codes, p.code).toEqual(codes.map((_, i) => `TP${String(i + 1).padStart(2, '0')}`));
      for (const c of p.components) expect(c.originals + c.copies, `${p.code} ${c.code}`).toBeGreaterThan(0);
    }
  });

  it('lists exactly the fields the procedures use, codes unique', () => {
    expect(seed.fields).toEqual(fieldsOf(seed.procedures));
    expect(new Set(seed.fields.map((f) => f.name)).size).toBe(seed.fields.length);
  });

  it('maps 1.001193 Đăng ký khai sinh as published', () => {
    const p = byCode.get('1.001193');
    expect(p).toMatchObject({
      name: 'Thủ tục đăng ký khai sinh', fieldCode: 'HO_TICH', level: 'commune',
      agencyKind: 'commune_peoples_committee', onlineLevel: 'partial', results: [{ code: 'KQ.G15.000031', name: 'Giấy khai sinh' }],
    });
    expect(p?.channels).toEqual([
      { channel: 'direct', workingDays: 1, workingDaysFrom: 'unspecified_unit', timeText: '1', feeVND: 0, feeText: 'Miễn phí' },
      { channel: 'online', workingDays: 1, workingDaysFrom: 'unspecified_unit', timeText: '1', feeVND: 0, feeText: 'Miễn phí' },
      { channel: 'postal', workingDays: 1, workingDaysFrom: 'unspecified_unit', timeText: '1', feeVND: 0, feeText: 'Miễn phí' },
    ]);
    expect(p?.legalBasis[0]).toBe('Quyết định công bố 163/QĐ-BTP');
    const required = p?.components.filter((c) => c.required).map((c) => c.name.slice(0, 16));
    expect(required).toEqual(['Giấy chứng sinh;', 'Hộ chiếu/Thẻ căn']);
    const props = Object.keys((p?.eform?.['properties'] ?? {}) as object);
    expect(props).toEqual(expect.arrayContaining(['childFullName', 'childDateOfBirth', 'childSex', 'childPlaceOfBirth', 'motherFullName', 'fatherFullName']));
  });

  it('gives provincial procedures the right department', () => {
    expect(byCode.get('2.001583')?.agencyKind).toBe('department_finance');
    expect(byCode.get('1.013236')?.agencyKind).toBe('department_construction');
    expect(byCode.get('2.000635')?.agencyKind).toBe('department_justice');
    expect(byCode.get('1.012783')?.agencyKind).toBe('land_registration_office');
    expect(byCode.get('1.001456')?.agencyKind).toBe('provincial_police');
    expect(byCode.get('2.000693')?.agencyKind).toBe('social_insurance');
    expect(byCode.get('1.011022')?.agencyKind).toBe('tax_office');
  });
});

describe('seed/catalog.json is up to date with the mapping', () => {
  it.runIf(existsSync(SHARED_PROCEDURES))('equals a fresh mapping of ../shared/data (rebuild: npx tsx scripts/build-seed.ts)', () => {
    const adminBuf = readFileSync(new URL('admin-units-2025.json', SHARED));
    const procBuf = readFileSync(SHARED_PROCEDURES);
    const fresh = buildCatalog(JSON.parse(adminBuf.toString('utf8')) as AdminUnitsFile, JSON.parse(procBuf.toString('utf8')), '44');
    const { generatedFrom, ...committed } = seed;
    expect(JSON.parse(JSON.stringify(fresh))).toEqual(committed);
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(generatedFrom.sources.map((s) => s.sha256)).toEqual([sha(adminBuf), sha(procBuf)]);
  });
});
