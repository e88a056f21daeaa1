/**
 * `POST /gateway/oauth2/token`: OAuth 2.0 client credentials (RFC 6749 §4.4). The client authenticates
 * with HTTP Basic (client_id and client_secret form-url-encoded, §2.3.1) or in the form body; the answer
 * is a JWT access token (tokens.ts) for the credential's subsystem. Errors are RFC 6749 §5.2 JSON.
 */
import type { FastifyError, FastifyPluginAsync, FastifyReply } from 'fastify';
import { verify as argon2Verify } from '@node-rs/argon2';
import type { ModuleContext } from '../../platform/module.ts';
import { registry } from './lookup.ts';
import { gp } from './proxy-tables.ts';
import { issueToken } from './tokens.ts';

type OAuthError = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_grant';

function oauthError(reply: FastifyReply, error: OAuthError, description: string, basic = false): FastifyReply {
  reply.code(error === 'invalid_client' ? 401 : 400).header('cache-control', 'no-store').header('pragma', 'no-cache');
  // RFC 6749 §5.2: a client that tried HTTP Basic gets the scheme it should use again.
  if (error === 'invalid_client' && basic) reply.header('www-authenticate', 'Basic realm="gateway"');
  return reply.type('application/json; charset=utf-8').send({ error, error_description: description });
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  if (!header || !/^basic /i.test(header)) return null;
  const text = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const i = text.indexOf(':');
  if (i < 0) return null;
  try {
    const dec = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    return { id: dec(text.slice(0, i)), secret: dec(text.slice(i + 1)) };
  } catch {
    return null;
  }
}

export function oauthRoutes(ctx: ModuleContext): FastifyPluginAsync {
  return async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_req, body, done) => {
      const params = new URLSearchParams(String(body));
      const out: Record<string, string> = {};
      for (const [k, v] of params) {
        if (k in out) return done(Object.assign(new Error(`parameter ${k} given twice`), { statusCode: 400 }));
        out[k] = v;
      }
      done(null, out);
    });
    app.setErrorHandler((err: FastifyError, _req, reply) => oauthError(reply, 'invalid_request', err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
      ? 'the body must be application/x-www-form-urlencoded' : err.message.slice(0, 200)));

    app.post('/gateway/oauth2/token', { config: { policy: 'public', ownAuth: true }, schema: { hide: true } }, async (req, reply) => {
      const form = (req.body ?? {}) as Record<string, string>;
      if (form.grant_type === undefined) return oauthError(reply, 'invalid_request', 'grant_type is required');
      if (form.grant_type !== 'client_credentials') return oauthError(reply, 'unsupported_grant_type', 'only client_credentials is supported');
      const basic = basicCredentials(req.headers.authorization);
      if (basic && (form.client_id !== undefined || form.client_secret !== undefined)) return oauthError(reply, 'invalid_request', 'use one way of client authentication');
      const id = basic?.id ?? form.client_id;
      const secret = basic?.secret ?? form.client_secret;
      if (!id || !secret) return oauthError(reply, 'invalid_client', 'client_id and client_secret are required', Boolean(basic));
      const row = await gp(ctx.db).selectFrom('gateway_credentials').select(['id', 'subsystem_id', 'secret_hash', 'revoked_at'])
        .where('client_id', '=', id.slice(0, 200)).where('kind', '=', 'secret').executeTakeFirst();
      const good = row?.secret_hash && !row.revoked_at ? await argon2Verify(row.secret_hash, secret).catch(() => false) : false;
      if (!row || !good) return oauthError(reply, 'invalid_client', 'unknown client or wrong secret', Boolean(basic));
      const snap = await registry(ctx.db);
      const sub = snap.subsystems.get(row.subsystem_id);
      if (!sub) return oauthError(reply, 'invalid_client', 'the client has no subsystem', Boolean(basic));
      const ttl = ctx.config.gateway.tokenTtlSeconds;
      const token = await issueToken(ctx.db, ctx.clock, ttl, { credentialId: row.id, clientId: id, subsystem: sub.ident });
      reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
      return { access_token: token, token_type: 'Bearer', expires_in: ttl };
    });
  };
}
