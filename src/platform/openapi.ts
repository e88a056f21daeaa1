/**
 * What the OpenAPI document says beyond the routes' validation schemas, decided centrally from what
 * each route declares (the @fastify/swagger `transform`, for the document only; requests are
 * validated as before):
 * - a route with `config.policy: 'public'` needs no sign-in: `security: []`;
 * - an upload (`consumes` multipart/form-data or application/pdf, no JSON body): a request body of a
 *   binary `file` field, or the PDF's bytes;
 * - a download (`produces` a non-JSON media type, e.g. application/pdf, image/png): its 200 answer is
 *   binary in each of those types.
 */
import type { RouteOptions } from 'fastify';

type Schema = Record<string, unknown> & { consumes?: string[]; produces?: string[]; body?: unknown; response?: Record<string, unknown>; security?: unknown[] };

const BINARY = { type: 'string', format: 'binary' } as const;
const MULTIPART_FILE = {
  type: 'object', required: ['file'],
  properties: { file: { ...BINARY, description: 'the file / tệp' } },
};

const isJson = (mediaType: string) => /^application\/(.+\+)?json$/.test(mediaType);

function uploadBody(consumes: string[]): Record<string, unknown> | null {
  const content: Record<string, { schema: unknown }> = {};
  for (const type of consumes) {
    if (type === 'multipart/form-data') content[type] = { schema: MULTIPART_FILE };
    else if (!isJson(type)) content[type] = { schema: BINARY };
  }
  return Object.keys(content).length ? { content } : null;
}

function download(produces: string[], response: Record<string, unknown> | undefined): Record<string, unknown> | null {
  const types = produces.filter((t) => !isJson(t));
  if (!types.length) return null;
  const ok = (response?.['200'] ?? {}) as { description?: string };
  return { ...response, 200: { description: ok.description ?? 'the file / tệp', content: Object.fromEntries(types.map((t) => [t, { schema: BINARY }])) } };
}

export function openapiTransform({ schema, url, route }: { schema: unknown; url: string; route: RouteOptions }): { schema: Schema; url: string } {
  const s = { ...((schema ?? {}) as Schema) };
  if ((route.config as { policy?: unknown } | undefined)?.policy === 'public') s.security = [];
  if (!s.body && s.consumes?.length) {
    const body = uploadBody(s.consumes);
    if (body) s.body = body;
  }
  if (s.produces?.length) {
    const response = download(s.produces, s.response);
    if (response) {
      s.response = response;
      delete s.produces; // the other answers (problems) stay JSON
    }
  }
  return { schema: s, url };
}
