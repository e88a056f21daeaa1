/**
 * Serves the web application (web/dist, built by `npm run build:web`) from the API server:
 * hashed assets under /assets with a year of caching, a few root files (favicon, robots.txt), and
 * index.html for every other GET path that is not the API, the docs or operations (client-side
 * routing). Brotli/gzip twins written by the build are sent to clients that accept them.
 *
 * Routes declare the `public` policy (deny-by-default, see auth.ts); @fastify/static only provides
 * `reply.sendFile` (serve: false), so its own routes, which could not declare one, are not used.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { sendNotFound } from './http.ts';

export const DEFAULT_WEB_DIST = resolve(fileURLToPath(new URL('../../web/dist', import.meta.url)));

/** First path segments that never fall back to the application. */
const NOT_APP = ['api', 'docs', 'health', 'metrics', 'r1', 'gateway', 'listClients'];
const YEAR = '365d';

/**
 * Extensions of the files a build or a browser asks for (scripts, styles, images, fonts, manifests,
 * source maps, documents). Only such a name is a missing file; any other path — including application
 * paths with dots, such as procedure codes (/procedures/1.001193) or dossier codes — is the application.
 */
const ASSET_EXTENSIONS = new Set([
  'js', 'mjs', 'cjs', 'css', 'map', 'json', 'webmanifest', 'html', 'htm', 'txt', 'xml',
  'png', 'jpg', 'jpeg', 'gif', 'svg', 'ico', 'webp', 'avif', 'bmp',
  'woff', 'woff2', 'ttf', 'otf', 'eot', 'wasm', 'pdf', 'zip', 'gz', 'br',
]);

/** Whether a path (without the leading slash) names a file rather than an application page. */
export function isAssetPath(path: string): boolean {
  const last = path.split('/').at(-1) ?? '';
  const dot = last.lastIndexOf('.');
  return dot > 0 && ASSET_EXTENSIONS.has(last.slice(dot + 1).toLowerCase());
}

export interface WebOptions {
  /** The built application (default web/dist of this checkout). */
  distDir?: string;
}

export function webRoutes(opts: WebOptions = {}) {
  const dist = resolve(opts.distDir ?? DEFAULT_WEB_DIST);
  return async function web(app: FastifyInstance) {
    const route = { config: { policy: 'public' as const }, schema: { hide: true } };
    if (!existsSync(join(dist, 'index.html'))) {
      app.log.warn({ dist }, 'web application not built (npm run build:web); / redirects to the API docs');
      app.get('/', route, async (_req, reply) => reply.redirect('/docs'));
      return;
    }
    const rootFiles = new Set(readdirSync(dist).filter((f) => f !== 'index.html' && !/\.(gz|br)$/.test(f) && statSync(join(dist, f)).isFile()));
    await app.register(fastifyStatic, { root: dist, serve: false, preCompressed: true });

    app.get<{ Params: { '*': string } }>('/assets/*', route, (req, reply) =>
      reply.sendFile(`assets/${req.params['*']}`, { maxAge: YEAR, immutable: true }));

    app.get<{ Params: { '*': string } }>('/*', route, (req, reply) => {
      const path = req.params['*'] ?? '';
      const first = path.split('/')[0] ?? '';
      if (NOT_APP.includes(first)) return sendNotFound(req, reply);
      if (rootFiles.has(path)) return reply.sendFile(path, { maxAge: '1d' });
      // A missing file (a built asset's folder or a file's extension) is a 404, not the application.
      if (first === 'assets' || isAssetPath(path)) return sendNotFound(req, reply);
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html', { cacheControl: false });
    });
  };
}
