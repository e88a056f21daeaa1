/**
 * Every setting of the platform, read from the environment once, with documented defaults.
 * See README "Configuration" for the table.
 */
import { availableParallelism } from 'node:os';
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
  /**
   * Which proxies' X-Forwarded-For / -Proto / -Host headers are believed (TRUST_PROXY). Default off:
   * the client address is the TCP peer, so a client cannot pick its own rate-limit bucket. Set it to
   * the number of proxies in front (e.g. `1`), or a comma-separated list of their addresses / CIDRs
   * (e.g. `10.0.0.0/8,127.0.0.1`); `true` believes any sender (only when nothing else can reach the node).
   */
  trustProxy: boolean | number | string[];
  /** Redis for rate-limit counts shared by several nodes (REDIS_URL; empty = counts in each node's memory). */
  redisUrl: string | null;
  /**
   * Rate limits per family of routes, each by client address and by what is aimed at (the username
   * tried, the ID number registered, the dossier code looked up, the uploading account). Each is
   * "MAX/WINDOW" (window in s, m or h, e.g. `10/15m`) or `off`; RATE_LIMITS=off turns them all off (benchmarks):
   * RATE_LIMIT_LOGIN_IP (30/1m), RATE_LIMIT_LOGIN_ACCOUNT (10/15m), RATE_LIMIT_REGISTER_IP (10/1h),
   * RATE_LIMIT_REGISTER_ID (5/1h), RATE_LIMIT_LOOKUP_IP (30/1m), RATE_LIMIT_LOOKUP_CODE (20/1h),
   * RATE_LIMIT_VERIFY_IP (30/1m; POST /verify and the /verify/{id} API and page together),
   * RATE_LIMIT_UPLOAD_IP (off), RATE_LIMIT_UPLOAD_ACCOUNT (30/1m).
   */
  rateLimits: RateLimits;
  /**
   * The public address of the site (PUBLIC_BASE_URL, e.g. https://dichvucong.tinh.gov.vn): QR codes and
   * CRL links point there, and its origin is accepted as same-site for cookie-authenticated changes
   * besides the request's own Host.
   */
  publicBaseUrl: string | null;
  /** Bearer token that GET /metrics requires (METRICS_TOKEN; empty = /metrics is not served). */
  metricsToken: string | null;
  /** The integration gateway (LGSP; module gateway). See README, "Integration gateway". */
  gateway: GatewayConfig;
  /** Fees and charges paid online (module payments). See README, "Payments". */
  payments: PaymentsConfig;
}

export interface PaymentsConfig {
  /** VNPay merchant terminal code (VNPAY_TMN_CODE; demo: MOTCUA01, the simulator's). */
  vnpayTmnCode: string;
  /** VNPay hash secret for HMAC-SHA512 (VNPAY_HASH_SECRET; demo: the simulator's published one). */
  vnpayHashSecret: string;
  /** VNPay payment page (VNPAY_URL; empty: the demo simulator's, started by `npm start`). */
  vnpayUrl: string | null;
  /** VNPay merchant API for querydr and refunds (VNPAY_API_URL; empty: the simulator's). */
  vnpayApiUrl: string | null;
  /** National payment platform (PAYGOV_URL, PAYGOV_PARTNER_CODE, PAYGOV_SECRET). */
  paygovUrl: string | null;
  paygovPartnerCode: string;
  paygovSecret: string;
  /** Days the applicant has to pay a request (PAYMENT_DEADLINE_DAYS, default 7). */
  deadlineDays: number;
  /** A payment still pending this many minutes after it started is asked about (querydr) (PAYMENT_QUERY_AFTER_MINUTES, default 15). */
  queryAfterMinutes: number;
}

export interface GatewayConfig {
  /** X-Road instance of this gateway's identifiers (GATEWAY_INSTANCE, default VN). */
  instance: string;
  /** Lifetime of OAuth 2.0 access tokens in seconds (GATEWAY_TOKEN_TTL_SECONDS, default 600). */
  tokenTtlSeconds: number;
  /** Port of the mutual-TLS listener (GATEWAY_TLS_PORT; empty = no mTLS listener). */
  tlsPort: number | null;
  /**
   * The mTLS listener's server certificate chain and key, PEM files (GATEWAY_TLS_CERT_FILE, GATEWAY_TLS_KEY_FILE).
   * Unset: the province People's Committee's seal from the province CA, which strict TLS clients refuse for its
   * key usage (signatures, not "TLS server"); give a TLS server certificate here for production.
   */
  tlsCertFile: string | null;
  tlsKeyFile: string | null;
  /** A provider that has not answered within this many ms gets Server.ServerProxy.ServiceFailed (GATEWAY_PROVIDER_TIMEOUT_MS, default 30000). */
  providerTimeoutMs: number;
  /** How often untimestamped message-log records are time-stamped in one batch, in seconds (GATEWAY_TIMESTAMP_INTERVAL_SECONDS, default 60). */
  timestampIntervalSeconds: number;
  /** The message log is unhealthy when its last good time-stamp is older than this (GATEWAY_TIMESTAMP_MAX_AGE_SECONDS, default 14400, as X-Road). */
  timestampMaxAgeSeconds: number;
  /** Refuse traffic while the message log is unhealthy (GATEWAY_REFUSE_WHEN_UNTIMESTAMPED, default false). */
  refuseWhenUntimestamped: boolean;
  /** Where message bodies and archives are kept (GATEWAY_LOG_DIR, default DATA_DIR/gateway-log). */
  logDir: string;
  /** How often each node adds its per-minute monitoring figures to the table, in seconds (GATEWAY_MONITORING_FLUSH_SECONDS, default 5). */
  monitoringFlushSeconds: number;
  /** Per-minute monitoring figures older than this many days are deleted (GATEWAY_MONITORING_RETENTION_DAYS, default 90). */
  monitoringRetentionDays: number;
  /** Maintenance mode: the gateway's health check answers 503 without running its checks, as X-Road's (GATEWAY_MAINTENANCE, default false). */
  maintenance: boolean;
}

export interface RateLimit {
  max: number;
  windowMs: number;
}
export type RateLimitFamily = 'login' | 'register' | 'lookup' | 'verify' | 'upload';
/** Per family: the limit by client address and the one by the family's key (null = none). */
export type RateLimits = Record<RateLimitFamily, { perIp: RateLimit | null; perKey: RateLimit | null }>;

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** "MAX/WINDOW" (e.g. "10/15m") or "off"/"0" → a limit or null. */
export function parseRateLimit(name: string, raw: string): RateLimit | null {
  const s = raw.trim().toLowerCase();
  if (s === 'off' || s === '0') return null;
  const m = /^(\d+)\s*\/\s*(\d+)\s*([smh])$/.exec(s);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) throw new Error(`${name} must be like "10/15m" (max/window in s, m or h) or "off", got "${raw}"`);
  return { max: Number(m[1]), windowMs: Number(m[2]) * UNIT_MS[m[3]!]! };
}

function rateLimits(env: NodeJS.ProcessEnv): RateLimits {
  const off = ['off', 'false', '0', 'no'].includes((env.RATE_LIMITS ?? '').toLowerCase());
  const one = (name: string, fallback: string) => (off ? null : parseRateLimit(name, env[name] || fallback));
  return {
    login: { perIp: one('RATE_LIMIT_LOGIN_IP', '30/1m'), perKey: one('RATE_LIMIT_LOGIN_ACCOUNT', '10/15m') },
    register: { perIp: one('RATE_LIMIT_REGISTER_IP', '10/1h'), perKey: one('RATE_LIMIT_REGISTER_ID', '5/1h') },
    lookup: { perIp: one('RATE_LIMIT_LOOKUP_IP', '30/1m'), perKey: one('RATE_LIMIT_LOOKUP_CODE', '20/1h') },
    verify: { perIp: one('RATE_LIMIT_VERIFY_IP', '30/1m'), perKey: null },
    upload: { perIp: one('RATE_LIMIT_UPLOAD_IP', 'off'), perKey: one('RATE_LIMIT_UPLOAD_ACCOUNT', '30/1m') },
  };
}

function baseUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) throw new Error(`PUBLIC_BASE_URL must be an http(s) URL, got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

/** TRUST_PROXY: off (default) | true | hop count | comma-separated addresses/CIDRs. */
export function parseTrustProxy(raw: string | undefined): boolean | number | string[] {
  const s = (raw ?? '').trim();
  if (s === '' || ['false', 'off', 'no', '0'].includes(s.toLowerCase())) return false;
  if (['true', 'on', 'yes'].includes(s.toLowerCase())) return true;
  if (/^\d+$/.test(s)) return Number(s);
  return s.split(',').map((x) => x.trim()).filter(Boolean);
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
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

/** The demo accounts' password when DEMO_PASSWORD is unset: published in the README, never for production. */
export const DEMO_PASSWORD_DEFAULT = 'MotCua@2026';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const environment = environmentOf(env);
  const production = environment === 'production';
  const dataDir = resolve(env.DATA_DIR || './data');
  const store = env.FILE_STORE || 'fs';
  if (store !== 'fs' && store !== 's3') throw new Error(`FILE_STORE must be "fs" or "s3", got "${store}"`);
  return {
    environment,
    port: int(env, 'PORT', 3000),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || null,
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 10),
    dataDir,
    pgliteDir: env.PGLITE_DIR || resolve(dataDir, 'pg'),
    fileStore: store,
    filesDir: env.FILES_DIR ? resolve(env.FILES_DIR) : resolve(dataDir, 'files'),
    fileMaxBytes: int(env, 'FILE_MAX_BYTES', 20 * 1024 * 1024),
    uploadQuotaBytes: int(env, 'UPLOAD_QUOTA_BYTES', 200 * 1024 * 1024),
    uploadOrphanHours: int(env, 'UPLOAD_ORPHAN_HOURS', 24),
    workerThreads: Math.max(1, int(env, 'WORKER_THREADS', Math.max(1, Math.min(4, availableParallelism() - 1)))),
    verifyTimeoutMs: Math.max(1, int(env, 'VERIFY_TIMEOUT_MS', 15_000)),
    verifyMaxSignatures: int(env, 'VERIFY_MAX_SIGNATURES', 16),
    s3: {
      endpoint: env.S3_ENDPOINT || null,
      region: env.S3_REGION || 'us-east-1',
      bucket: env.S3_BUCKET || 'motcua',
      accessKeyId: env.S3_ACCESS_KEY_ID || null,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY || null,
      forcePathStyle: bool(env, 'S3_FORCE_PATH_STYLE', true),
    },
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5),
    loginLockMinutes: int(env, 'LOGIN_LOCK_MINUTES', 15),
    cookieSecure: bool(env, 'COOKIE_SECURE', false),
    logLevel: env.LOG_LEVEL || 'info',
    seedDemo: bool(env, 'SEED_DEMO', !production),
    demoDossiers: int(env, 'DEMO_DOSSIERS', production ? 0 : 3000),
    demoPassword: env.DEMO_PASSWORD || DEMO_PASSWORD_DEFAULT,
    escalationIntervalMinutes: int(env, 'ESCALATION_INTERVAL_MINUTES', 15),
    auditCheckpointMinutes: int(env, 'AUDIT_CHECKPOINT_MINUTES', 15),
    auditCheckpointDir: env.AUDIT_CHECKPOINT_DIR ? resolve(env.AUDIT_CHECKPOINT_DIR) : resolve(dataDir, 'audit-checkpoints'),
    argon2: { memoryCost: int(env, 'ARGON2_MEMORY_KIB', 19456), timeCost: int(env, 'ARGON2_TIME', 2) },
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    redisUrl: env.REDIS_URL || null,
    rateLimits: rateLimits(env),
    publicBaseUrl: baseUrl(env.PUBLIC_BASE_URL),
    metricsToken: env.METRICS_TOKEN || null,
    gateway: {
      instance: env.GATEWAY_INSTANCE || 'VN',
      tokenTtlSeconds: Math.max(1, int(env, 'GATEWAY_TOKEN_TTL_SECONDS', 600)),
      tlsPort: env.GATEWAY_TLS_PORT ? int(env, 'GATEWAY_TLS_PORT', 0) : null,
      tlsCertFile: env.GATEWAY_TLS_CERT_FILE ? resolve(env.GATEWAY_TLS_CERT_FILE) : null,
      tlsKeyFile: env.GATEWAY_TLS_KEY_FILE ? resolve(env.GATEWAY_TLS_KEY_FILE) : null,
      providerTimeoutMs: Math.max(1, int(env, 'GATEWAY_PROVIDER_TIMEOUT_MS', 30_000)),
      timestampIntervalSeconds: int(env, 'GATEWAY_TIMESTAMP_INTERVAL_SECONDS', 60),
      timestampMaxAgeSeconds: int(env, 'GATEWAY_TIMESTAMP_MAX_AGE_SECONDS', 14_400),
      refuseWhenUntimestamped: bool(env, 'GATEWAY_REFUSE_WHEN_UNTIMESTAMPED', false),
      logDir: env.GATEWAY_LOG_DIR ? resolve(env.GATEWAY_LOG_DIR) : resolve(dataDir, 'gateway-log'),
      monitoringFlushSeconds: Math.max(1, int(env, 'GATEWAY_MONITORING_FLUSH_SECONDS', 5)),
      monitoringRetentionDays: Math.max(1, int(env, 'GATEWAY_MONITORING_RETENTION_DAYS', 90)),
      maintenance: bool(env, 'GATEWAY_MAINTENANCE', false),
    },
    payments: {
      vnpayTmnCode: env.VNPAY_TMN_CODE || 'MOTCUA01',
      vnpayHashSecret: env.VNPAY_HASH_SECRET || 'MOTCUADEMOVNPAYSECRET2026',
      vnpayUrl: env.VNPAY_URL || null,
      vnpayApiUrl: env.VNPAY_API_URL || null,
      paygovUrl: env.PAYGOV_URL || null,
      paygovPartnerCode: env.PAYGOV_PARTNER_CODE || 'MOTCUA',
      paygovSecret: env.PAYGOV_SECRET || 'motcua-demo-paygov-secret',
      deadlineDays: Math.max(1, int(env, 'PAYMENT_DEADLINE_DAYS', 7)),
      queryAfterMinutes: Math.max(1, int(env, 'PAYMENT_QUERY_AFTER_MINUTES', 15)),
    },
  };
}
