/**
 * Every setting of the platform, read from the environment once, with documented defaults.
 * See README "Configuration" for the table.
 */
import { resolve } from 'node:path';

export interface Config {
  /**
   * MOTCUA_ENV: `demo` (default; `npm start` seeds the demo province, its published accounts and PKI
   * passphrase, and every page says it is a demo) or `production` (seeds nothing, and refuses to start
   * with a demo or default secret: see `productionRefusals` in src/production.ts and README, "Production").
   */
  environment: 'demo' | 'production';
  /** HTTP port (PORT, default 3000). */
  port: number;
  /** Listen address (HOST, default 127.0.0.1; set 0.0.0.0 behind a load balancer). */
  host: string;
  /** PostgreSQL connection string; when empty the embedded PGlite database is used (DATABASE_URL). */
  databaseUrl: string | null;
  /** Connection pool size for PostgreSQL (DATABASE_POOL_SIZE, default 10). */
  databasePoolSize: number;
  /** Where local state lives (DATA_DIR, default ./data): PGlite files in DATA_DIR/pg, uploads in DATA_DIR/files. */
  dataDir: string;
  /** PGlite data directory; "memory://" for an in-memory database (PGLITE_DIR). */
  pgliteDir: string;
  /** Blob storage: "fs" (default) or "s3" (FILE_STORE). */
  fileStore: 'fs' | 's3';
  filesDir: string;
  /** Largest accepted upload in bytes (FILE_MAX_BYTES, default 20 MiB). */
  fileMaxBytes: number;
  s3: { endpoint: string | null; region: string; bucket: string; accessKeyId: string | null; secretAccessKey: string | null; forcePathStyle: boolean };
  /** Session lifetime in hours (SESSION_TTL_HOURS, default 12). */
  sessionTtlHours: number;
  /** Failed logins before lock-out (LOGIN_MAX_FAILURES, default 5) and lock duration (LOGIN_LOCK_MINUTES, 15). */
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Mark session cookies Secure (COOKIE_SECURE, default false for http://localhost demos). */
  cookieSecure: boolean;
  /** pino level (LOG_LEVEL, default info). */
  logLevel: string;
  /** Seed the demo province on start when the catalogue is empty (SEED_DEMO, default true; false in production). */
  seedDemo: boolean;
  /**
   * Dossiers of the current year generated for the operations centre when the demo province is first
   * seeded on start (DEMO_DOSSIERS, default 3000, 0 in production; 0 = none). `npx motcua generate` makes more.
   */
  demoDossiers: number;
  /** Password given to the demo accounts (DEMO_PASSWORD, default MotCua@2026, published; must be unset in production). */
  demoPassword: string;
  /** How often the step-escalation job runs, in minutes (ESCALATION_INTERVAL_MINUTES, default 15; 0 = off). */
  escalationIntervalMinutes: number;
  /**
   * How often a signed checkpoint of the audit chain heads is taken, in minutes
   * (AUDIT_CHECKPOINT_MINUTES, default 15; 0 = off). See README, "Audit log".
   */
  auditCheckpointMinutes: number;
  /**
   * Where each checkpoint is also written as a file (AUDIT_CHECKPOINT_DIR, default DATA_DIR/audit-checkpoints):
   * put it on storage the database's administrators cannot rewrite (another host, a WORM share).
   */
  auditCheckpointDir: string;
  /** Argon2id cost (ARGON2_MEMORY_KIB, default 19456 = OWASP minimum; ARGON2_TIME, default 2). */
  argon2: { memoryCost: number; timeCost: number };
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function bool(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase());
}

/** MOTCUA_ENV: `demo` (default) or `production` (also `prod`). */
export function environmentOf(env: NodeJS.ProcessEnv = process.env): Config['environment'] {
  const raw = (env.MOTCUA_ENV || 'demo').toLowerCase();
  if (raw === 'demo') return 'demo';
  if (raw === 'production' || raw === 'prod') return 'production';
  throw new Error(`MOTCUA_ENV must be "demo" or "production", got "${env.MOTCUA_ENV}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const environment = environmentOf(env);
  const production = environment === 'production';
  const dataDir = resolve(env.DATA_DIR || './data');
  const store = env.FILE_STORE || 'fs';
  if (store !== 'fs' && store !== 's3') throw new Error(`FILE_STORE must be "fs" or "s3", got "${store}"`);
  return {
    environment,
    port: int('PORT', 3000),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || null,
    databasePoolSize: int('DATABASE_POOL_SIZE', 10),
    dataDir,
    pgliteDir: env.PGLITE_DIR || resolve(dataDir, 'pg'),
    fileStore: store,
    filesDir: env.FILES_DIR ? resolve(env.FILES_DIR) : resolve(dataDir, 'files'),
    fileMaxBytes: int('FILE_MAX_BYTES', 20 * 1024 * 1024),
    s3: {
      endpoint: env.S3_ENDPOINT || null,
      region: env.S3_REGION || 'us-east-1',
      bucket: env.S3_BUCKET || 'motcua',
      accessKeyId: env.S3_ACCESS_KEY_ID || null,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY || null,
      forcePathStyle: bool('S3_FORCE_PATH_STYLE', true),
    },
    sessionTtlHours: int('SESSION_TTL_HOURS', 12),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5),
    loginLockMinutes: int('LOGIN_LOCK_MINUTES', 15),
    cookieSecure: bool('COOKIE_SECURE', false),
    logLevel: env.LOG_LEVEL || 'info',
    seedDemo: bool('SEED_DEMO', !production),
    demoDossiers: int('DEMO_DOSSIERS', production ? 0 : 3000),
    demoPassword: env.DEMO_PASSWORD || 'MotCua@2026',
    escalationIntervalMinutes: int('ESCALATION_INTERVAL_MINUTES', 15),
    auditCheckpointMinutes: int('AUDIT_CHECKPOINT_MINUTES', 15),
    auditCheckpointDir: env.AUDIT_CHECKPOINT_DIR ? resolve(env.AUDIT_CHECKPOINT_DIR) : resolve(dataDir, 'audit-checkpoints'),
    argon2: { memoryCost: int('ARGON2_MEMORY_KIB', 19456), timeCost: int('ARGON2_TIME', 2) },
  };
}
