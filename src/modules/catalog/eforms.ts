/**
 * E-forms for online submission: one JSON Schema (draft-07, what Ajv's default build and @rjsf
 * understand) per procedure = the common applicant block + the fields of the first matching
 * template in eform-templates.ts. Vietnamese `title`s, English in `description`; no custom
 * keywords, so Ajv's strict mode accepts the schemas as they are. Pure.
 */
import type { JsonSchema } from './model.ts';
import { EFORM_TEMPLATES, GENERIC_TEMPLATE, type EformTemplate } from './eform-templates.ts';
import { stripDiacritics } from '../../platform/text.ts';

export const EFORM_SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';

/** What the e-form depends on; a Procedure satisfies it. */
export interface EformSubject {
  code: string;
  name: string;
  fieldName: string;
}

export interface CommuneOption {
  code: string;
  name: string;
}

/** Properties every e-form has, in this order. */
export const APPLICANT_FIELDS = [
  'applicantName', 'applicantIdNumber', 'applicantPhone', 'applicantEmail', 'address', 'communeCode',
] as const;

const APPLICANT_REQUIRED = ['applicantName', 'applicantIdNumber', 'applicantPhone', 'address', 'communeCode'];

function fold(s: string): string {
  return stripDiacritics(s).toLowerCase().replace(/\s+/g, ' ');
}

export function eformTemplateFor(p: EformSubject): EformTemplate {
  const key = fold(`${p.name} | ${p.fieldName}`);
  return EFORM_TEMPLATES.find((t) => t.match.test(key) && !(t.exclude?.test(key) ?? false)) ?? GENERIC_TEMPLATE;
}

/**
 * The applicant's commune/ward/special zone in the province. Commune-level dossiers are routed to
 * that commune's agency by it, so it is required on every form. Without a commune list (a
 * province-independent mapping) it falls back to the 5-digit code format.
 */
function communeProperty(communes: readonly CommuneOption[]): JsonSchema {
  const base = {
    type: 'string',
    title: 'Xã, phường, đặc khu nơi cư trú',
    description: 'Commune, ward or special zone of residence in the province (routes the dossier)',
  };
  if (communes.length === 0) return { ...base, pattern: '^[0-9]{5}$' };
  return { ...base, oneOf: communes.map((c) => ({ const: c.code, title: c.name })) };
}

function applicantProperties(communes: readonly CommuneOption[]): Record<string, JsonSchema> {
  return {
    applicantName: {
      type: 'string', title: 'Họ, chữ đệm và tên người nộp hồ sơ', description: "Applicant's full name",
      minLength: 2, maxLength: 100,
    },
    applicantIdNumber: {
      type: 'string', title: 'Số định danh cá nhân (CCCD)', description: 'Personal ID number (12 digits)',
      pattern: '^[0-9]{12}$',
    },
    applicantPhone: {
      type: 'string', title: 'Số điện thoại di động', description: 'Vietnamese mobile number, e.g. 0912345678',
      pattern: '^0[35789][0-9]{8}$',
    },
    applicantEmail: {
      type: 'string', title: 'Thư điện tử', description: 'E-mail (optional)', format: 'email', maxLength: 254,
    },
    address: {
      type: 'string', title: 'Địa chỉ liên hệ', description: 'Contact address (house number, street, village)',
      minLength: 1, maxLength: 255,
    },
    communeCode: communeProperty(communes),
  };
}

/** The e-form of a procedure offered online. */
export function eformFor(p: EformSubject, communes: readonly CommuneOption[]): JsonSchema {
  const t = eformTemplateFor(p);
  const common = applicantProperties(communes);
  for (const k of Object.keys(t.properties)) {
    if (k in common) throw new Error(`e-form template ${t.id} redefines applicant field ${k}`);
  }
  return {
    $schema: EFORM_SCHEMA_DIALECT,
    title: p.name,
    description: `Online application for procedure ${p.code} (form: ${t.id})`,
    type: 'object',
    properties: { ...common, ...t.properties },
    required: [...APPLICANT_REQUIRED, ...t.required],
    additionalProperties: false,
  };
}
