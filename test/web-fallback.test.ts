/**
 * The web application's fallback (src/platform/web.ts): an application path gets index.html even when
 * its last segment has a dot (procedure codes such as 1.001193, dossier codes); only a missing built
 * asset — under /assets or a name with a file extension the build produces — is a 404 problem.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendNotFound } from '../src/platform/http.ts';
import { isAssetPath, webRoutes } from '../src/platform/web.ts';

let app: FastifyInstance;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'motcua-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>motcua</title><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  app = Fastify();
  app.setNotFoundHandler(sendNotFound); // as the server does (http.ts)
  await app.register(webRoutes({ distDir: dist }));
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  rmSync(dist, { recursive: true, force: true });
});

const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('the web application fallback', () => {
  it.each([
    '/procedures/1.001193', '/procedures/2.000815', '/procedures/1.001193/submit', '/me/dossiers/000.00.01.H50-260310-0001',
    '/dossiers/000.00.01.H50-260310-0001/receipt', '/me/documents', '/verify', '/procedures/1.004227.000.00.00.H50',
  ])('sends index.html for the application path %s', async (url) => {
    const res = await app.inject({ url, headers: html });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('<div id="root">');
  });

  it.each(['/assets/x.js', '/assets/missing.css', '/favicon.png', '/robots.txt', '/app.js', '/manifest.webmanifest', '/docs/x.js', '/api/v1/nothing-here'])(
    'answers a 404 problem for the missing file %s', async (url) => {
      const res = await app.inject({ url, headers: html });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/problem\+json/);
    });

  it('serves the files that exist', async () => {
    expect((await app.inject({ url: '/assets/app-1234.js' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/favicon.svg' })).statusCode).toBe(200);
  });

  it('tells built files from application paths', () => {
    expect(isAssetPath('procedures/1.001193')).toBe(false);
    expect(isAssetPath('me/dossiers/000.00.01.H50-260310-0001')).toBe(false);
    expect(isAssetPath('favicon.ico')).toBe(true);
    expect(isAssetPath('fonts/inter.woff2')).toBe(true);
    expect(isAssetPath('index.HTML')).toBe(true);
  });
});
