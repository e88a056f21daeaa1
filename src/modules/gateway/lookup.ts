/**
 * The read side of the registry, as the proxy and the metaservices need it: the whole registry of a
 * province is small (hundreds of subsystems, thousands of rights), so each node keeps it in memory as
 * one snapshot and answers every request from it without a database round trip.
 *
 * Freshness: every change to a registry table moves gateway_registry_version (triggers, migration 034).
 * A node reads that one row at most once a second (REGISTRY_CHECK_MS) and reloads the snapshot
 * when it moved, so a change made by the command line in another process, or on another node — a new
 * right, a revoked credential, a disabled service — takes effect within about a second.
 * `refreshRegistry(db)` makes the next lookup check at once (used after changes in the same process).
 */
import type { Db } from '../../db/index.ts';
import type { Rule } from './access.ts';
import { formatSubsystemId } from './identifiers.ts';
import { gp } from './proxy-tables.ts';

export interface SubsystemInfo { id: string; ident: string; memberIdent: string; memberName: string; name: string }
export interface ServiceInfo {
  id: string; ident: string; code: string; subsystem: SubsystemInfo; title: string; baseUrl: string;
  digestOnly: boolean; timeoutMs: number | null; disabled: boolean; openapi: unknown | null; endpoints: Rule[];
}
export interface CredentialInfo { id: string; subsystemId: string; kind: 'secret' | 'certificate'; clientId: string; revoked: boolean }
interface RightRow extends Rule { subsystemId: string | null; groupId: string | null }

export interface Snapshot {
  version: string;
  subsystems: Map<string, SubsystemInfo>;
  subsystemByIdent: Map<string, SubsystemInfo>;
  memberNames: Map<string, string>;
  services: Map<string, ServiceInfo>;
  credentials: Map<string, CredentialInfo>;
  credentialByCert: Map<string, CredentialInfo>;
  groupsOf: Map<string, Set<string>>;
  rights: Map<string, RightRow[]>;
}

const REGISTRY_CHECK_MS = 1000;

async function load(db: Db): Promise<Snapshot> {
  const q = gp(db);
  const version = (await q.selectFrom('gateway_registry_version').select('version').executeTakeFirst())?.version ?? '0';
  const [members, subs, creds, services, endpoints, groupMembers, rights] = await Promise.all([
    q.selectFrom('gateway_members').selectAll().execute(),
    q.selectFrom('gateway_subsystems').selectAll().execute(),
    q.selectFrom('gateway_credentials').select(['id', 'subsystem_id', 'kind', 'client_id', 'cert_sha256', 'revoked_at']).execute(),
    q.selectFrom('gateway_services').selectAll().orderBy('service_code').execute(),
    q.selectFrom('gateway_endpoints').select(['service_id', 'method', 'path']).orderBy('path').orderBy('method').execute(),
    q.selectFrom('gateway_group_members').select(['group_id', 'subsystem_id']).execute(),
    q.selectFrom('gateway_access_rights').select(['service_id', 'subject_subsystem_id', 'subject_group_id', 'method', 'path']).execute(),
  ]);
  const memberById = new Map(members.map((m) => [m.id, m]));
  const s: Snapshot = {
    version: String(version), subsystems: new Map(), subsystemByIdent: new Map(), memberNames: new Map(), services: new Map(),
    credentials: new Map(), credentialByCert: new Map(), groupsOf: new Map(), rights: new Map(),
  };
  for (const m of members) s.memberNames.set(`${m.instance}/${m.member_class}/${m.member_code}`, m.name);
  for (const r of subs) {
    const m = memberById.get(r.member_id)!;
    const info: SubsystemInfo = {
      id: r.id, name: r.name, memberName: m.name, memberIdent: `${m.instance}/${m.member_class}/${m.member_code}`,
      ident: formatSubsystemId({ instance: m.instance, memberClass: m.member_class, memberCode: m.member_code, subsystemCode: r.subsystem_code }),
    };
    s.subsystems.set(r.id, info);
    s.subsystemByIdent.set(info.ident, info);
  }
  for (const c of creds) {
    const info: CredentialInfo = { id: c.id, subsystemId: c.subsystem_id, kind: c.kind, clientId: c.client_id, revoked: c.revoked_at !== null };
    s.credentials.set(c.id, info);
    if (c.cert_sha256) s.credentialByCert.set(c.cert_sha256, info);
  }
  const byService = new Map<string, Rule[]>();
  for (const e of endpoints) byService.set(e.service_id, [...(byService.get(e.service_id) ?? []), { method: e.method, path: e.path }]);
  for (const r of services) {
    const sub = s.subsystems.get(r.subsystem_id)!;
    s.services.set(`${sub.ident}/${r.service_code}`, {
      id: r.id, ident: `${sub.ident}/${r.service_code}`, code: r.service_code, subsystem: sub, title: r.title, baseUrl: r.base_url,
      digestOnly: r.digest_only, timeoutMs: r.timeout_ms, disabled: r.disabled, openapi: r.openapi, endpoints: byService.get(r.id) ?? [],
    });
  }
  for (const g of groupMembers) {
    const set = s.groupsOf.get(g.subsystem_id) ?? new Set<string>();
    set.add(g.group_id);
    s.groupsOf.set(g.subsystem_id, set);
  }
  for (const r of rights) {
    const row: RightRow = { subsystemId: r.subject_subsystem_id, groupId: r.subject_group_id, method: r.method, path: r.path };
    s.rights.set(r.service_id, [...(s.rights.get(r.service_id) ?? []), row]);
  }
  return s;
}

interface Cache { snapshot: Snapshot | null; checkedAt: number; pending: Promise<Snapshot> | null }
const caches = new WeakMap<object, Cache>();

async function current(db: Db, c: Cache): Promise<Snapshot> {
  const v = await gp(db).selectFrom('gateway_registry_version').select('version').executeTakeFirst();
  c.checkedAt = Date.now();
  if (c.snapshot && String(v?.version ?? '0') === c.snapshot.version) return c.snapshot;
  c.snapshot = await load(db);
  return c.snapshot;
}

/** The registry as this node knows it (checked against the database at most once a second). */
export function registry(db: Db): Promise<Snapshot> {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { snapshot: null, checkedAt: 0, pending: null }));
  if (c.snapshot && Date.now() - c.checkedAt < REGISTRY_CHECK_MS) return Promise.resolve(c.snapshot);
  const cache = c;
  cache.pending ??= current(db, cache).finally(() => { cache.pending = null; });
  return cache.pending;
}

/** The next lookup checks the database's registry version at once. */
export function refreshRegistry(db: Db): void {
  const c = caches.get(db);
  if (c) c.checkedAt = 0;
}

/** The rights on a service that apply to a client subsystem: its own and its groups'. */
export function rightsOf(s: Snapshot, serviceId: string, clientSubsystemId: string): Rule[] {
  const groups = s.groupsOf.get(clientSubsystemId);
  return (s.rights.get(serviceId) ?? []).filter((r) => r.subsystemId === clientSubsystemId || (r.groupId !== null && groups?.has(r.groupId)));
}

/** The services a provider subsystem offers. */
export function servicesOf(s: Snapshot, providerIdent: string): ServiceInfo[] {
  return [...s.services.values()].filter((x) => x.subsystem.ident === providerIdent);
}
