/**
 * The committed catalogue seed (seed/catalog.json): built from shared/data by scripts/build-seed.ts,
 * read by the app and CI (a clone outside this workplace has no shared/ folder). Pure.
 */
import type { AdminUnit, Agency, Procedure, ProcedureField } from './model.ts';
import { buildProvince, type AdminUnitsFile } from './province.ts';
import { mapSourceFile } from './source.ts';

export interface SeedSource {
  file: string;
  repository: string;
  commit: string;
  licence: string;
  sha256?: string;
  note?: string;
}

export interface CatalogSeed {
  generatedFrom: { generator: string; provinceCode: string; sources: SeedSource[] };
  province: AdminUnit;
  units: AdminUnit[];
  agencies: Agency[];
  fields: ProcedureField[];
  procedures: Procedure[];
}

export type CatalogContent = Omit<CatalogSeed, 'generatedFrom'>;

/** Fields used by the procedures, one per code (first name wins), sorted by code. */
export function fieldsOf(procedures: readonly Procedure[]): ProcedureField[] {
  const byCode = new Map<string, string>();
  for (const p of procedures) if (!byCode.has(p.fieldCode)) byCode.set(p.fieldCode, p.fieldName);
  return [...byCode].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code));
}

/** Province, units, agencies, fields and procedures (sorted by code) — everything but provenance. */
export function buildCatalog(adminUnits: AdminUnitsFile, procedureRecords: unknown, provinceCode = '44'): CatalogContent {
  const { province, units, agencies } = buildProvince(adminUnits, provinceCode);
  const communes = units.map((u) => ({ code: u.code, name: u.name }));
  const procedures = mapSourceFile(procedureRecords, communes).sort((a, b) => a.code.localeCompare(b.code));
  return { province, units, agencies, fields: fieldsOf(procedures), procedures };
}

/**
 * The committed file format: valid JSON with one unit/agency/field/procedure per line, so a rebuild
 * shows up in review as per-record diffs while the file stays compact (no indentation).
 */
export function serializeSeed(seed: CatalogSeed): string {
  const parts = Object.entries(seed).map(([key, value]) => {
    if (!Array.isArray(value) || value.length === 0) return `${JSON.stringify(key)}:${JSON.stringify(value)}`;
    return `${JSON.stringify(key)}:[\n${value.map((v) => JSON.stringify(v)).join(',\n')}\n]`;
  });
  return `{${parts.join(',\n')}}\n`;
}
