/**
 * In-process cache of catalogue reference data, one per database handle. A procedure version is
 * immutable, so it is cached for good; which version is current, and the agencies and units, are
 * re-read after REFERENCE_TTL_MS (a new version published on another app node shows within that time;
 * on this node at once).
 */
import type { Procedure } from './model.ts';
import type { OfficeHoursConfig } from '../calendar/index.ts';

export const REFERENCE_TTL_MS = 30_000;

type Versioned = Procedure & { version: number };
interface AgencyRow { id: string; name: string; name_en: string; kind: string; unit_code: string | null; parent_id: string | null; office_hours: OfficeHoursConfig | null }

interface Cache {
  versions: Map<string, Versioned>;
  current: Map<string, { version: number; at: number }>;
  agencies: { at: number; byId: Map<string, AgencyRow>; byKindUnit: Map<string, AgencyRow>; units: Set<string> } | null;
}

const caches = new WeakMap<object, Cache>();

export function cacheFor(db: object): Cache {
  let c = caches.get(db);
  if (!c) {
    c = { versions: new Map(), current: new Map(), agencies: null };
    caches.set(db, c);
  }
  return c;
}

export function invalidate(db: object): void {
  caches.delete(db);
}

export const kindUnitKey = (kind: string, unit: string | null) => `${kind}|${unit ?? ''}`;
export const fresh = (at: number, now: number) => now - at < REFERENCE_TTL_MS;
export type { AgencyRow, Versioned };
