/** TypeBox schemas of the gateway's admin API (registry, credentials, rights, groups). */
import { Type } from 'typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Id = (description: string, maxLength = 1100) => Type.String({ minLength: 1, maxLength, description });
export const Name = Type.String({ maxLength: 200 });
export const SubsystemIdText = Id('INSTANCE/CLASS/MEMBER/SUBSYSTEM');
export const ServiceIdText = Id('INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE');
export const Subject = Id('a subsystem INSTANCE/CLASS/MEMBER/SUBSYSTEM, a group `group:CODE`, or an OAuth client_id');
export const Method = Type.String({ maxLength: 10, description: 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or * (any)' });
export const PathPattern = Type.String({ maxLength: 1000, description: '`*` (any), or a path from `/`, `*` or `{param}` matching one segment' });

export const Endpoint = Type.Object({ method: Type.String(), path: Type.String() });
export const Credential = Type.Object({
  clientId: Type.String(), kind: Type.Union([Type.Literal('secret'), Type.Literal('certificate')]),
  fingerprint: Nullable(Type.String()), createdAt: Type.String({ format: 'date-time' }), revokedAt: Nullable(Type.String({ format: 'date-time' })),
});
export const SubsystemView = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), createdAt: Type.String(), credentials: Type.Array(Credential) });
export const MemberView = Type.Object({
  id: Type.String(), instance: Type.String(), memberClass: Type.String(), memberCode: Type.String(), name: Type.String(), createdAt: Type.String(),
  subsystems: Type.Array(SubsystemView),
});
export const Right = Type.Object({ subject: Type.String(), method: Type.String(), path: Type.String(), createdAt: Type.String() });
export const ServiceView = Type.Object({
  id: Type.String(), provider: Type.String(), code: Type.String(), title: Type.String(), url: Type.String(), digestOnly: Type.Boolean(),
  timeoutMs: Type.Union([Type.Integer(), Type.Null()]), disabled: Type.Boolean(), hasOpenApi: Type.Boolean(), updatedAt: Type.String(),
  endpoints: Type.Array(Endpoint), rights: Type.Array(Right),
});
export const GroupView = Type.Object({ id: Type.String(), code: Type.String(), description: Type.String(), members: Type.Array(Type.String()) });
export const RegistryView = Type.Object({ instance: Type.String(), members: Type.Array(MemberView), services: Type.Array(ServiceView), groups: Type.Array(GroupView) });

export const ServiceBody = Type.Object({
  id: ServiceIdText,
  url: Type.Optional(Type.String({ maxLength: 2000, description: 'backend base URL, http or https (default: the OpenAPI document\'s first server)' })),
  openapi: Type.Optional(Type.String({ maxLength: 900_000, description: 'OpenAPI 3 document, JSON or YAML text; its endpoints replace the service\'s' })),
  endpoints: Type.Optional(Type.Array(Type.Object({ method: Method, path: PathPattern }, { additionalProperties: false }), { maxItems: 2000, description: 'endpoints by hand (without openapi)' })),
  digestOnly: Type.Optional(Type.Boolean({ description: 'the message log keeps only the bodies\' digests' })),
  timeoutMs: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 600_000 }), Type.Null()])),
  title: Type.Optional(Name),
  disabled: Type.Optional(Type.Boolean()),
  createSubsystem: Type.Optional(Type.Boolean({ description: 'register the provider subsystem (and member) when missing' })),
}, { additionalProperties: false });

export const SavedService = Type.Object({
  id: Type.String(), created: Type.Boolean(), url: Type.String(), title: Type.String(), digestOnly: Type.Boolean(),
  timeoutMs: Type.Union([Type.Integer(), Type.Null()]), disabled: Type.Boolean(), hasOpenApi: Type.Boolean(), endpoints: Type.Array(Endpoint),
});

export const RightBody = Type.Object({
  subject: Subject, service: ServiceIdText, method: Type.Optional(Method), path: Type.Optional(PathPattern),
}, { additionalProperties: false });

export const NewCredential = Type.Object({
  credentialId: Type.String(), clientId: Type.String(), subsystem: Type.String(),
  clientSecret: Type.Optional(Type.String({ description: 'shown only in this response; the gateway keeps only its Argon2id hash' })),
  fingerprint: Type.Optional(Type.String({ description: 'SHA-256 of the certificate, hex' })),
});
