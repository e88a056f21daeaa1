/**
 * The procedure's e-form, ready for @rjsf in the UI language: e-form titles are Vietnamese and each
 * property's `description` is its English label, so English uses the description as the label. The
 * ui schema orders the applicant block first and picks phone-friendly widgets.
 */
import type { UiSchema } from '@rjsf/utils';
import type { JsonSchema } from '../api/types.ts';

/** The common applicant block of every e-form, in this order. */
const APPLICANT_ORDER = ['applicantName', 'applicantIdNumber', 'applicantPhone', 'applicantEmail', 'address', 'communeCode'];
const AUTOCOMPLETE: Record<string, string> = {
  applicantName: 'name', applicantPhone: 'tel', applicantEmail: 'email', address: 'street-address',
};

function localizeProperty(p: JsonSchema, lang: string): JsonSchema {
  const { description, ...rest } = p;
  const out: JsonSchema = { ...rest };
  if (lang === 'en' && description) out.title = description;
  if (p.properties) out.properties = Object.fromEntries(Object.entries(p.properties).map(([k, v]) => [k, localizeProperty(v, lang)]));
  if (p.items && !Array.isArray(p.items)) out.items = localizeProperty(p.items, lang);
  return out;
}

export function localizeSchema(schema: JsonSchema, lang: string, legend: string): JsonSchema {
  const { $schema: _dialect, description: _description, ...rest } = schema;
  return { ...localizeProperty(rest, lang), title: legend };
}

export function uiSchemaFor(schema: JsonSchema, choose: string): UiSchema {
  const props = schema.properties ?? {};
  const names = Object.keys(props);
  const order = [
    ...APPLICANT_ORDER.filter((n) => n in props),
    ...(schema.required ?? []).filter((n) => n in props && !APPLICANT_ORDER.includes(n)),
    '*',
  ];
  const ui: UiSchema = { 'ui:order': order, 'ui:submitButtonOptions': { norender: true } };
  for (const name of names) {
    const p = props[name]!;
    const field: Record<string, unknown> = {};
    if (AUTOCOMPLETE[name]) field['ui:autocomplete'] = AUTOCOMPLETE[name];
    if (name === 'applicantPhone') field['ui:options'] = { inputType: 'tel' };
    if (Array.isArray(p.enum) && p.enum.length <= 3) field['ui:widget'] = 'radio';
    else if (Array.isArray(p.enum) || Array.isArray(p.oneOf)) field['ui:placeholder'] = choose;
    if (p.type === 'string' && (p.maxLength ?? 0) > 500) field['ui:widget'] = 'textarea';
    if (Object.keys(field).length) ui[name] = field;
  }
  return ui;
}

/** Server field errors (/body/formData/x) → an rjsf error schema { x: { __errors: [...] } }. */
export function serverErrors(errors: { pointer: string; detail: string }[]): Record<string, { __errors: string[] }> {
  const out: Record<string, { __errors: string[] }> = {};
  for (const e of errors) {
    const m = /^\/body\/formData\/([^/]+)/.exec(e.pointer);
    if (m) (out[m[1]!] ??= { __errors: [] }).__errors.push(e.detail);
  }
  return out;
}
