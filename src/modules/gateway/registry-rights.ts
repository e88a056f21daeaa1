/**
 * Access rights (deny by default) and groups. A right lets a subject call a service — all of it
 * (method `*`, path `*`) or the endpoints matching a method and path pattern. The subject is a subsystem
 * identifier, a group `group:CODE` (of this gateway's instance), or an OAuth client_id (its subsystem).
 */
import { randomUUID } from 'node:crypto';
import type { Executor, Tx } from '../../db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { formatServiceId, formatSubsystemId, parseSubsystemId, validPart } from './identifiers.ts';
import { normaliseEndpoint } from './openapi-import.ts';
import { change, serviceIdOf, subsystemIdOf, subsystemRow, type RegistryCtx } from './registry-core.ts';
import * as store from './registry-store.ts';

export interface ResolvedSubject {
  subject: store.Subject;
  /** The subsystem identifier or `group:CODE`. */
  label: string;
}

function groupCodeOf(text: string): string {
  const code = text.slice('group:'.length);
  if (!validPart(code) || code.length > 100) throw new AppError('gateway-bad-identifier', `not a group code: ${JSON.stringify(code.slice(0, 100))}`);
  return code;
}

/** Resolves an access-right subject; unknown ones are errors. */
export async function resolveSubject(db: Executor, instance: string, text: string): Promise<ResolvedSubject> {
  if (typeof text !== 'string' || text.length === 0 || text.length > 1100) throw new AppError('gateway-bad-identifier', 'empty or overlong subject');
  if (text.startsWith('group:')) {
    const code = groupCodeOf(text);
    const g = await store.findGroup(db, instance, code);
    if (!g) throw new AppError('gateway-unknown-group', `group ${code} is not registered`);
    return { subject: { groupId: g.id }, label: `group:${code}` };
  }
  if (text.includes('/')) {
    const id = subsystemIdOf(text);
    const s = await subsystemRow(db, id);
    return { subject: { subsystemId: s.id }, label: formatSubsystemId(id) };
  }
  const c = await store.credentialByClientId(db, text);
  if (!c) throw new AppError('gateway-unknown-client', `client id ${text.slice(0, 100)} is not registered`);
  const label = formatSubsystemId({ instance: c.instance, memberClass: c.member_class, memberCode: c.member_code, subsystemCode: c.subsystem_code });
  return { subject: { subsystemId: c.subsystem_id }, label };
}

async function serviceRow(tx: Tx, serviceId: string) {
  const id = serviceIdOf(serviceId);
  const s = await store.findService(tx, id);
  if (!s) throw new AppError('gateway-unknown-service', `service ${formatServiceId(id)} is not registered`);
  return { row: s, text: formatServiceId(id) };
}

function endpointOf(method: string | undefined, path: string | undefined) {
  const e = normaliseEndpoint({ method, path });
  if (!e) throw new AppError('gateway-bad-endpoint', `${String(method ?? '*')} ${String(path ?? '*')}`.slice(0, 200));
  return e;
}

/** Grants a subject the right to call a service (or its endpoints matching method + path). Granting twice is not an error. */
export async function allow(ctx: RegistryCtx, subject: string, serviceId: string, opts: { method?: string; path?: string } = {}) {
  const e = endpointOf(opts.method, opts.path);
  const text = formatServiceId(serviceIdOf(serviceId));
  return change(ctx, 'right_granted', 'gateway_service', text, async (tx, at) => {
    const { row } = await serviceRow(tx, serviceId);
    const s = await resolveSubject(tx, ctx.config.gateway.instance, subject);
    const had = await store.findRight(tx, row.id, s.subject, e.method, e.path);
    if (!had) {
      await store.insertRight(tx, {
        id: randomUUID(), service_id: row.id, subject_subsystem_id: s.subject.subsystemId ?? null, subject_group_id: s.subject.groupId ?? null,
        method: e.method, path: e.path, created_at: at,
      });
    }
    return { subject: s.label, service: text, method: e.method, path: e.path, granted: !had };
  }, (r) => ({ subject: r.subject, method: r.method, path: r.path, already: !r.granted }));
}

/** Revokes a subject's rights on a service: the one with this method and path, or all of them when neither is given. */
export async function deny(ctx: RegistryCtx, subject: string, serviceId: string, opts: { method?: string; path?: string } = {}) {
  const e = opts.method === undefined && opts.path === undefined ? undefined : endpointOf(opts.method, opts.path);
  const text = formatServiceId(serviceIdOf(serviceId));
  return change(ctx, 'right_revoked', 'gateway_service', text, async (tx) => {
    const { row } = await serviceRow(tx, serviceId);
    const s = await resolveSubject(tx, ctx.config.gateway.instance, subject);
    const removed = await store.deleteRights(tx, row.id, s.subject, e?.method, e?.path);
    return { subject: s.label, service: text, removed: removed.map((r) => ({ method: r.method, path: r.path })) };
  }, (r) => ({ subject: r.subject, removed: r.removed }));
}

/** A group of subsystems `group:CODE` in this gateway's instance. */
export async function addGroup(ctx: RegistryCtx, code: string, opts: { description?: string } = {}) {
  const groupCode = groupCodeOf(`group:${String(code).replace(/^group:/, '')}`);
  return change(ctx, 'group_added', 'gateway_group', groupCode, async (tx, at) => {
    if (await store.findGroup(tx, ctx.config.gateway.instance, groupCode)) throw new AppError('gateway-duplicate', `group ${groupCode} is already registered`);
    const description = (opts.description ?? '').slice(0, 500);
    await store.insertGroup(tx, { id: randomUUID(), instance: ctx.config.gateway.instance, group_code: groupCode, description, created_at: at });
    return { id: `group:${groupCode}`, code: groupCode, description };
  });
}

async function groupAndSubsystem(tx: Tx, instance: string, code: string, subsystemId: string) {
  const groupCode = groupCodeOf(`group:${String(code).replace(/^group:/, '')}`);
  const g = await store.findGroup(tx, instance, groupCode);
  if (!g) throw new AppError('gateway-unknown-group', `group ${groupCode} is not registered`);
  const id = parseSubsystemId(subsystemId) ?? subsystemIdOf(subsystemId);
  const s = await subsystemRow(tx, id);
  return { g, s, groupCode, subsystem: formatSubsystemId(id) };
}

export async function addGroupMember(ctx: RegistryCtx, code: string, subsystemId: string) {
  return change(ctx, 'group_member_added', 'gateway_group', String(code).slice(0, 100), async (tx, at) => {
    const { g, s, groupCode, subsystem } = await groupAndSubsystem(tx, ctx.config.gateway.instance, code, subsystemId);
    const added = await store.insertGroupMember(tx, { group_id: g.id, subsystem_id: s.id, added_at: at });
    return { group: `group:${groupCode}`, subsystem, added };
  }, (r) => ({ subsystem: r.subsystem, added: r.added }));
}

export async function removeGroupMember(ctx: RegistryCtx, code: string, subsystemId: string) {
  return change(ctx, 'group_member_removed', 'gateway_group', String(code).slice(0, 100), async (tx) => {
    const { g, s, groupCode, subsystem } = await groupAndSubsystem(tx, ctx.config.gateway.instance, code, subsystemId);
    const removed = await store.removeGroupMember(tx, g.id, s.id);
    return { group: `group:${groupCode}`, subsystem, removed };
  }, (r) => ({ subsystem: r.subsystem, removed: r.removed }));
}
