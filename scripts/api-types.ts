/**
 * Generates the web application's API types (web/src/api/schema.d.ts) from the server's OpenAPI
 * document, as GET /api/v1/openapi.json serves it: the server is built in-process on an empty,
 * migrated in-memory database (the document needs no data), never listening, and openapi-typescript
 * turns `app.swagger()` into TypeScript.
 *
 *   npm run api:types          writes web/src/api/schema.d.ts
 *   npm run check:api-types    (--check) exits 1 when the committed file differs from what the server produces now
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/index.ts';
import { migrate } from '../src/db/migrate.ts';
import { fsBlobStore } from '../src/modules/files/blobs.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { buildServer } from '../src/server.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const OUT = join(ROOT, 'web/src/api/schema.d.ts');
const HEADER = `/**
 * Generated from the server's OpenAPI document (GET /api/v1/openapi.json) by scripts/api-types.ts.
 * Do not edit: change the route schemas and run \`npm run api:types\`; named aliases are in ./types.ts.
 */
`;

async function openapiDocument(): Promise<OpenAPI3> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-api-types-'));
  const config = { ...loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv), databaseUrl: null, pgliteDir: 'memory://' };
  const database = await openDatabase({ databaseUrl: null, pgliteDir: 'memory://' });
  try {
    await migrate(database);
    const app = await buildServer({ config, db: database.db, clock: fixedClock('2026-01-01T00:00:00.000Z'), blobs: fsBlobStore(join(dir, 'files')), logger: false });
    try {
      await app.ready();
      return app.swagger() as OpenAPI3;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const doc = await openapiDocument();
const generated = HEADER + astToString(await openapiTS(doc, { alphabetize: true }));
const where = relative(ROOT, OUT);
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(OUT, 'utf8');
  } catch {
    /* missing: differs */
  }
  if (committed !== generated) {
    console.error(`api-types: ${where} is not what the server's OpenAPI document gives now; run \`npm run api:types\` and commit it`);
    process.exit(1);
  }
  console.log(`api-types: ${where} is up to date`);
} else {
  writeFileSync(OUT, generated);
  console.log(`api-types: wrote ${where}`);
}
