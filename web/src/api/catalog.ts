/** Catalogue look-ups shared by the portal pages, fetched once per page load. */
import { api, query } from './client.ts';
import type { Agency, ProcedureSummary } from './types.ts';

let fieldsP: Promise<{ code: string; name: string }[]> | undefined;
let agenciesP: Promise<Agency[]> | undefined;

export function fields() {
  fieldsP ??= api<{ code: string; name: string }[]>('/procedure-fields').catch((e) => {
    fieldsP = undefined;
    throw e;
  });
  return fieldsP;
}

export function agencies() {
  agenciesP ??= api<Agency[]>('/agencies').catch((e) => {
    agenciesP = undefined;
    throw e;
  });
  return agenciesP;
}

export interface KindOption {
  kind: string;
  /** The one agency of this kind (a department), or null for kinds with one agency per commune. */
  agency: Agency | null;
}

/** Agency filter options: one per agency kind (the search matches procedures by kind). */
export async function agencyKinds(): Promise<KindOption[]> {
  const byKind = new Map<string, Agency[]>();
  for (const a of await agencies()) byKind.set(a.kind, [...(byKind.get(a.kind) ?? []), a]);
  return [...byKind].map(([kind, list]) => ({ kind, agency: list.length === 1 ? list[0]! : null }));
}

/** The most-used procedures (dossiers of the last 90 days; online procedures fill up the list). */
export async function popular(limit = 6): Promise<ProcedureSummary[]> {
  return (await api<{ items: ProcedureSummary[] }>(`/procedures/popular${query({ limit })}`)).items;
}
