/** The registry's SQL (Kysely only): lookups by X-Road identifier and the rows the registry's use cases write. */
import type { Executor } from '../../db/index.ts';
import type { SubsystemId, ServiceId } from './identifiers.ts';
import { gt, type GatewayTables } from './store-types.ts';

type Row<T extends keyof GatewayTables> = GatewayTables[T];

export async function findMember(db: Executor, id: Omit<SubsystemId, 'subsystemCode'>) {
  return gt(db).selectFrom('gateway_members').selectAll()
    .where('instance', '=', id.instance).where('member_class', '=', id.memberClass).where('member_code', '=', id.memberCode)
    .executeTakeFirst();
}

export async function insertMember(db: Executor, row: Row<'gateway_members'>) {
  await gt(db).insertInto('gateway_members').values(row).execute();
}

export async function findSubsystem(db: Executor, id: SubsystemId) {
  return gt(db).selectFrom('gateway_subsystems as s').innerJoin('gateway_members as m', 'm.id', 's.member_id')
    .select(['s.id', 's.member_id', 's.subsystem_code', 's.name', 's.created_at'])
    .where('m.instance', '=', id.instance).where('m.member_class', '=', id.memberClass).where('m.member_code', '=', id.memberCode)
    .where('s.subsystem_code', '=', id.subsystemCode)
    .executeTakeFirst();
}

export async function insertSubsystem(db: Executor, row: Row<'gateway_subsystems'>) {
  await gt(db).insertInto('gateway_subsystems').values(row).execute();
}

export async function clientIdTaken(db: Executor, clientId: string): Promise<boolean> {
  return !!(await gt(db).selectFrom('gateway_credentials').select('id').where('client_id', '=', clientId).executeTakeFirst());
}

export async function insertCredential(db: Executor, row: Omit<Row<'gateway_credentials'>, 'revoked_at'>) {
  await gt(db).insertInto('gateway_credentials').values({ ...row, revoked_at: null }).execute();
}

export async function credentialByFingerprint(db: Executor, sha256: string) {
  return gt(db).selectFrom('gateway_credentials').select(['id', 'client_id']).where('cert_sha256', '=', sha256).executeTakeFirst();
}

/** The credential with its subsystem's identifier parts. */
export async function credentialByClientId(db: Executor, clientId: string) {
  return gt(db).selectFrom('gateway_credentials as c')
    .innerJoin('gateway_subsystems as s', 's.id', 'c.subsystem_id').innerJoin('gateway_members as m', 'm.id', 's.member_id')
    .select(['c.id', 'c.client_id', 'c.kind', 'c.subsystem_id', 'c.revoked_at', 's.subsystem_code', 'm.instance', 'm.member_class', 'm.member_code'])
    .where('c.client_id', '=', clientId)
    .executeTakeFirst();
}

export async function revokeCredential(db: Executor, id: string, at: Date): Promise<boolean> {
  const r = await gt(db).updateTable('gateway_credentials').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function findService(db: Executor, id: ServiceId) {
  const sub = await findSubsystem(db, id);
  if (!sub) return undefined;
  const svc = await gt(db).selectFrom('gateway_services').selectAll()
    .where('subsystem_id', '=', sub.id).where('service_code', '=', id.serviceCode).executeTakeFirst();
  return svc && { ...svc, subsystem: sub };
}

export async function insertService(db: Executor, row: Row<'gateway_services'>) {
  await gt(db).insertInto('gateway_services').values({ ...row, openapi: row.openapi === null ? null : JSON.stringify(row.openapi) }).execute();
}

export async function updateService(db: Executor, id: string, set: Partial<Omit<Row<'gateway_services'>, 'id' | 'subsystem_id' | 'service_code' | 'created_at'>>) {
  const values = { ...set, ...(set.openapi !== undefined ? { openapi: set.openapi === null ? null : JSON.stringify(set.openapi) } : {}) };
  await gt(db).updateTable('gateway_services').set(values).where('id', '=', id).execute();
}

export async function replaceEndpoints(db: Executor, serviceId: string, endpoints: { method: string; path: string }[], ids: () => string, at: Date) {
  await gt(db).deleteFrom('gateway_endpoints').where('service_id', '=', serviceId).execute();
  if (endpoints.length === 0) return;
  await gt(db).insertInto('gateway_endpoints')
    .values(endpoints.map((e) => ({ id: ids(), service_id: serviceId, method: e.method, path: e.path, created_at: at })))
    .execute();
}

export async function endpointsOf(db: Executor, serviceId: string) {
  return gt(db).selectFrom('gateway_endpoints').select(['method', 'path']).where('service_id', '=', serviceId).orderBy('path').orderBy('method').execute();
}

export async function findGroup(db: Executor, instance: string, code: string) {
  return gt(db).selectFrom('gateway_groups').selectAll().where('instance', '=', instance).where('group_code', '=', code).executeTakeFirst();
}

export async function insertGroup(db: Executor, row: Row<'gateway_groups'>) {
  await gt(db).insertInto('gateway_groups').values(row).execute();
}

/** Adds a subsystem to a group; false when it was already in it. */
export async function insertGroupMember(db: Executor, row: Row<'gateway_group_members'>): Promise<boolean> {
  const r = await gt(db).insertInto('gateway_group_members').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function removeGroupMember(db: Executor, groupId: string, subsystemId: string): Promise<boolean> {
  const r = await gt(db).deleteFrom('gateway_group_members').where('group_id', '=', groupId).where('subsystem_id', '=', subsystemId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export type Subject = { subsystemId: string; groupId?: undefined } | { groupId: string; subsystemId?: undefined };

export async function findRight(db: Executor, serviceId: string, s: Subject, method: string, path: string) {
  let q = gt(db).selectFrom('gateway_access_rights').selectAll().where('service_id', '=', serviceId).where('method', '=', method).where('path', '=', path);
  q = s.subsystemId ? q.where('subject_subsystem_id', '=', s.subsystemId) : q.where('subject_group_id', '=', s.groupId!);
  return q.executeTakeFirst();
}

export async function insertRight(db: Executor, row: Row<'gateway_access_rights'>) {
  await gt(db).insertInto('gateway_access_rights').values(row).execute();
}

/** Removes a subject's rights on a service: those with this method and path, or all when not given. */
export async function deleteRights(db: Executor, serviceId: string, s: Subject, method?: string, path?: string) {
  let q = gt(db).deleteFrom('gateway_access_rights').where('service_id', '=', serviceId);
  q = s.subsystemId ? q.where('subject_subsystem_id', '=', s.subsystemId) : q.where('subject_group_id', '=', s.groupId!);
  if (method !== undefined) q = q.where('method', '=', method);
  if (path !== undefined) q = q.where('path', '=', path);
  return q.returning(['id', 'method', 'path']).execute();
}
