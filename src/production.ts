/**
 * A production start (MOTCUA_ENV=production) refuses to run with a demo or default secret. Every check
 * is listed here; `main.ts` prints each refusal and exits with status 78 (configuration error).
 *
 * From the environment:
 *  - DEMO_PASSWORD set: demo accounts are not created in production, their password has no place there;
 *  - SEED_DEMO on, or DEMO_DOSSIERS above 0: the demo province and its generated dossiers;
 *  - PKI_PASSPHRASE unset, the demo passphrase, or shorter than 16 characters: it encrypts the CA,
 *    seal and officer keys at rest;
 *  - COOKIE_SECURE off: the session cookie would travel over plain http, and no HSTS;
 *  - PUBLIC_BASE_URL unset or not https://: QR codes on issued documents would point to localhost.
 * From the database (after migrating it):
 *  - any demo account (admin.tinh, …) present: its password is published in the README.
 */
import type { Config } from './config.ts';
import type { Db } from './db/index.ts';
import { userIdByUsername } from './modules/identity/index.ts';
import { DEMO_PKI_PASSPHRASE } from './modules/pki/index.ts';
import { DEMO_USERNAMES } from './cli/seed.ts';

const on = (v: string | undefined) => ['1', 'true', 'yes', 'on'].includes((v ?? '').toLowerCase());

/** What is wrong with this environment for a production start ([] = nothing). Pure. */
export function productionRefusals(env: NodeJS.ProcessEnv): string[] {
  const out: string[] = [];
  if (env.DEMO_PASSWORD !== undefined && env.DEMO_PASSWORD !== '') out.push('DEMO_PASSWORD is set: production creates no demo accounts; unset it');
  if (on(env.SEED_DEMO)) out.push('SEED_DEMO is on: production seeds no demo province; unset it (load the catalogue with `motcua seed --catalog-only`)');
  if (Number(env.DEMO_DOSSIERS) > 0) out.push('DEMO_DOSSIERS is above 0: production generates no demo dossiers; unset it');
  const pass = env.PKI_PASSPHRASE ?? '';
  if (!pass) out.push('PKI_PASSPHRASE is not set: the PKI\'s private keys would be encrypted with the published demo passphrase');
  else if (pass === DEMO_PKI_PASSPHRASE) out.push('PKI_PASSPHRASE is the published demo passphrase; set your own (16 characters or more)');
  else if (pass.length < 16) out.push('PKI_PASSPHRASE is shorter than 16 characters');
  if (!on(env.COOKIE_SECURE)) out.push('COOKIE_SECURE is off: serve over HTTPS and set COOKIE_SECURE=true');
  const base = env.PUBLIC_BASE_URL ?? '';
  if (!/^https:\/\/[^/]/i.test(base)) out.push('PUBLIC_BASE_URL is not an https:// address: issued documents\' QR codes would point to it');
  return out;
}

/** The demo accounts found in the database (their password is published). */
export async function demoAccountsPresent(db: Db): Promise<string[]> {
  const found: string[] = [];
  for (const u of DEMO_USERNAMES) if (await userIdByUsername(db, u)) found.push(u);
  return found;
}

/** All refusals for a production start on this database; [] in demo mode. */
export async function startupRefusals(config: Config, env: NodeJS.ProcessEnv, db?: Db): Promise<string[]> {
  if (config.environment !== 'production') return [];
  const out = productionRefusals(env);
  const demo = db ? await demoAccountsPresent(db) : [];
  if (demo.length) out.push(`the database holds demo accounts with the published password (${demo.slice(0, 3).join(', ')}${demo.length > 3 ? ', …' : ''}): use a database that was never started in demo mode`);
  return out;
}
