/**
 * The gateway's admin API under /api/v1/gateway/ (province admins only): the registry (members,
 * subsystems, services with OpenAPI import), access rights, groups and client credentials. The message
 * log and monitoring routes are the log's and the monitor's.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxFrom, type AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { errors } from '../../platform/schemas.ts';
import type { Role } from '../../platform/auth.ts';
import {
  addCertificateClient, addClient, addGroup, addGroupMember, addMember, addService, addSubsystem, allow, deny, removeGroupMember, revokeClient,
} from './registry.ts';
import { formatSubsystemId } from './identifiers.ts';
import { serviceIdOf } from './registry-core.ts';
import { findService } from './registry-store.ts';
import { registryView } from './registry-views.ts';
import * as S from './admin-schemas.ts';

export const GATEWAY_ADMIN_ROLES: readonly Role[] = ['province_admin'];
const policy = { roles: GATEWAY_ADMIN_ROLES };
const tags = ['gateway'];

export function gatewayAdminRoutes(deps: AppDeps) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const ctx = (req: Parameters<typeof ctxFrom>[1]) => ctxFrom(deps, req);

    r.get('/gateway/registry', {
      config: { policy },
      schema: { tags, summary: 'The registry: members, subsystems, credentials (no secrets), services, rights, groups / Danh bạ LGSP', response: { 200: S.RegistryView, ...errors(401, 403) } },
    }, async () => registryView(deps.db, deps.config.gateway.instance));

    r.post('/gateway/members', {
      config: { policy },
      schema: {
        tags, summary: 'Register a member (organisation) / Đăng ký thành viên',
        body: Type.Object({ id: Type.String({ minLength: 1, maxLength: 800, description: 'INSTANCE/CLASS/MEMBER' }), name: Type.Optional(S.Name) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Type.String(), name: Type.String() }), ...errors(400, 401, 403, 409) },
      },
    }, async (req, reply) => reply.code(201).send(await addMember(ctx(req), req.body.id, { name: req.body.name })));

    r.post('/gateway/subsystems', {
      config: { policy },
      schema: {
        tags, summary: 'Register a subsystem (and its member when missing) / Đăng ký hệ thống con',
        body: Type.Object({ id: S.SubsystemIdText, name: Type.Optional(S.Name), memberName: Type.Optional(S.Name) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Type.String(), name: Type.String(), created: Type.Boolean(), memberCreated: Type.Boolean() }), ...errors(400, 401, 403, 409) },
      },
    }, async (req, reply) => reply.code(201).send(await addSubsystem(ctx(req), req.body.id, { name: req.body.name, memberName: req.body.memberName })));

    r.post('/gateway/services', {
      config: { policy },
      schema: {
        tags, summary: 'Register or update a service (OpenAPI import, endpoints, digest-only, disable) / Đăng ký, cập nhật dịch vụ',
        description: 'Upsert by identifier: only the fields given change. With `openapi` (JSON or YAML text) its endpoints replace the service\'s and its first server is the default `url`.',
        body: S.ServiceBody,
        response: { 200: S.SavedService, ...errors(400, 401, 403, 404, 409) },
      },
    }, async (req) => {
      const { id, createSubsystem, ...input } = req.body;
      if (createSubsystem) await addSubsystem(ctx(req), formatSubsystemId(serviceIdOf(id)), { ifMissing: true });
      return addService(ctx(req), id, input);
    });

    r.get('/gateway/services/openapi', {
      config: { policy },
      schema: {
        tags, summary: 'A service\'s OpenAPI document as imported / Tài liệu OpenAPI của dịch vụ',
        querystring: Type.Object({ id: S.ServiceIdText }, { additionalProperties: false }),
        response: { 200: Type.Object({}, { additionalProperties: true }), ...errors(400, 401, 403, 404) },
      },
    }, async (req) => {
      const s = await findService(deps.db, serviceIdOf(req.query.id));
      if (!s) throw new AppError('gateway-unknown-service');
      if (s.openapi === null) throw new AppError('not-found', 'this service has no OpenAPI document');
      return s.openapi as Record<string, unknown>;
    });

    r.post('/gateway/rights', {
      config: { policy },
      schema: {
        tags, summary: 'Grant an access right / Cấp quyền truy cập', body: S.RightBody,
        response: { 200: Type.Object({ subject: Type.String(), service: Type.String(), method: Type.String(), path: Type.String(), granted: Type.Boolean() }), ...errors(400, 401, 403, 404) },
      },
    }, async (req) => allow(ctx(req), req.body.subject, req.body.service, req.body));

    r.post('/gateway/rights/revoke', {
      config: { policy },
      schema: {
        tags, summary: 'Revoke access rights (the one with method and path, or all of the subject\'s on the service) / Thu hồi quyền', body: S.RightBody,
        response: { 200: Type.Object({ subject: Type.String(), service: Type.String(), removed: Type.Array(S.Endpoint) }), ...errors(400, 401, 403, 404) },
      },
    }, async (req) => deny(ctx(req), req.body.subject, req.body.service, req.body));

    r.post('/gateway/groups', {
      config: { policy },
      schema: {
        tags, summary: 'Register a group of subsystems / Tạo nhóm',
        body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 100 }), description: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Type.String(), code: Type.String(), description: Type.String() }), ...errors(400, 401, 403, 409) },
      },
    }, async (req, reply) => reply.code(201).send(await addGroup(ctx(req), req.body.code, req.body)));

    const GroupMember = Type.Object({ group: Type.String({ minLength: 1, maxLength: 110 }), subsystem: S.SubsystemIdText }, { additionalProperties: false });
    r.post('/gateway/groups/members', {
      config: { policy },
      schema: { tags, summary: 'Add a subsystem to a group / Thêm vào nhóm', body: GroupMember, response: { 200: Type.Object({ group: Type.String(), subsystem: Type.String(), added: Type.Boolean() }), ...errors(400, 401, 403, 404) } },
    }, async (req) => addGroupMember(ctx(req), req.body.group, req.body.subsystem));

    r.post('/gateway/groups/members/remove', {
      config: { policy },
      schema: { tags, summary: 'Remove a subsystem from a group / Bỏ khỏi nhóm', body: GroupMember, response: { 200: Type.Object({ group: Type.String(), subsystem: Type.String(), removed: Type.Boolean() }), ...errors(400, 401, 403, 404) } },
    }, async (req) => removeGroupMember(ctx(req), req.body.group, req.body.subsystem));

    r.get('/gateway/credentials', {
      config: { policy },
      schema: {
        tags, summary: 'Client credentials, without secrets / Danh sách thông tin xác thực',
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ ...S.Credential.properties, subsystem: Type.String() })) }), ...errors(401, 403) },
      },
    }, async () => {
      const v = await registryView(deps.db, deps.config.gateway.instance);
      return { items: v.members.flatMap((m) => m.subsystems.flatMap((s) => s.credentials.map((c) => ({ ...c, subsystem: s.id })))) };
    });

    r.post('/gateway/credentials', {
      config: { policy },
      schema: {
        tags, summary: 'Create a client credential: a client id and secret (shown once), or a TLS certificate / Cấp thông tin xác thực',
        body: Type.Object({
          subsystem: S.SubsystemIdText,
          certificate: Type.Optional(Type.String({ maxLength: 20_000, description: 'PEM certificate issued by the province CA (else a secret is made)' })),
        }, { additionalProperties: false }),
        response: { 201: S.NewCredential, ...errors(400, 401, 403, 404, 409) },
      },
    }, async (req, reply) => {
      const { subsystem, certificate } = req.body;
      const made = certificate ? await addCertificateClient(ctx(req), subsystem, certificate) : await addClient(ctx(req), subsystem);
      return reply.code(201).header('cache-control', 'no-store').send(made);
    });

    r.post('/gateway/credentials/:clientId/revoke', {
      config: { policy },
      schema: {
        tags, summary: 'Revoke a client credential / Thu hồi thông tin xác thực',
        params: Type.Object({ clientId: Type.String({ pattern: '^[a-z0-9-]{1,80}$' }) }),
        response: { 200: Type.Object({ clientId: Type.String(), revoked: Type.Boolean(), revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]) }), ...errors(400, 401, 403, 404) },
      },
    }, async (req) => {
      const r2 = await revokeClient(ctx(req), req.params.clientId);
      return { ...r2, revokedAt: r2.revokedAt ? new Date(r2.revokedAt).toISOString() : null };
    });
  };
}
