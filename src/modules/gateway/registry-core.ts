/** What the registry's use cases share: their context, the one-transaction-with-audit wrapper, identifier and URL checks. */
import { inTx, type Tx } from '../../db/index.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditActor, type Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { formatSubsystemId, parseServiceId, parseSubsystemId, validPart, type ServiceId, type SubsystemId } from './identifiers.ts';
import './registry-problems.ts';
import * as store from './registry-store.ts';

/** What the registry needs: database, clock, settings, who acts (null: the command line). */
export type RegistryCtx = Pick<Ctx, 'db' | 'clock' | 'config' | 'actor'> & { requestId?: string | null };

export async function change<T>(ctx: RegistryCtx, action: string, subjectType: string, subjectId: string, fn: (tx: Tx, at: Date) => Promise<T>, data?: (r: T) => Record<string, unknown>): Promise<T> {
  const at = ctx.clock.now();
  return inTx(ctx.db, async (tx) => {
    const r = await fn(tx, at);
    await appendAudit(tx, {
      actor: ctx.actor ? auditActor(ctx.actor) : { kind: 'system', id: null }, action: `gateway.${action}`, subjectType, subjectId,
      requestId: ctx.requestId ?? null, at, data: data?.(r),
      // Every registry change takes one chain head, so that transactions never take two in different orders.
      chainOf: { subjectType: 'gateway', subjectId: 'registry' },
    });
    return r;
  }).catch((err: { code?: string }) => {
    if (err.code === '23505') throw new AppError('gateway-duplicate', `${subjectId} (or part of it) is already registered`);
    throw err;
  });
}

export function subsystemIdOf(text: string): SubsystemId {
  const id = typeof text === 'string' ? parseSubsystemId(text) : null;
  if (!id) throw new AppError('gateway-bad-identifier', `not a subsystem identifier INSTANCE/CLASS/MEMBER/SUBSYSTEM: ${JSON.stringify(String(text).slice(0, 100))}`);
  return id;
}

export function serviceIdOf(text: string): ServiceId {
  const id = typeof text === 'string' ? parseServiceId(text) : null;
  if (!id) throw new AppError('gateway-bad-identifier', `not a service identifier INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE: ${JSON.stringify(String(text).slice(0, 100))}`);
  return id;
}

export function memberIdOf(text: string) {
  const p = typeof text === 'string' ? text.split('/') : [];
  if (p.length !== 3 || !p.every(validPart)) throw new AppError('gateway-bad-identifier', `not a member identifier INSTANCE/CLASS/MEMBER: ${JSON.stringify(String(text).slice(0, 100))}`);
  return { instance: p[0]!, memberClass: p[1]!, memberCode: p[2]! };
}

export async function subsystemRow(tx: Tx | RegistryCtx['db'], id: SubsystemId) {
  const s = await store.findSubsystem(tx, id);
  if (!s) throw new AppError('gateway-unknown-subsystem', `subsystem ${formatSubsystemId(id)} is not registered`);
  return s;
}

export function checkUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AppError('gateway-bad-url', `not a URL: ${JSON.stringify(String(url).slice(0, 200))}`);
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname || u.username || u.password || url.length > 2000) {
    throw new AppError('gateway-bad-url', `only http and https URLs without credentials: ${JSON.stringify(String(url).slice(0, 200))}`);
  }
  return url;
}

