import { join } from 'node:path';
import { loadConfig, type Config } from '../src/config.ts';

/** Tests stand on a fixed working day: Tuesday 10 March 2026, 09:00 in Vietnam. */
export const TEST_NOW = '2026-03-10T02:00:00.000Z';

// Tests make the province PKI with 2048-bit CA keys (3072 in production) to stay quick.
process.env.PKI_CA_KEY_BITS ??= '2048';

/** Rate limits high enough for tests that sign in and register many times (rate-limit.test.ts sets low ones). */
const HIGH = { max: 1_000_000, windowMs: 3_600_000 };
export const TEST_RATE_LIMITS: Config['rateLimits'] = {
  login: { perIp: HIGH, perKey: HIGH },
  register: { perIp: HIGH, perKey: HIGH },
  lookup: { perIp: HIGH, perKey: HIGH },
  verify: { perIp: HIGH, perKey: null },
  upload: { perIp: null, perKey: HIGH },
};

export function testConfig(dir: string, overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', DEMO_PASSWORD: 'MotCua@2026' } as NodeJS.ProcessEnv);
  // Cheaper argon2 in tests: same algorithm, lower cost.
  return { ...base, databaseUrl: null, filesDir: join(dir, 'files'), fileMaxBytes: 256 * 1024, argon2: { memoryCost: 4096, timeCost: 1 }, rateLimits: TEST_RATE_LIMITS, ...overrides };
}
