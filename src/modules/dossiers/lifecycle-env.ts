/**
 * What the pure lifecycle needs to decide about one dossier, loaded from the world: its agencies, its
 * process, the procedure's time limit for its channel, the acting user, the calendar.
 */
import type { Executor } from '../../db/index.ts';
import type { Principal } from '../../platform/auth.ts';
import { ROLE_NAMES } from '../identity/index.ts';
import * as catalog from '../catalog/index.ts';
import type { Channel, Procedure } from '../catalog/index.ts';
import { createCalendar, type OfficeHoursConfig, type WorkingCalendar } from '../calendar/index.ts';
import type { Actor, DossierAgencies, LifecycleContext } from './lifecycle-check.ts';
import { procedureWorkingDays, processForProcedure } from './workflow-templates.ts';
import { validateProcess, type ProcessDefinition } from './workflow.ts';

/**
 * Working calendars: Labour Code holidays and the published 2024–2026 schedules, with an agency's
 * office hours (default 07:00–11:30, 13:30–17:00, cut-off 15:00). One instance per distinct setting.
 */
const calendars = new Map<string, WorkingCalendar>();
export function calendarFor(hours: OfficeHoursConfig | null | undefined): WorkingCalendar {
  const key = JSON.stringify(hours ?? null);
  let c = calendars.get(key);
  if (!c) calendars.set(key, (c = createCalendar(hours ? { officeHours: hours } : {})));
  return c;
}

/** The calendar of the agency whose office hours count for a dossier: its receiving desk. */
export async function agencyCalendar(db: Executor, agencyId: string | null): Promise<WorkingCalendar> {
  return calendarFor(agencyId ? (await catalog.getAgency(db, agencyId))?.office_hours : null);
}

export const CHANNEL_NAMES: Record<number, Channel> = { 1: 'direct', 2: 'online', 3: 'postal' };

export async function agenciesOf(db: Executor, d: { desk_agency_id: string; handling_agency_id: string; commune_code: string | null }): Promise<DossierAgencies> {
  return {
    deskId: d.desk_agency_id,
    handlingId: d.handling_agency_id,
    communeId: await catalog.communeAgency(db, 'commune_peoples_committee', d.commune_code),
    fixed: await catalog.provincialAgencies(db),
  };
}

/**
 * The process a new dossier starts with: the procedure's latest configured process, or the
 * platform's template for it. Validated every time it is loaded.
 */
export async function currentProcess(db: Executor, procedure: Procedure & { version: number }, channel: Channel): Promise<{ definition: ProcessDefinition; version: number }> {
  const cache = processCache(db);
  const key = `${procedure.code}@${procedure.version}:${channel}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < PROCESS_TTL_MS) return hit.value;
  const row = await db.selectFrom('procedure_processes').select(['definition', 'version'])
    .where('procedure_code', '=', procedure.code).orderBy('version', 'desc').limit(1).executeTakeFirst();
  const definition = row ? row.definition : processForProcedure(procedure, { channel });
  const checked = validateProcess(definition);
  if (!checked.ok) throw new Error(`process of ${procedure.code} is invalid: ${checked.errors.join('; ')}`);
  const value = { definition: checked.value, version: row?.version ?? 0 };
  cache.set(key, { at: Date.now(), value });
  return value;
}

/** Configured processes are remembered for PROCESS_TTL_MS per node; a change on this node applies at once. */
const PROCESS_TTL_MS = 30_000;
const processCaches = new WeakMap<object, Map<string, { at: number; value: { definition: ProcessDefinition; version: number } }>>();
function processCache(db: object) {
  let c = processCaches.get(db);
  if (!c) processCaches.set(db, (c = new Map()));
  return c;
}
export function forgetProcesses(db: object): void {
  processCaches.delete(db);
}

export async function actorOf(db: Executor, p: Principal): Promise<Actor> {
  const agency = p.agencyId ? await catalog.getAgency(db, p.agencyId) : undefined;
  const role = p.roles[0];
  return {
    userId: p.userId,
    name: p.fullName,
    title: p.kind === 'citizen' ? 'Người nộp hồ sơ' : role ? ROLE_NAMES[role].vi : 'Cán bộ',
    unitName: agency?.name ?? '',
    kind: p.kind,
    roles: p.roles,
    agencyId: p.agencyId,
  };
}

export const SYSTEM_ACTOR: Actor = { userId: 'system', name: 'Hệ thống motcua', title: 'Hệ thống', unitName: '', kind: 'system', roles: [], agencyId: null };

export function lifecycleContext(
  now: Date,
  procedure: Procedure,
  process: ProcessDefinition,
  channel: Channel,
  applicantId: string | null,
  agencies: DossierAgencies,
  cal: WorkingCalendar,
): LifecycleContext {
  return { now, calendar: cal, process, workingDays: procedureWorkingDays(procedure, channel), channel, applicantId: applicantId ?? '', agencies };
}
