/**
 * Issue 13, item 12: the OpenAPI document says which routes need no sign-in (`security: []` on every
 * route whose policy is public), describes upload bodies (multipart/form-data with a binary `file`;
 * a PDF as application/pdf) and binary downloads (PDF and image responses, `format: binary`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './helpers.ts';

type Operation = { security?: unknown[]; requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }; responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> };
let a: TestApp;
let paths: Record<string, Record<string, Operation>>;

beforeAll(async () => {
  a = await testApp();
  const res = await a.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  expect(res.statusCode).toBe(200);
  paths = res.json<{ paths: typeof paths }>().paths;
});
afterAll(() => a?.close());

const op = (method: string, path: string): Operation => {
  const o = paths[path]?.[method];
  if (!o) throw new Error(`no ${method.toUpperCase()} ${path} in the document`);
  return o;
};

describe('GET /api/v1/openapi.json', () => {
  it('marks public routes as needing no sign-in, and only them', () => {
    for (const [method, path] of [['get', '/api/v1/procedures'], ['get', '/api/v1/procedures/{code}'], ['post', '/api/v1/auth/login'], ['post', '/api/v1/auth/citizens'], ['post', '/api/v1/verify'], ['get', '/api/v1/verify/{id}'], ['post', '/api/v1/public/dossiers/lookup']] as const) {
      expect(op(method, path).security, `${method} ${path}`).toEqual([]);
    }
    for (const [method, path] of [['post', '/api/v1/dossiers'], ['get', '/api/v1/auth/me'], ['post', '/api/v1/files'], ['get', '/api/v1/me/documents']] as const) {
      expect(op(method, path).security, `${method} ${path}`).toBeUndefined(); // the document's default: bearer or cookie
    }
  });

  it('describes the upload bodies', () => {
    const files = op('post', '/api/v1/files').requestBody!.content['multipart/form-data']!.schema as { required: string[]; properties: { file: { type: string; format: string } } };
    expect(files.required).toEqual(['file']);
    expect(files.properties.file).toMatchObject({ type: 'string', format: 'binary' });
    const verify = op('post', '/api/v1/verify').requestBody!.content;
    expect(verify['application/pdf']!.schema).toMatchObject({ type: 'string', format: 'binary' });
    expect((verify['multipart/form-data']!.schema as { properties: { file: unknown } }).properties.file).toMatchObject({ type: 'string', format: 'binary' });
  });

  it('describes binary downloads', () => {
    const pdf = op('get', '/api/v1/dossiers/{code}/documents/{id}/pdf').responses['200']!.content!;
    expect(pdf['application/pdf']!.schema).toMatchObject({ type: 'string', format: 'binary' });
    for (const path of ['/api/v1/files/{id}', '/api/v1/dossiers/{code}/files/{fileId}']) {
      const content = op('get', path).responses['200']!.content!;
      expect(Object.keys(content).sort(), path).toEqual(['application/pdf', 'image/jpeg', 'image/png']);
      for (const c of Object.values(content)) expect(c.schema).toMatchObject({ type: 'string', format: 'binary' });
    }
  });
});
