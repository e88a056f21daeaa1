/** The registry as the admin sees it (admin API, `gateway list`): members with subsystems and credentials (never secrets), services with endpoints and rights, groups. */
import type { Executor } from '../../db/index.ts';
import { formatSubsystemId } from './identifiers.ts';
import { gt } from './store-types.ts';

export interface CredentialView { clientId: string; kind: 'secret' | 'certificate'; fingerprint: string | null; createdAt: string; revokedAt: string | null }
export interface SubsystemView { id: string; code: string; name: string; createdAt: string; credentials: CredentialView[] }
export interface MemberView { id: string; instance: string; memberClass: string; memberCode: string; name: string; createdAt: string; subsystems: SubsystemView[] }
export interface RightView { subject: string; method: string; path: string; createdAt: string }
export interface ServiceView {
  id: string; provider: string; code: string; title: string; url: string; digestOnly: boolean; timeoutMs: number | null; disabled: boolean;
  hasOpenApi: boolean; updatedAt: string; endpoints: { method: string; path: string }[]; rights: RightView[];
}
export interface GroupView { id: string; code: string; description: string; members: string[] }
export interface RegistryView { instance: string; members: MemberView[]; services: ServiceView[]; groups: GroupView[] }

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The whole registry (a province's registry is small: hundreds of rows). */
export async function registryView(db: Executor, instance: string): Promise<RegistryView> {
  const g = gt(db);
  const [members, subsystems, credentials, services, endpoints, rights, groups, groupMembers] = await Promise.all([
    g.selectFrom('gateway_members').selectAll().orderBy('instance').orderBy('member_class').orderBy('member_code').execute(),
    g.selectFrom('gateway_subsystems').selectAll().orderBy('subsystem_code').execute(),
    g.selectFrom('gateway_credentials').select(['subsystem_id', 'client_id', 'kind', 'cert_sha256', 'created_at', 'revoked_at']).orderBy('created_at').orderBy('client_id').execute(),
    g.selectFrom('gateway_services').select(['id', 'subsystem_id', 'service_code', 'title', 'base_url', 'digest_only', 'timeout_ms', 'disabled', 'updated_at'])
      .select((eb) => eb('openapi', 'is not', null).as('has_openapi')).orderBy('service_code').execute(),
    g.selectFrom('gateway_endpoints').select(['service_id', 'method', 'path']).orderBy('path').orderBy('method').execute(),
    g.selectFrom('gateway_access_rights').selectAll().orderBy('created_at').orderBy('method').orderBy('path').execute(),
    g.selectFrom('gateway_groups').selectAll().orderBy('group_code').execute(),
    g.selectFrom('gateway_group_members').selectAll().execute(),
  ]);
  const memberById = new Map(members.map((m) => [m.id, m]));
  const subsystemText = new Map(subsystems.map((s) => {
    const m = memberById.get(s.member_id)!;
    return [s.id, formatSubsystemId({ instance: m.instance, memberClass: m.member_class, memberCode: m.member_code, subsystemCode: s.subsystem_code })];
  }));
  const groupText = new Map(groups.map((x) => [x.id, `group:${x.group_code}`]));
  const memberViews: MemberView[] = members.map((m) => ({
    id: `${m.instance}/${m.member_class}/${m.member_code}`, instance: m.instance, memberClass: m.member_class, memberCode: m.member_code, name: m.name,
    createdAt: iso(m.created_at)!,
    subsystems: subsystems.filter((s) => s.member_id === m.id).map((s) => ({
      id: subsystemText.get(s.id)!, code: s.subsystem_code, name: s.name, createdAt: iso(s.created_at)!,
      credentials: credentials.filter((c) => c.subsystem_id === s.id).map((c) => ({
        clientId: c.client_id, kind: c.kind, fingerprint: c.cert_sha256, createdAt: iso(c.created_at)!, revokedAt: iso(c.revoked_at),
      })),
    })),
  }));
  const serviceViews: ServiceView[] = services.map((s) => {
    const provider = subsystemText.get(s.subsystem_id)!;
    return {
      id: `${provider}/${s.service_code}`, provider, code: s.service_code, title: s.title, url: s.base_url, digestOnly: s.digest_only,
      timeoutMs: s.timeout_ms, disabled: s.disabled, hasOpenApi: Boolean(s.has_openapi), updatedAt: iso(s.updated_at)!,
      endpoints: endpoints.filter((e) => e.service_id === s.id).map((e) => ({ method: e.method, path: e.path })),
      rights: rights.filter((r) => r.service_id === s.id).map((r) => ({
        subject: r.subject_subsystem_id ? subsystemText.get(r.subject_subsystem_id)! : groupText.get(r.subject_group_id!)!,
        method: r.method, path: r.path, createdAt: iso(r.created_at)!,
      })),
    };
  });
  serviceViews.sort((a, b) => a.id.localeCompare(b.id));
  const groupViews: GroupView[] = groups.filter((x) => x.instance === instance).map((x) => ({
    id: `group:${x.group_code}`, code: x.group_code, description: x.description,
    members: groupMembers.filter((m) => m.group_id === x.id).map((m) => subsystemText.get(m.subsystem_id)!).sort(),
  }));
  return { instance, members: memberViews, services: serviceViews, groups: groupViews };
}

/** One service's OpenAPI document as imported, or null. */
export async function serviceOpenApi(db: Executor, serviceRowId: string): Promise<unknown> {
  const r = await gt(db).selectFrom('gateway_services').select('openapi').where('id', '=', serviceRowId).executeTakeFirst();
  return r?.openapi ?? null;
}
