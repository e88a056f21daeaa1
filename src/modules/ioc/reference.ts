/**
 * What the IOC needs from the catalogue: names of agencies, procedures and communes, and the
 * procedures in each scope (for the catalogue-based inputs of the index). Cached per database handle.
 */
import type { Executor } from '../../db/index.ts';
import { allAdminUnits, allAgencies, currentProcedures, type Procedure } from '../catalog/index.ts';
import type { Level } from './model.ts';

export interface ProcInfo {
  code: string;
  name: string;
  agencyKind: string;
  level: string;
  onlineLevel: 'full' | 'partial' | null;
  hasFees: boolean;
  /** Name, steps, a time limit, components, results and legal basis all published. */
  complete: boolean;
}

export interface Reference {
  agencies: Map<string, { name: string; nameEn: string; kind: string; unitCode: string | null }>;
  procedures: Map<string, ProcInfo>;
  units: Map<string, { name: string; type: string }>;
}

const TTL_MS = 60_000;
const cache = new WeakMap<object, { at: number; ref: Promise<Reference> }>();

function complete(p: Procedure): boolean {
  return Boolean(p.name) && p.steps.length > 0 && p.channels.some((c) => c.workingDays !== null) && p.components.length > 0
    && p.results.length > 0 && p.legalBasis.length > 0;
}

async function load(db: Executor): Promise<Reference> {
  const [agencies, units, procs] = await Promise.all([
    allAgencies(db),
    allAdminUnits(db),
    currentProcedures(db),
  ]);
  return {
    agencies: new Map(agencies.map((a) => [a.id, { name: a.name, nameEn: a.name_en, kind: a.kind, unitCode: a.unit_code }])),
    units: new Map(units.map((u) => [u.code, { name: u.name, type: u.type }])),
    procedures: new Map(procs.map(({ data: p }) => [p.code, {
      code: p.code, name: p.name, agencyKind: p.agencyKind, level: p.level, onlineLevel: p.onlineLevel,
      hasFees: p.channels.some((c) => (c.feeVND ?? 0) > 0), complete: complete(p),
    }])),
  };
}

export function reference(db: Executor): Promise<Reference> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.ref;
  const ref = load(db);
  cache.set(db, { at: Date.now(), ref });
  ref.catch(() => cache.delete(db));
  return ref;
}

export function nameOf(ref: Reference, level: Level, key: string): string {
  switch (level) {
    case 'province': return 'Toàn tỉnh';
    case 'agency': return ref.agencies.get(key)?.name ?? key;
    case 'procedure': return ref.procedures.get(key)?.name ?? key;
    case 'commune': return ref.units.get(key)?.name ?? key;
  }
}

/**
 * The procedures an entity answers for: all (province), the procedures handled by the agency's kind
 * (agency, and anything inside an agency's scope), the procedure itself, the commune-level ones (commune).
 */
export function proceduresOf(ref: Reference, level: Level, key: string, scope: string): ProcInfo[] {
  let all = [...ref.procedures.values()];
  const scopeKind = scope ? ref.agencies.get(scope)?.kind : undefined;
  if (scope) all = all.filter((p) => p.agencyKind === scopeKind);
  switch (level) {
    case 'province': return all;
    case 'agency': {
      const kind = ref.agencies.get(key)?.kind;
      return all.filter((p) => p.agencyKind === kind);
    }
    case 'procedure': return all.filter((p) => p.code === key);
    case 'commune': return all.filter((p) => p.level === 'commune');
  }
}
