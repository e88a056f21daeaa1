/**
 * Bad input for the route fuzz test, generated with fast-check from the OpenAPI document: each route's
 * parameters and JSON body are walked and filled with values that are sometimes right and often wrong
 * (NUL characters, lone surrogates, huge integers, wrong types, garbage cursors, missing or malformed
 * bodies, malformed multipart, overlong URLs).
 */
import fc from 'fast-check';

export interface OpenApiParam { in: 'path' | 'query' | 'header' | 'cookie'; name: string; required?: boolean; schema?: Schema }
export interface Schema {
  type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema;
  anyOf?: Schema[]; oneOf?: Schema[]; enum?: unknown[]; const?: unknown; format?: string; pattern?: string;
  additionalProperties?: boolean | Schema; minimum?: number; maximum?: number; maxLength?: number;
}
export interface Operation { parameters?: OpenApiParam[]; requestBody?: { content: Record<string, { schema: Schema }> } }
export interface Route { method: string; path: string; op: Operation }

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** What kind of bad input this is (for the report). */
  kind: string;
}

/** Real values the fuzzer mixes in so that requests get past the first checks. */
export type Pool = Record<string, string[]>;

export function routesOf(doc: { paths: Record<string, Record<string, Operation>> }): Route[] {
  const out: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) out.push({ method: method.toUpperCase(), path, op });
  }
  return out;
}

const NUL_STRINGS = ['\u0000', 'a\u0000b', 'Nguyễn\u0000Văn', '0987654321\u0000'];
const BAD_STRINGS = [
  ...NUL_STRINGS, '\ud800', 'x\udfffy', '', ' ', '\n', '../../etc/passwd', "' or 1=1 --", '%00', '${jndi:x}',
  '<script>alert(1)</script>', '🙂'.repeat(50), 'a'.repeat(5000), '\u202e\u0301', 'null', 'NaN', '-1',
];
const BAD_INT_TEXT = ['0', '-1', '2147483647', '2147483648', '9223372036854775807', '9223372036854775808',
  '99999999999999999999999', '1e308', '1.5', 'NaN', 'Infinity', '-0', '0x10', ' 1', ''];
const BAD_NUMBERS = [0, -1, 2147483647, 2147483648, 2 ** 53, 1e308, -1e308, 1.5, -0];

const badText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...BAD_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);
const badScalar = fc.oneof(
  badText, fc.constantFrom<unknown>(...BAD_NUMBERS, null, true, false), fc.integer(), fc.double(),
);
/** A value of any JSON type, with a bias to bad text and numbers. */
export const badJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small', withCrossShrink: true }, badScalar, tie('arr'), tie('obj')),
  arr: fc.array(tie('any'), { maxLength: 4 }),
  obj: fc.dictionary(badText, tie('any'), { maxKeys: 4 }),
})).any;

/** Garbage cursors: random base64url, and JSON arrays with out-of-range dates and uuid look-alikes. */
const cursor = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.tuple(
    fc.oneof(fc.constantFrom<unknown>('0000-01-01T00:00:00Z', '-271821-04-20T00:00:00Z', '+275760-09-13T00:00:00Z', 'x', null, 0, -8.64e15, 8.64e15, {}), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
    fc.oneof(fc.constantFrom<unknown>('-'.repeat(36), 'g'.repeat(36), '0'.repeat(36), null, 1, '00000000-0000-0000-0000-000000000000\u0000'), fc.uuid()),
  ).map((t) => Buffer.from(JSON.stringify(t)).toString('base64url')),
  fc.constantFrom('W10', 'bnVsbA', 'e30', 'Ig', '!!!', Buffer.from('[1,2,3]').toString('base64url')),
);

/** A text value for a parameter: a real one from the pool, or bad text, numbers or a garbage cursor. */
function paramText(name: string, schema: Schema | undefined, pool: Pool): fc.Arbitrary<string> {
  const real = pool[name] ?? [];
  const parts: fc.WeightedArbitrary<string>[] = [
    { weight: 3, arbitrary: badText },
    { weight: 2, arbitrary: fc.constantFrom(...BAD_INT_TEXT) },
  ];
  if (real.length) parts.push({ weight: 4, arbitrary: fc.constantFrom(...real) });
  const en = schema?.enum ?? schema?.anyOf?.map((s) => s.const).filter((x) => x !== undefined);
  if (en?.length) parts.push({ weight: 2, arbitrary: fc.constantFrom(...en.map(String)) });
  if (name === 'cursor') parts.push({ weight: 4, arbitrary: cursor });
  if (name === 'period') parts.push({ weight: 4, arbitrary: fc.constantFrom('0000', '0000-Q1', '0001-01', '9999', '9999-12', '2026', '2026-Q1', '2026-03') });
  return fc.oneof(...parts);
}

/** A JSON value shaped by the schema, with wrong leaves, missing required fields and extra keys. */
export function fromSchema(schema: Schema | undefined, pool: Pool, key = '', depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return badJson;
  const wrong = { weight: 1, arbitrary: badJson };
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(wrong, ...branches.map((b) => ({ weight: 2, arbitrary: fromSchema(b, pool, key, depth + 1) })));
  if (schema.const !== undefined) return fc.oneof(wrong, { weight: 3, arbitrary: fc.constant(schema.const) });
  if (schema.enum) return fc.oneof(wrong, { weight: 3, arbitrary: fc.constantFrom(...schema.enum) });
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const props = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      const fields = Object.fromEntries(props.map(([k, s]) => [k, fc.option(fromSchema(s, pool, k, depth + 1), { freq: required.has(k) ? 8 : 2, nil: undefined })]));
      const extra = schema.additionalProperties === false || props.length ? fc.constant({}) : fc.dictionary(badText, badJson, { maxKeys: 5 });
      const obj = fc.tuple(fc.record(fields), extra, rarely(fc.tuple(badText, badJson), 5))
        .map(([r, more, odd]) => {
          const o: Record<string, unknown> = { ...more };
          for (const [k, v] of Object.entries(r)) if (v !== undefined) o[k] = v;
          if (odd) o[odd[0]] = odd[1];
          return o;
        });
      return fc.oneof(wrong, { weight: 6, arbitrary: obj });
    }
    case 'array':
      return fc.oneof(wrong, { weight: 3, arbitrary: fc.array(fromSchema(schema.items, pool, key, depth + 1), { maxLength: 3 }) });
    case 'integer': case 'number':
      return fc.oneof(wrong, { weight: 3, arbitrary: fc.oneof(fc.constantFrom(...BAD_NUMBERS), fc.integer({ min: 1, max: 100 }), fc.bigInt({ min: 2n ** 31n, max: 2n ** 70n }).map(Number)) });
    case 'boolean':
      return fc.oneof(wrong, { weight: 3, arbitrary: fc.boolean() });
    case 'string': {
      const real = pool[key] ?? [];
      return fc.oneof(wrong, { weight: 3, arbitrary: badText }, ...(real.length ? [{ weight: 4, arbitrary: fc.constantFrom(...real) }] : []));
    }
    default:
      return badJson;
  }
}

const boundary = 'fuzzBoundary123';
const MULTIPART_BODIES: [string, Record<string, string>, string | Buffer][] = [
  ['multipart: no boundary', { 'content-type': 'multipart/form-data' }, 'hello'],
  ['multipart: truncated', { 'content-type': `multipart/form-data; boundary=${boundary}` }, `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 trunc`],
  ['multipart: bad part header', { 'content-type': `multipart/form-data; boundary=${boundary}` }, `--${boundary}\r\nGarbage\r\n\r\nx\r\n--${boundary}--\r\n`],
  ['multipart: wrong boundary', { 'content-type': 'multipart/form-data; boundary=other' }, `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\nx\r\n--${boundary}--\r\n`],
  ['multipart: empty', { 'content-type': `multipart/form-data; boundary=${boundary}` }, ''],
  ['multipart: only a field', { 'content-type': `multipart/form-data; boundary=${boundary}` }, `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nx\u0000y\r\n--${boundary}--\r\n`],
  ['multipart: NUL in file name', { 'content-type': `multipart/form-data; boundary=${boundary}` }, `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--${boundary}--\r\n`],
  ['multipart: two files', { 'content-type': `multipart/form-data; boundary=${boundary}` }, `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\nx\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.pdf"\r\n\r\ny\r\n--${boundary}--\r\n`],
];

/** The body of a request: schema-shaped JSON, or a raw body that is wrong in some way. */
function body(route: Route, pool: Pool): fc.Arbitrary<{ kind: string; headers: Record<string, string>; payload?: string | Buffer }> {
  const schema = route.op.requestBody?.content['application/json']?.schema;
  const json = (kind: string, v: unknown) => ({ kind, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(v) ?? 'null' });
  return fc.oneof(
    { weight: 8, arbitrary: fromSchema(schema, pool).map((v) => json('json from schema', v)) },
    { weight: 1, arbitrary: fc.constant({ kind: 'no body', headers: {} }) },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '{"a":', 'nul', '[1,]', '"\\u0000"', '{"a":"\\ud800"}', '{"__proto__":{"x":1}}').map((p) => ({ kind: 'malformed json', headers: { 'content-type': 'application/json' }, payload: p })) },
    { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/json; charset=latin1').map((ct) => ({ kind: `content type ${ct}`, headers: { 'content-type': ct }, payload: 'a=1&b=\u0000' })) },
    { weight: 2, arbitrary: fc.constantFrom(...MULTIPART_BODIES).map(([kind, headers, payload]) => ({ kind, headers, payload })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'payload too large', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ a: 'x'.repeat(2 * 1024 * 1024) }) }) },
  );
}

/** The value once in `n` times, else null. */
const rarely = <T>(a: fc.Arbitrary<T>, n: number) => fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: a });

/** Percent-encoding of the UTF-8 bytes (lone surrogates become U+FFFD, as a browser sends them). */
function pct(s: string): string {
  return [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`)).join('');
}

/** One bad request for a route. */
export function requests(route: Route, pool: Pool): fc.Arbitrary<FuzzRequest> {
  const params = route.op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const query = params.filter((p) => p.in === 'query');
  const headers = params.filter((p) => p.in === 'header');
  const hasBody = route.method === 'POST' || route.method === 'PUT' || route.method === 'PATCH';
  return fc.record({
    path: fc.tuple(...pathParams.map((p) => paramText(p.name, p.schema, pool))),
    query: fc.tuple(...query.map((p) => fc.option(fc.array(paramText(p.name, p.schema, pool), { minLength: 1, maxLength: 2 }), { freq: 3, nil: undefined }))),
    extraQuery: rarely(fc.tuple(badText, badText), 5),
    headers: fc.tuple(...headers.map((p) => fc.option(paramText(p.name, p.schema, pool).filter((v) => /^[\t\x20-\x7e]*$/.test(v)), { freq: 4, nil: undefined }))),
    body: hasBody ? body(route, pool) : fc.constant({ kind: 'none', headers: {} as Record<string, string>, payload: undefined }),
    overlong: rarely(fc.constantFrom('path', 'query'), 25),
    rawEscape: rarely(fc.constantFrom('%ff', '%C3%28', '%', '%zz', '%00', '%E0%80%80'), 8),
    lang: fc.constantFrom('vi', 'en'),
    cookie: rarely(badText.map((v) => `motcua_session=${pct(v)}`), 10),
  }).map((r) => {
    let path = route.path;
    pathParams.forEach((p, i) => { path = path.replace(`{${p.name}}`, pct(r.path[i]!) || '%20'); });
    const qs: string[] = [];
    query.forEach((p, i) => { for (const v of r.query[i] ?? []) qs.push(`${p.name}=${pct(v)}`); });
    if (r.extraQuery) qs.push(`${pct(r.extraQuery[0])}=${pct(r.extraQuery[1])}`);
    let kind = r.body.kind;
    if (r.rawEscape) {
      if (pathParams.length && r.rawEscape.length % 2) path += r.rawEscape; else qs.push(`${query[0]?.name ?? 'q'}=${r.rawEscape}`);
      kind = `raw escape ${r.rawEscape}`;
    }
    if (r.overlong === 'path') { path += `/${'a'.repeat(20_000)}`; kind = 'overlong path'; }
    if (r.overlong === 'query') { qs.push(`x=${'a'.repeat(20_000)}`); kind = 'overlong query'; }
    const h: Record<string, string> = { 'accept-language': r.lang, ...r.body.headers, ...(r.cookie ? { cookie: r.cookie } : {}) };
    headers.forEach((p, i) => { const v = r.headers[i]; if (v !== undefined) h[p.name] = v; });
    const q = qs.join('&');
    return { method: route.method, url: q ? `${path}?${q}` : path, headers: h, payload: r.body.payload, kind };
  });
}
