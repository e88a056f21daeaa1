/** Fills an e-form JSON Schema with valid sample values (tests and benchmarks). */
type Schema = {
  type?: string; properties?: Record<string, Schema>; required?: string[]; oneOf?: { const: unknown }[]; enum?: unknown[];
  pattern?: string; format?: string; minLength?: number; minimum?: number; items?: Schema; const?: unknown; default?: unknown;
};

function sample(name: string, s: Schema, prefer: Record<string, unknown>): unknown {
  if (name in prefer) return prefer[name];
  if (s.const !== undefined) return s.const;
  if (s.oneOf?.length) return s.oneOf[0]!.const;
  if (s.enum?.length) return s.enum[0];
  switch (s.type) {
    case 'object': return fill(s, prefer);
    case 'array': return [];
    case 'integer':
    case 'number': return Math.max(1, s.minimum ?? 1);
    case 'boolean': return true;
  }
  if (s.format === 'date') return '1990-05-17';
  if (s.format === 'email') return 'nguoidan@example.vn';
  if (s.pattern?.includes('{12}')) return '045095001234';
  if (s.pattern?.startsWith('^0')) return '0912345678';
  if (s.pattern) throw new Error(`sample-form: no sample for pattern ${s.pattern} (${name})`);
  return 'Nội dung mẫu'.padEnd(s.minLength ?? 0, '.');
}

export function fill(schema: Schema, prefer: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of schema.required ?? []) out[key] = sample(key, schema.properties?.[key] ?? {}, prefer);
  for (const [k, v] of Object.entries(prefer)) if (schema.properties?.[k]) out[k] = v;
  return out;
}
