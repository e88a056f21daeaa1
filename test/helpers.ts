/** Test harness: a fresh database cloned from the run's template, a server, and request helpers. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { openDatabase, type Database } from '../src/db/index.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { fsBlobStore } from '../src/modules/files/blobs.ts';
import { buildServer } from '../src/server.ts';
import { testConfig, TEST_NOW } from './config.ts';
import type { Config } from '../src/config.ts';
import type { Services } from '../src/platform/module.ts';
import { samplePdf } from './helpers-bytes.ts';
export { samplePdf, PNG_1x1 } from './helpers-bytes.ts';

export async function freshDatabase(): Promise<Database & { url: string | null }> {
  if (inject('backend') === 'pglite') {
    const d = await openDatabase({ databaseUrl: null, pgliteDir: 'memory://', loadDataDir: new Blob([readFileSync(inject('templatePath'))]) });
    return { ...d, url: null };
  }
  const name = `motcua_t${randomUUID().slice(0, 8)}_${process.ppid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: inject('adminUrl') });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('templateDb')}`);
  await admin.end();
  const url = new URL(inject('adminUrl'));
  url.pathname = `/${name}`;
  const d = await openDatabase({ databaseUrl: url.toString(), pgliteDir: '', poolSize: 12 });
  return {
    ...d,
    url: url.toString(),
    close: async () => {
      await d.close();
      const a = new pg.Client({ connectionString: inject('adminUrl') });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  clock: ReturnType<typeof fixedClock>;
  /** The services the server uses (a test may set the job runner on it). */
  services: Services;
  dir: string;
  close(): Promise<void>;
}

export async function testApp(overrides: Partial<Config> = {}, logStream?: NodeJS.WritableStream): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-app-'));
  const config = testConfig(dir, overrides);
  const database = await freshDatabase();
  const clock = fixedClock(TEST_NOW);
  const services = {} as Services;
  const app = await buildServer({ config, db: database.db, clock, blobs: fsBlobStore(config.filesDir), services, logger: Boolean(logStream), logStream });
  await app.ready();
  return {
    app, database, config, clock, services, dir,
    async close() {
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const DEMO_PASSWORD = 'MotCua@2026';
export const DEMO_CITIZEN = '045095001234';
export const DEMO_COMMUNE = '18859';

export async function login(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return res.json().token as string;
}

let idCounter = 0;
/** A valid, unused personal ID number (province 045, born 1990s). */
export function newIdNumber(): string {
  idCounter++;
  return `0450${90 + (idCounter % 10)}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
}

/** The password test citizens register with (strong enough for the policy). */
export const CITIZEN_PASSWORD = 'Hoa-sen-2026';

export async function registerCitizen(app: FastifyInstance, fullName = 'Trần Thị Bình'): Promise<{ idNumber: string; token: string }> {
  const idNumber = newIdNumber();
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/citizens', payload: { idNumber, fullName, phone: '0987654321', password: CITIZEN_PASSWORD } });
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  return { idNumber, token: await login(app, idNumber, CITIZEN_PASSWORD) };
}

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** A multipart/form-data body with one file field. */
export function multipart(bytes: Buffer, filename: string, contentType = 'application/octet-stream') {
  const boundary = `----motcua${randomUUID()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(app: FastifyInstance, token: string, bytes = samplePdf(), name = 'giay-to.pdf'): Promise<LightMyRequestResponse> {
  const mp = multipart(bytes, name);
  return app.inject({ method: 'POST', url: '/api/v1/files', payload: mp.payload, headers: { ...mp.headers, ...auth(token) } });
}

export const TEST_START = TEST_NOW;
