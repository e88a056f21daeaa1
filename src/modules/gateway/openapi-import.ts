/**
 * OpenAPI import (pure): checks that a document is OpenAPI 3.x (JSON or YAML text, or an object) and
 * lists its endpoints as the registry keeps them — method + path pattern, where each `{param}` path
 * template becomes `*` (one path segment), as X-Road's endpoint patterns. Also the document's first
 * absolute server URL, the default base URL of the service.
 */
import { parse as parseYaml } from 'yaml';
import { unstorableText } from '../../platform/input.ts';

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type Method = (typeof METHODS)[number];

export interface Endpoint {
  /** An HTTP method in upper case, or `*` for any. */
  method: string;
  /** `*` for any path, or a path starting with `/`, `*` matching one segment. */
  path: string;
}

export interface ImportedOpenApi {
  document: Record<string, unknown>;
  title: string;
  endpoints: Endpoint[];
  /** The first server URL that is an absolute http(s) URL, if any. */
  serverUrl: string | null;
}

export class OpenApiError extends Error {}

const MAX_TEXT = 5 * 1024 * 1024;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{id}` templates → `*`; the path must start with `/` and stay printable. */
export function pathPattern(path: string): string {
  if (!path.startsWith('/') || /[\s\u0000-\u001f\u007f]/.test(path)) throw new OpenApiError(`path ${JSON.stringify(path.slice(0, 80))} must start with / and have no whitespace`);
  return path.replace(/\{[^/{}]+\}/g, '*');
}

/** Validates one endpoint given by hand (method in any case, `*` allowed); null when malformed. */
export function normaliseEndpoint(e: { method?: string; path?: string }): Endpoint | null {
  const method = (e.method ?? '*').trim().toUpperCase();
  const path = (e.path ?? '*').trim();
  if (method !== '*' && !(METHODS as readonly string[]).includes(method)) return null;
  if (path === '*') return { method, path };
  if (!path.startsWith('/') || path.length > 1000 || /[\s\u0000-\u001f\u007f?#]/.test(path)) return null;
  return { method, path: pathPattern(path) };
}

function parseText(text: string): unknown {
  if (text.length > MAX_TEXT) throw new OpenApiError('document larger than 5 MB');
  const t = text.trim();
  if (t.startsWith('{')) {
    try {
      return JSON.parse(t);
    } catch (err) {
      throw new OpenApiError(`not valid JSON: ${(err as Error).message}`);
    }
  }
  try {
    return parseYaml(t, { maxAliasCount: 100 });
  } catch (err) {
    throw new OpenApiError(`not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}

function firstServer(servers: unknown): string | null {
  if (!Array.isArray(servers)) return null;
  for (const s of servers) {
    if (!isObject(s) || typeof s.url !== 'string') continue;
    try {
      const u = new URL(s.url);
      if (u.protocol === 'http:' || u.protocol === 'https:') return s.url;
    } catch { /* a relative or templated server URL: not a default */ }
  }
  return null;
}

/** Reads and checks an OpenAPI 3.x document; throws OpenApiError saying what is wrong. */
export function importOpenApi(input: string | Buffer | unknown): ImportedOpenApi {
  const raw = typeof input === 'string' ? parseText(input) : Buffer.isBuffer(input) ? parseText(input.toString('utf8')) : input;
  if (!isObject(raw)) throw new OpenApiError('the document is not an object');
  if (typeof raw.openapi !== 'string' || !/^3\.\d+(\.\d+)?$/.test(raw.openapi)) {
    throw new OpenApiError(typeof raw.swagger === 'string' ? 'Swagger 2.0 documents are not supported: convert to OpenAPI 3' : 'missing or unsupported "openapi" version (3.x expected)');
  }
  if (!isObject(raw.info) || typeof raw.info.title !== 'string' || typeof raw.info.version !== 'string') {
    throw new OpenApiError('"info" must have a "title" and a "version"');
  }
  const paths = raw.paths ?? {};
  if (!isObject(paths)) throw new OpenApiError('"paths" must be an object');
  const endpoints: Endpoint[] = [];
  const seen = new Set<string>();
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) throw new OpenApiError(`path item ${path} must be an object`);
    const pattern = pathPattern(path);
    for (const m of METHODS) {
      const op = item[m.toLowerCase()];
      if (op === undefined) continue;
      if (!isObject(op)) throw new OpenApiError(`operation ${m} ${path} must be an object`);
      const key = `${m} ${pattern}`;
      if (!seen.has(key)) endpoints.push({ method: m, path: pattern });
      seen.add(key);
    }
  }
  if (endpoints.length > 2000) throw new OpenApiError('more than 2000 endpoints');
  const bad = unstorableText(raw);
  if (bad) throw new OpenApiError(`at ${bad.pointer || '/'}: ${bad.detail}`);
  return { document: raw, title: raw.info.title.slice(0, 200), endpoints, serverUrl: firstServer(raw.servers) };
}
