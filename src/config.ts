/**
 * Every setting of the platform, read from the environment once, with documented defaults.
 * See README "Configuration" for the table.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

export interface Config {
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
  /**
   * Bytes of uploads an account may keep (UPLOAD_QUOTA_BYTES, default 200 MiB; 0 = no quota): a
   * citizen's uploads attached or not, an officer's uploads not yet attached to a dossier.
   */
  uploadQuotaBytes: number;
  /** Uploads never attached to a dossier are deleted after this many hours (UPLOAD_ORPHAN_HOURS, default 24; 0 = kept). */
  uploadOrphanHours: number;
  /** Worker threads for CPU-heavy checks of PDFs (WORKER_THREADS, default: the cores but one, 1–4). */
  workerThreads: number;
  /** A signature verification or an upload's PDF check is abandoned after this long (VERIFY_TIMEOUT_MS, default 15000). */
  verifyTimeoutMs: number;
  /** A PDF with more signatures than this is not verified (VERIFY_MAX_SIGNATURES, default 16). */
  verifyMaxSignatures: number;
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
  /** Seed the demo province on start when the catalogue is empty (SEED_DEMO, default true). */
  seedDemo: boolean;
  /**
   * Dossiers of the current year generated for the operations centre when the demo province is first
   * seeded on start (DEMO_DOSSIERS, default 3000; 0 = none). `npx motcua generate` makes more.
   */
  demoDossiers: number;
  /** Password given to the demo accounts (DEMO_PASSWORD). */
  demoPassword: string;
  /** How often the step-escalation job runs, in minutes (ESCALATION_INTERVAL_MINUTES, default 15; 0 = off). */
  escalationIntervalMinutes: number;
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.DATA_DIR || './data');
  const store = env.FILE_STORE || 'fs';
  if (store !== 'fs' && store !== 's3') throw new Error(`FILE_STORE must be "fs" or "s3", got "${store}"`);
  return {
    port: int('PORT', 3000),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || null,
    databasePoolSize: int('DATABASE_POOL_SIZE', 10),
    dataDir,
    pgliteDir: env.PGLITE_DIR || resolve(dataDir, 'pg'),
    fileStore: store,
    filesDir: env.FILES_DIR ? resolve(env.FILES_DIR) : resolve(dataDir, 'files'),
    fileMaxBytes: int('FILE_MAX_BYTES', 20 * 1024 * 1024),
    uploadQuotaBytes: int('UPLOAD_QUOTA_BYTES', 200 * 1024 * 1024),
    uploadOrphanHours: int('UPLOAD_ORPHAN_HOURS', 24),
    workerThreads: Math.max(1, int('WORKER_THREADS', Math.max(1, Math.min(4, availableParallelism() - 1)))),
    verifyTimeoutMs: Math.max(1, int('VERIFY_TIMEOUT_MS', 15_000)),
    verifyMaxSignatures: int('VERIFY_MAX_SIGNATURES', 16),
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
    seedDemo: bool('SEED_DEMO', true),
    demoDossiers: int('DEMO_DOSSIERS', 3000),
    demoPassword: env.DEMO_PASSWORD || 'MotCua@2026',
    escalationIntervalMinutes: int('ESCALATION_INTERVAL_MINUTES', 15),
    argon2: { memoryCost: int('ARGON2_MEMORY_KIB', 19456), timeCost: int('ARGON2_TIME', 2) },
  };
}
