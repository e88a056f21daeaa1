/**
 * OAuth 2.0 access tokens: JWTs (HS256, `jose`) signed with a key shared by all nodes, kept in
 * gateway_token_keys (made by the first node that needs one). A token names its credential (`sub`,
 * the credential's id; `client_id`) and the subsystem it authenticates (`xroad_client`); `exp` is
 * GATEWAY_TOKEN_TTL_SECONDS after issue. Verification also asks the registry that the credential still
 * exists and is not revoked, so a revoked credential's tokens stop working within a second.
 */
import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Db } from '../../db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { gp } from './proxy-tables.ts';

const KEY_ID = 'hs256-1';
const ISSUER = 'motcua-gateway';
const keys = new WeakMap<object, Promise<Uint8Array>>();

async function loadKey(db: Db, clock: Clock): Promise<Uint8Array> {
  const q = gp(db);
  await q.insertInto('gateway_token_keys').values({ id: KEY_ID, secret: randomBytes(32), created_at: clock.now() })
    .onConflict((oc) => oc.column('id').doNothing()).execute();
  const row = await q.selectFrom('gateway_token_keys').select('secret').where('id', '=', KEY_ID).executeTakeFirstOrThrow();
  return new Uint8Array(row.secret);
}

function signingKey(db: Db, clock: Clock): Promise<Uint8Array> {
  let k = keys.get(db);
  if (!k) {
    k = loadKey(db, clock);
    k.catch(() => keys.delete(db));
    keys.set(db, k);
  }
  return k;
}

export interface TokenClaims {
  credentialId: string;
  clientId: string;
  /** The subsystem identifier the credential authenticates (`VN/GOV/…/SUB`). */
  subsystem: string;
}

export async function issueToken(db: Db, clock: Clock, ttlSeconds: number, c: TokenClaims): Promise<string> {
  const now = Math.floor(clock.now().getTime() / 1000);
  return new SignJWT({ client_id: c.clientId, xroad_client: c.subsystem })
    .setProtectedHeader({ alg: 'HS256', kid: KEY_ID, typ: 'at+jwt' })
    .setIssuer(ISSUER).setSubject(c.credentialId).setIssuedAt(now).setExpirationTime(now + ttlSeconds)
    .sign(await signingKey(db, clock));
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'expired' | 'invalid' };

export async function verifyToken(db: Db, clock: Clock, token: string): Promise<TokenCheck> {
  try {
    const { payload } = await jwtVerify(token, await signingKey(db, clock), {
      issuer: ISSUER, algorithms: ['HS256'], typ: 'at+jwt', currentDate: clock.now(),
    });
    if (typeof payload.sub !== 'string' || typeof payload.client_id !== 'string' || typeof payload.xroad_client !== 'string') return { ok: false, reason: 'invalid' };
    return { ok: true, claims: { credentialId: payload.sub, clientId: payload.client_id, subsystem: payload.xroad_client } };
  } catch (err) {
    return { ok: false, reason: err instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
