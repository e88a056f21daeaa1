/** Validates e-form data against a procedure version's JSON Schema (Ajv, compiled once per version). */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema } from '../catalog/index.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: false }));
const cache = new Map<string, ValidateFunction>();

export function validateForm(key: string, schema: JsonSchema, data: unknown): { pointer: string; detail: string }[] {
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    if (cache.size > 2000) cache.clear();
    cache.set(key, validate);
  }
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => {
    const missing = e.keyword === 'required' ? `/${(e.params as { missingProperty: string }).missingProperty}` : '';
    const extra = e.keyword === 'additionalProperties' ? `/${(e.params as { additionalProperty: string }).additionalProperty}` : '';
    return { pointer: `/body/formData${e.instancePath}${missing}${extra}`, detail: e.message ?? 'invalid' };
  });
}
