/**
 * Catalogue use cases: load the demo province, import procedures, search, and resolve which agencies
 * receive and handle a dossier. Other modules call these functions, never the catalogue tables.
 */
import { readFileSync } from 'node:fs';
import { inTx, type Db, type Executor } from '../../db/index.ts';
import { appendAudit, type AuditActor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { emit } from '../../platform/outbox.ts';
import { COMMUNE_AGENCY_KINDS, type AdminUnit, type Agency, type AgencyKind, type Procedure, type ProcedureField } from './model.ts';
import * as store from './store.ts';
import { defaultSynonyms, expandQuery } from './synonyms.ts';
import { fold } from '../../platform/text.ts';
import { agencyUpdated, procedurePublished } from './events.ts';
import { resolveOfficeHours, type OfficeHoursConfig } from '../calendar/index.ts';
import type { Principal } from '../../platform/auth.ts';
import { cacheFor, fresh, invalidate, kindUnitKey, type AgencyRow, type Versioned } from './cache.ts';

export interface CatalogSeed {
  province: AdminUnit;
  units: AdminUnit[];
  agencies: Agency[];
  fields: ProcedureField[];
  procedures: Procedure[];
}

export const SEED_FILE = new URL('../../../seed/catalog.json', import.meta.url);

export function readSeed(file: URL | string = SEED_FILE): CatalogSeed {
  return JSON.parse(readFileSync(file, 'utf8')) as CatalogSeed;
}

export type Progress = (done: number, total: number) => void;

export async function loadSeed(db: Db, seed: CatalogSeed, at: Date, progress?: Progress) {
  const units = [seed.province, ...seed.units.filter((u) => u.code !== seed.province.code)];
  await inTx(db, async (tx) => {
    await store.upsertUnits(tx, units);
    await store.upsertAgencies(tx, seed.agencies);
  });
  const result = await importProcedures(db, seed.procedures, seed.fields, at, { kind: 'system', id: null }, progress);
  return { units: units.length, agencies: seed.agencies.length, ...result };
}

/** Publishes procedures in batches of 50 (one transaction each); unchanged ones are left alone. */
export async function importProcedures(db: Db, procedures: Procedure[], fields: ProcedureField[], at: Date, actor: AuditActor, progress?: Progress) {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  invalidate(db);
  const allFields = new Map(fields.map((f) => [f.code, f]));
  for (const p of procedures) if (!allFields.has(p.fieldCode)) allFields.set(p.fieldCode, { code: p.fieldCode, name: p.fieldName });
  await inTx(db, (tx) => store.upsertFields(tx, [...allFields.values()]));
  for (let i = 0; i < procedures.length; i += 50) {
    const batch = procedures.slice(i, i + 50);
    await inTx(db, async (tx) => {
      for (const p of batch) {
        const outcome = await store.publishProcedure(tx, p);
        counts[outcome]++;
        if (outcome === 'unchanged') continue;
        await appendAudit(tx, { actor, action: `procedure.${outcome}`, subjectType: 'procedure', subjectId: p.code, at });
        await emit(tx, procedurePublished, { aggregateId: p.code, payload: { code: p.code }, at });
      }
    });
    progress?.(Math.min(i + 50, procedures.length), procedures.length);
  }
  return counts;
}

export type ProcedureSummary = Pick<Procedure, 'code' | 'name' | 'fieldCode' | 'fieldName' | 'level' | 'agencyKind' | 'agencyText' | 'onlineLevel' | 'channels'> & { version: number };

export function summary(p: Procedure, version: number): ProcedureSummary {
  const { code, name, fieldCode, fieldName, level, agencyKind, agencyText, onlineLevel, channels } = p;
  return { code, name, fieldCode, fieldName, level, agencyKind, agencyText, onlineLevel, channels, version };
}

export async function search(db: Executor, q: Omit<store.ProcedureQuery, 'agencyKind'> & { agency?: string }) {
  let agencyKind: string | undefined;
  if (q.agency) {
    const agency = await store.getAgency(db, q.agency);
    agencyKind = agency ? agency.kind : q.agency;
  }
  const { rows, total } = await store.searchProcedures(db, { ...q, agencyKind }, expandQuery(fold(q.q ?? ''), defaultSynonyms()));
  return { items: rows.map((r) => summary(r.data, r.version)), total };
}

export async function getProcedure(db: Executor, code: string, version?: number): Promise<Versioned> {
  const cache = cacheFor(db);
  const now = Date.now();
  const current = version === undefined ? cache.current.get(code) : undefined;
  const wanted = version ?? (current && fresh(current.at, now) ? current.version : undefined);
  const hit = wanted !== undefined ? cache.versions.get(`${code}@${wanted}`) : undefined;
  if (hit) return hit;
  const row = await store.getProcedure(db, code, wanted);
  if (!row) throw new AppError('not-found', `procedure ${code} not found`);
  const p: Versioned = Object.freeze({ ...row.data, version: row.version });
  if (cache.versions.size > 5000) cache.versions.clear();
  cache.versions.set(`${code}@${row.version}`, p);
  if (version === undefined) cache.current.set(code, { version: row.version, at: now });
  return p;
}

async function referenceData(db: Executor) {
  const cache = cacheFor(db);
  const now = Date.now();
  if (cache.agencies && fresh(cache.agencies.at, now)) return cache.agencies;
  const [agencies, units] = await Promise.all([store.listAgencies(db), db.selectFrom('admin_units').select('code').execute()]);
  const byId = new Map<string, AgencyRow>();
  const byKindUnit = new Map<string, AgencyRow>();
  for (const a of agencies) {
    byId.set(a.id, a);
    const key = kindUnitKey(a.kind, a.unit_code);
    if (!byKindUnit.has(key)) byKindUnit.set(key, a);
  }
  cache.agencies = { at: now, byId, byKindUnit, units: new Set(units.map((u) => u.code)) };
  return cache.agencies;
}

export async function getAgency(db: Executor, id: string): Promise<AgencyRow | undefined> {
  return (await referenceData(db)).byId.get(id);
}

/** The province-level agency of each kind (steps with a fixed agency act there). */
export async function provincialAgencies(db: Executor): Promise<Partial<Record<AgencyKind, string>>> {
  const ref = await referenceData(db);
  const out: Partial<Record<AgencyKind, string>> = {};
  for (const a of ref.byId.values()) if (a.unit_code === null && !(a.kind in out)) out[a.kind as AgencyKind] = a.id;
  return out;
}

/** An agency of a commune-level kind for one commune (e.g. its People's Committee). */
export async function communeAgency(db: Executor, kind: AgencyKind, communeCode: string | null): Promise<string | null> {
  if (!communeCode) return null;
  return (await referenceData(db)).byKindUnit.get(kindUnitKey(kind, communeCode))?.id ?? null;
}

/**
 * Which desk receives a dossier and which agency handles it. Commune-level procedures are received
 * by the commune People's Committee's one-stop section of the applicant's commune; province-level ones
 * by the provincial Public Administration Service Center.
 */
export async function routeDossier(db: Executor, p: Procedure, communeCode: string | null) {
  const communeKind = COMMUNE_AGENCY_KINDS.includes(p.agencyKind);
  if (communeKind && !communeCode) throw new AppError('validation', 'communeCode is required for a commune-level procedure');
  const ref = await referenceData(db);
  if (communeCode && !ref.units.has(communeCode)) {
    throw new AppError('validation', `unknown commune ${communeCode}`, { errors: [{ pointer: '/body/formData/communeCode', detail: 'unknown commune' }] });
  }
  const handling = ref.byKindUnit.get(kindUnitKey(p.agencyKind, communeKind ? communeCode : null));
  const desk = p.level === 'commune' && communeCode
    ? ref.byKindUnit.get(kindUnitKey('commune_peoples_committee' satisfies AgencyKind, communeCode))
    : ref.byKindUnit.get(kindUnitKey('public_service_center' satisfies AgencyKind, null));
  if (!handling || !desk) throw new AppError('unavailable', `no agency configured for ${p.agencyKind}`);
  return { desk, handling };
}

export const listFields = store.listFields;
export const listAgencies = store.listAgencies;
export const countProcedures = store.countProcedures;
export const provinceCommittee = store.provinceCommittee;
export const agencyWithParent = store.agencyWithParent;
export const unitName = store.unitName;

/**
 * Sets an agency's office hours (null = the default). The agency's own admins or a province admin;
 * validated by the calendar, so a bad block or cut-off is a 400, not a broken deadline later.
 */
export async function setAgencyOfficeHours(db: Db, actor: Principal, agencyId: string, hours: OfficeHoursConfig | null, at: Date) {
  const own = actor.roles.includes('agency_admin') && actor.agencyId === agencyId;
  if (!own && !actor.roles.includes('province_admin')) throw new AppError('forbidden');
  if (hours) {
    try {
      resolveOfficeHours(hours);
    } catch (err) {
      throw new AppError('validation', (err as Error).message, { errors: [{ pointer: '/body', detail: (err as Error).message }] });
    }
  }
  await inTx(db, async (tx) => {
    if (!(await store.setOfficeHours(tx, agencyId, hours))) throw new AppError('not-found', `agency ${agencyId} not found`);
    await appendAudit(tx, { actor: { kind: 'officer', id: actor.userId }, action: 'agency.office_hours_set', subjectType: 'agency', subjectId: agencyId, data: { hours }, at });
    await emit(tx, agencyUpdated, { aggregateId: agencyId, payload: { agencyId }, at });
  });
  invalidate(db);
  return { agencyId, officeHours: hours };
}
