import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { CatalogSeed } from './catalog-seed.ts';
import type { JsonSchema } from './model.ts';
import { APPLICANT_FIELDS, EFORM_SCHEMA_DIALECT, eformFor, eformTemplateFor } from './eforms.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const seed = JSON.parse(readFileSync(new URL('../../../seed/catalog.json', import.meta.url), 'utf8')) as CatalogSeed;
const online = seed.procedures.filter((p) => p.eform != null);

const KNOWN: Record<string, unknown> = {
  applicantName: 'Nguyễn Văn An',
  applicantIdNumber: '044090000123',
  applicantPhone: '0912345678',
  address: 'Số 12 đường Lý Thường Kiệt',
  communeCode: '18859',
};

/** Minimal valid form data: every required property with a plausible value. */
function sample(schema: JsonSchema): Record<string, unknown> {
  const props = schema['properties'] as Record<string, JsonSchema>;
  const out: Record<string, unknown> = {};
  for (const key of schema['required'] as string[]) {
    const s = props[key] as JsonSchema;
    if (key in KNOWN) out[key] = KNOWN[key];
    else if (Array.isArray(s['oneOf'])) out[key] = (s['oneOf'][0] as { const: string }).const;
    else if (Array.isArray(s['enum'])) out[key] = s['enum'][0];
    else if (s['type'] === 'integer') out[key] = (s['minimum'] as number | undefined) ?? 1;
    else if (s['type'] === 'number') out[key] = 120.5;
    else if (s['format'] === 'date') out[key] = '2026-01-15';
    else if (s['pattern'] != null) throw new Error(`no sample for required patterned field ${key}`);
    else out[key] = 'Nội dung mẫu';
  }
  return out;
}

function newAjv(): Ajv {
  return addFormats(new Ajv({ allErrors: true })); // strict mode: unknown keywords would throw
}

describe('e-forms', () => {
  it('at least 40 procedures have an online e-form', () => {
    expect(online.length).toBeGreaterThanOrEqual(40);
  });

  it('every e-form is draft-07, compiles in strict Ajv, accepts a sample and rejects bad data', () => {
    const ajv = newAjv();
    for (const p of online) {
      const schema = p.eform as JsonSchema;
      expect(schema['$schema'], p.code).toBe(EFORM_SCHEMA_DIALECT);
      expect(schema['additionalProperties'], p.code).toBe(false);
      expect(Object.keys(schema['properties'] as object).slice(0, APPLICANT_FIELDS.length)).toEqual([...APPLICANT_FIELDS]);
      expect(schema['required'], p.code).toContain('communeCode');
      const validate = ajv.compile(schema);
      const good = sample(schema);
      expect(validate(good), `${p.code}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(validate({ ...good, applicantIdNumber: '12345' }), p.code).toBe(false);
      expect(validate({ ...good, communeCode: '00004' }), p.code).toBe(false); // a Hà Nội ward
      expect(validate({ ...good, somethingElse: 1 }), p.code).toBe(false);
      const { communeCode: _omit, ...withoutCommune } = good;
      expect(validate(withoutCommune), p.code).toBe(false);
    }
  });

  it('offers every commune of the province by code with its name', () => {
    const schema = online[0]?.eform as JsonSchema;
    const commune = (schema['properties'] as Record<string, JsonSchema>)['communeCode'] as JsonSchema;
    const options = commune['oneOf'] as { const: string; title: string }[];
    expect(options).toHaveLength(seed.units.length);
    expect(options).toContainEqual({ const: '18859', title: 'Phường Đồng Thuận' });
  });

  it('gives birth registration its fields, validated as dates and enums', () => {
    const p = seed.procedures.find((x) => x.code === '1.001193');
    const schema = p?.eform as JsonSchema;
    expect(schema['required']).toEqual(expect.arrayContaining(['childFullName', 'childDateOfBirth', 'childSex', 'childPlaceOfBirth']));
    const validate = newAjv().compile(schema);
    const data = {
      ...sample(schema), applicantEmail: 'an.nguyen@example.vn', childFullName: 'Nguyễn Minh Khôi',
      childDateOfBirth: '2026-03-02', childSex: 'Nam', childPlaceOfBirth: 'Bệnh viện Hữu nghị Việt Nam - Cu Ba Đồng Hới',
      motherFullName: 'Trần Thị Bình', fatherFullName: 'Nguyễn Văn An',
    };
    expect(validate(data), newAjv().errorsText(validate.errors)).toBe(true);
    expect(validate({ ...data, childDateOfBirth: '02/03/2026' })).toBe(false);
    expect(validate({ ...data, childSex: 'Khác' })).toBe(false);
    expect(validate({ ...data, applicantPhone: '0212345678' })).toBe(false);
    expect(validate({ ...data, applicantEmail: 'not-an-email' })).toBe(false);
  });

  it('chooses templates by procedure name and field', () => {
    const t = (name: string, fieldName = '') => eformTemplateFor({ code: 'x', name, fieldName }).id;
    expect(t('Thủ tục đăng ký khai sinh', 'Hộ tịch')).toBe('birth');
    expect(t('Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh', 'Hộ tịch')).toBe('certification');
    expect(t('Thủ tục đăng ký kết hôn')).toBe('marriage');
    expect(t('Đăng ký lại khai tử')).toBe('death');
    expect(t('Đăng ký thường trú', 'Đăng ký, quản lý cư trú')).toBe('residence');
    expect(t('Đăng ký thành lập hộ kinh doanh')).toBe('household_business_registration');
    expect(t('Đăng ký thành lập công ty cổ phần', 'Thành lập và hoạt động của doanh nghiệp')).toBe('enterprise');
    expect(t('Cấp giấy phép xây dựng mới đối với công trình cấp III')).toBe('construction_permit');
    expect(t('Tách thửa hoặc hợp thửa đất.', 'Đất đai')).toBe('land');
    expect(t('Cấp lại chứng nhận đăng ký xe, biển số xe')).toBe('vehicle');
    expect(t('Cấp thẻ căn cước cho người dưới 14 tuổi', 'Cấp, quản lý căn cước')).toBe('generic');
  });

  it('falls back to the 5-digit code format without a commune list', () => {
    const schema = eformFor({ code: '1.001193', name: 'Thủ tục đăng ký khai sinh', fieldName: 'Hộ tịch' }, []);
    const validate = newAjv().compile(schema);
    expect(validate({ ...sample(schema), communeCode: '18859' })).toBe(true);
    expect(validate({ ...sample(schema), communeCode: 'x' })).toBe(false);
  });
});
