import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SESSION_COOKIE, requirePrincipal, sessionCookieOptions, type Principal } from '../../platform/auth.ts';
import { ctxFrom } from '../../platform/context.ts';
import { bodyField } from '../../platform/rate-limit.ts';
import type { Abilities, ModuleContext } from '../../platform/module.ts';
import { errors } from '../../platform/schemas.ts';
import * as service from './service.ts';

const PrincipalSchema = Type.Object({
  userId: Type.String({ format: 'uuid' }),
  kind: Type.Union([Type.Literal('citizen'), Type.Literal('officer')]),
  username: Type.String(),
  fullName: Type.String(),
  agencyId: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Type.String()),
  assurance: Type.Optional(Type.Union([Type.Literal('basic'), Type.Literal('verified')], {
    description: "A citizen's identity assurance: basic (self-registered) or verified (ID number proven); counter dossiers reach only a verified account",
  })),
});

const IdNumber = Type.String({ pattern: '^[0-9]{12}$', description: '12-digit personal ID number (CCCD)' });
const ClaimingAccount = Type.Object({
  id: Type.String({ format: 'uuid' }), fullName: Type.String(), phone: Type.Union([Type.String(), Type.Null()], { description: 'masked' }),
  createdAt: Type.String({ format: 'date-time' }), assurance: Type.Union([Type.Literal('basic'), Type.Literal('verified')]),
  verifiedBy: Type.Union([Type.String(), Type.Null()]), verifiedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]), disabled: Type.Boolean(),
});

/** The signed-in user and what they may do (GET /auth/me, and the user of POST /auth/login). */
function meSchema(abilities: Abilities) {
  return Type.Object({
    ...PrincipalSchema.properties,
    abilities: Type.Array(Type.Enum(abilities.names), { description: 'What the caller may do in the web application (each module grants its own; see its `abilities`)' }),
    phone: Type.Union([Type.String(), Type.Null()], { description: "The user's own phone number (to prefill forms); only ever sent to the user themself" }),
  });
}

export function identityRoutes(deps: ModuleContext) {
  const { abilities } = deps.services;
  const MeSchema = meSchema(abilities);
  const me = async (p: Principal) => ({ ...p, abilities: abilities.of(p), phone: await service.ownPhone(deps.db, p.userId) });
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.post('/auth/citizens', {
      config: { policy: 'public', limit: { family: 'register', key: bodyField('idNumber') } },
      schema: {
        tags: ['identity'],
        summary: 'Register a citizen account / Đăng ký tài khoản công dân',
        body: Type.Object({
          idNumber: Type.String({ description: '12-digit personal ID number (CCCD)', minLength: 1, maxLength: 20 }),
          fullName: Type.String({ minLength: 1, maxLength: 100 }),
          phone: Type.String({ minLength: 1, maxLength: 20 }),
          password: Type.String({ minLength: 1, maxLength: 128 }),
        }, { additionalProperties: false }),
        response: {
          201: Type.Object({ id: Type.String(), username: Type.String(), fullName: Type.String(), assurance: Type.Literal('basic') }, {
            description: 'The account, basic until verified. The answer is the same whether or not the ID number has other accounts.',
          }),
          ...errors(400),
        },
      },
    }, async (req, reply) => {
      const user = await service.registerCitizen(ctxFrom(deps, req), req.body);
      return reply.status(201).send(user);
    });

    r.post('/auth/login', {
      config: { policy: 'public', limit: { family: 'login', key: bodyField('username') } },
      schema: {
        tags: ['identity'],
        summary: 'Sign in; returns a bearer token and sets the session cookie / Đăng nhập',
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 64, description: "A citizen's username is their ID number" }),
          password: Type.String({ minLength: 1, maxLength: 128 }),
        }, { additionalProperties: false }),
        response: { 200: Type.Object({ token: Type.String(), expiresAt: Type.String({ format: 'date-time' }), user: MeSchema }), ...errors(400, 401, 423) },
      },
    }, async (req, reply) => {
      const s = await service.login(ctxFrom(deps, req), req.body.username, req.body.password);
      reply.setCookie(SESSION_COOKIE, s.token, { ...sessionCookieOptions(deps.config), expires: s.expiresAt });
      return { token: s.token, expiresAt: s.expiresAt.toISOString(), user: await me(s.principal) };
    });

    r.post('/auth/logout', {
      config: { policy: 'authenticated' },
      schema: { tags: ['identity'], summary: 'Sign out / Đăng xuất', response: { 204: Type.Null(), ...errors(401) } },
    }, async (req, reply) => {
      if (req.sessionToken) await service.logout(ctxFrom(deps, req), req.sessionToken);
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps.config));
      return reply.status(204).send(null);
    });

    r.post('/citizen-accounts/search', {
      config: { policy: { roles: ['counter_officer'] } },
      schema: {
        tags: ['identity'],
        summary: 'Citizen accounts claiming an ID number, for verification at the counter / Tài khoản công dân theo số định danh',
        body: Type.Object({ idNumber: IdNumber }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(ClaimingAccount) }), ...errors(400, 401, 403) },
      },
    }, async (req) => service.accountsClaiming(ctxFrom(deps, req), req.body.idNumber));

    r.post('/citizen-accounts/:id/verify', {
      config: { policy: { roles: ['counter_officer'] } },
      schema: {
        tags: ['identity'],
        summary: 'Verify a citizen account after checking their ID card at the counter / Xác thực tài khoản công dân tại quầy',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Object({
          idNumber: Type.String({ pattern: '^[0-9]{12}$', description: 'The number on the ID card the officer checked; must be the one the account claims' }),
          idCardChecked: Type.Literal(true, { description: 'The officer saw the citizen and their ID card' }),
        }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Type.String(), assurance: Type.Literal('verified') }), ...errors(400, 401, 403, 404, 409) },
      },
    }, async (req) => service.verifyAtCounter(ctxFrom(deps, req), req.params.id, req.body.idNumber));

    r.get('/auth/me', {
      config: { policy: 'authenticated' },
      schema: { tags: ['identity'], summary: 'The signed-in user / Người dùng hiện tại', response: { 200: MeSchema, ...errors(401) } },
    }, async (req) => me(requirePrincipal(req)));
  };
}
