/**
 * JSON Schema (draft-07) checking without code generation. Ajv compiles schemas with `new Function`,
 * which the platform's Content-Security-Policy (script-src 'self', no 'unsafe-eval') forbids, so the
 * browser checks the keywords the e-forms use here and the server (Ajv) stays the authority: its
 * 422 field errors are shown on the fields too. Unknown keywords are ignored.
 */
import type { RJSFValidationError } from '@rjsf/utils';
import type { JsonSchema } from '../api/types.ts';

export type Msg = (key: string, params?: Record<string, unknown>) => string;

const FORMATS: Record<string, (s: string) => boolean> = {
  date: (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
  'date-time': (s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(s) && !Number.isNaN(Date.parse(s)),
  email: (s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
  uri: (s) => /^[a-z][a-z0-9+.-]*:\S+$/i.test(s),
};

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(expected: string, v: unknown): boolean {
  const actual = typeOf(v);
  return expected === actual || (expected === 'number' && actual === 'integer');
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#')) return schema;
  let node: unknown = root;
  for (const part of ref.slice(2).split('/').filter(Boolean)) node = (node as Record<string, unknown> | undefined)?.[decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~'))];
  return (node as JsonSchema | undefined) ?? {};
}

export function check(schemaIn: JsonSchema, value: unknown, msg: Msg, root: JsonSchema = schemaIn, path: string[] = [], schemaPath = '#'): RJSFValidationError[] {
  const schema = resolve(schemaIn, root);
  const out: RJSFValidationError[] = [];
  const title = schema.title ?? path.at(-1) ?? '';
  const add = (name: string, params: Record<string, unknown> = {}, at = path, field = title) => {
    const message = msg(`eform.errors.${name}`, params);
    const property = at.length ? `.${at.join('.')}` : '';
    out.push({ name, property, message, params, schemaPath: `${schemaPath}/${name}`, stack: field ? `${field}: ${message}` : message, title: field });
  };
  if (value === undefined) return out;

  if (schema.const !== undefined && !same(schema.const, value)) add('const');
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => same(e, value))) add('enum');
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : schema.type ? [schema.type] : [];
  if (types.length && !types.some((t) => typeMatches(t, value))) {
    add('type', { type: types.join(', ') });
    return out;
  }
  if (Array.isArray(schema.oneOf)) {
    const passing = schema.oneOf.filter((s, i) => check(s as JsonSchema, value, msg, root, path, `${schemaPath}/oneOf/${i}`).length === 0).length;
    if (passing !== 1) add(schema.oneOf.every((s) => 'const' in s) ? 'enum' : 'oneOf');
  }
  if (Array.isArray(schema.anyOf) && !(schema.anyOf as JsonSchema[]).some((s) => check(s, value, msg, root, path).length === 0)) add('anyOf');
  if (Array.isArray(schema.allOf)) (schema.allOf as JsonSchema[]).forEach((s, i) => out.push(...check(s, value, msg, root, path, `${schemaPath}/allOf/${i}`)));
  if (schema.if && typeof schema.if === 'object') {
    const branch = check(schema.if as JsonSchema, value, msg, root, path).length === 0 ? schema.then : schema.else;
    if (branch && typeof branch === 'object') out.push(...check(branch as JsonSchema, value, msg, root, path, schemaPath));
  }

  if (typeof value === 'string') {
    const len = [...value].length;
    if (schema.minLength !== undefined && len < schema.minLength) add(schema.minLength === 1 ? 'required' : 'minLength', { limit: schema.minLength });
    if (schema.maxLength !== undefined && len > schema.maxLength) add('maxLength', { limit: schema.maxLength });
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) add('pattern');
    if (schema.format && FORMATS[schema.format] && !FORMATS[schema.format]!(value)) add(`format_${schema.format}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) add('minimum', { limit: schema.minimum });
    if (schema.maximum !== undefined && value > schema.maximum) add('maximum', { limit: schema.maximum });
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) add('exclusiveMinimum', { limit: schema.exclusiveMinimum });
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) add('exclusiveMaximum', { limit: schema.exclusiveMaximum });
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) add('minItems', { limit: schema.minItems });
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) add('maxItems', { limit: schema.maxItems });
    if (schema.items && !Array.isArray(schema.items)) value.forEach((v, i) => out.push(...check(schema.items!, v, msg, root, [...path, String(i)], `${schemaPath}/items`)));
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (obj[key] === undefined) {
        const sub = schema.properties?.[key];
        add('required', { missingProperty: key }, [...path, key], sub?.title ?? key);
      }
    }
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      out.push(...check(sub, obj[key], msg, root, [...path, key], `${schemaPath}/properties/${key}`));
    }
    if (schema.additionalProperties === false) {
      for (const key of Object.keys(obj)) if (!schema.properties?.[key] && obj[key] !== undefined) add('additionalProperties', { property: key }, [...path, key], key);
    }
  }
  return out;
}
